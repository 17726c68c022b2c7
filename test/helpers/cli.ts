import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
// As `npm run cli` runs it: the bundled CLI, rebuilt first when a source is newer.
const launcher = path.join(root, 'scripts', 'cli.mjs');

/** Runs the real CLI in a child process, as `npm run cli` does; `input` is its standard input. */
export function runCli(args: string[], input = '', env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, KIOSK_NOW: '2026-11-24T10:15:00+01:00', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, with the environment before the standard input. */
export function cli(args: string[], env: Record<string, string> = {}, input = '') {
  return runCli(args, input, env);
}

/**
 * The CLI's own entry function in this process, with the same environment, standard input and
 * output as `cli`: for the many cases where what matters is the command's answer, not the process
 * around it (a child process costs a Node start and a module load each).
 */
export async function cliInProcess(args: string[], env: Record<string, string> = {}, input = '') {
  const { runCli: run } = await import('../../electron/cli/run');
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv: args,
    env: { ...process.env, KIOSK_NOW: '2026-11-24T10:15:00+01:00', ...env },
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    // As from a pipe: the first line, trimmed; nothing when the input is empty.
    readSecret: async () => input.split('\n')[0]?.trim() ?? '',
  });
  return { code, stdout, stderr };
}
