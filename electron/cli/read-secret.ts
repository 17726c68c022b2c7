/**
 * A PIN comes from standard input, never from an argument (arguments end up in shell history and
 * in every local user's process list). At a terminal it is typed without echo; from a pipe the
 * first line is taken.
 */
export async function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    // Loaded here, not with every command: readline brings Node's stream and interface modules.
    const { default: readline } = await import('node:readline');
    const lines = readline.createInterface({ input, terminal: false });
    for await (const line of lines) {
      lines.close();
      return line.trim();
    }
    return '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  let secret = '';
  try {
    for await (const chunk of input) {
      for (const character of String(chunk)) {
        if (character === '\r' || character === '\n') return secret;
        if (character === '\u0003') throw new Error('cancelled');
        if (character === '\u007f' || character === '\b') secret = secret.slice(0, -1);
        else secret += character;
      }
    }
    return secret;
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
