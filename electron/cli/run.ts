import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { jsonForTerminal, printable, printableLines } from '../../shared/printable';
import type { KioskConfig } from '../../shared/config';
import { clockFromEnvironment, InvalidClockError } from '../core/clock';
import { defaultDataDir } from '../core/data-dir';
import type { Kiosk } from '../core/kiosk';
import { COMMON_OPTIONS, type Command, type OptionSpecs, type OptionValues } from './command';
import { COMMANDS } from './commands';
import { formatCommandHelp, formatUsage } from './help';
import { UsageError } from './usage-error';

export { UsageError };

export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a secret such as a PIN from standard input, never from the command line. */
  readSecret: (prompt: string) => Promise<string>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

type ParseOptions = Record<string, { type: 'string' | 'boolean' }>;

const parseOptions = (specs: OptionSpecs): ParseOptions =>
  Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }]));

/** Every option of every command, only to find the command's words among the arguments. */
const ANY_OPTION: ParseOptions = Object.assign(
  parseOptions(COMMON_OPTIONS),
  ...COMMANDS.map((command) => parseOptions(command.options)),
);

/** The command the arguments name, and the arguments read with that command's options only. */
function parse(argv: readonly string[]) {
  const { positionals } = parseArgs({ args: [...argv], options: ANY_OPTION, allowPositionals: true, strict: false });
  // The command whose words the arguments start with; a stray value (`--id --json`) comes after them.
  const command = COMMANDS.filter((candidate) =>
    candidate.name.split(' ').every((word, index) => positionals[index] === word),
  ).sort((a, b) => b.name.length - a.name.length)[0];
  if (!command) {
    const name = positionals.join(' ');
    if (name === '' || name === 'help' || argv.includes('--help')) return { command: undefined };
    const group = COMMANDS.filter((candidate) => candidate.name.startsWith(`${positionals[0]} `));
    if (positionals.length === 1 && group.length > 0)
      throw new UsageError(`"${name}" is one of: ${group.map((candidate) => candidate.name).join(', ')}`);
    throw new UsageError(`unknown command "${printable(name)}"; run "kiosk --help" for the list`);
  }
  const { name } = command;
  const options = { ...parseOptions(COMMON_OPTIONS), ...parseOptions(command.options) };
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    const words = parsed.positionals.slice(name.split(' ').length);
    const wanted = command.arguments ?? [];
    const extra = words.slice(wanted.length);
    if (extra.length > 0) throw new Error(`unexpected argument "${printable(extra.join(' '))}"`);
    if (words.length < wanted.length && !parsed.values.help)
      throw new Error(`${wanted.slice(words.length).join(' ')} missing: kiosk ${name} ${wanted.join(' ')}`);
    const { values } = parsed;
    return { command, values: values as Record<string, string | boolean | undefined>, args: words };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    if (unknown)
      throw new UsageError(
        `Unknown option '${printable(unknown[1]!)}' for "${name}"; "kiosk ${name} --help" lists its options`,
      );
    throw new UsageError(`${name}: ${message}`);
  }
}

/** A required option that is missing is a usage error naming it, before anything is opened. */
function checkRequired(command: Command, values: Record<string, unknown>) {
  for (const [name, spec] of Object.entries(command.options)) {
    if (!spec.required || values[name] !== undefined) continue;
    throw new UsageError(
      `--${name} is required${spec.hint ? `: ${spec.hint}` : ''} ("kiosk ${command.name} --help" shows its usage)`,
    );
  }
}

/**
 * A data folder that names a file, or that does not exist for a command that only works on a kiosk,
 * is the person's typo: said plainly, before the core touches (or makes) anything.
 */
function checkDataDir(dataDir: string, command: Command) {
  const found = fs.statSync(dataDir, { throwIfNoEntry: false });
  if (found && !found.isDirectory())
    throw new UsageError(`--data-dir ${dataDir} is a file, not a folder: name the kiosk's data folder`);
  if (!found && !command.makesDataDir)
    throw new UsageError(
      `there is no kiosk data folder at ${dataDir}: check --data-dir ("kiosk staff add" or the kiosk's first start makes a new one)`,
    );
}

function ensureFolder(folder: string): string {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

const withFootageRoot = (config: KioskConfig, root: string): KioskConfig => ({
  ...config,
  footage: { ...config.footage, root },
});

export async function runCli(io: CliIo): Promise<number> {
  const { argv, env } = io;
  // The last guard before the terminal: values are escaped where they are formatted, and anything
  // that still carries a control character (an error message, say) is escaped here, line breaks apart.
  const stdout = (text: string) => io.stdout(printableLines(text));
  const stderr = (text: string) => io.stderr(printableLines(text));
  let kiosk: Kiosk | undefined;
  let core: typeof import('./core-entry') | undefined;
  try {
    const { command, values, args } = parse(argv);
    if (!command) {
      stdout(formatUsage(COMMANDS, defaultDataDir(env)));
      return EXIT_OK;
    }
    if (values.help) {
      stdout(formatCommandHelp(command));
      return EXIT_OK;
    }
    checkRequired(command, values);
    command.check?.(values as OptionValues<OptionSpecs>);
    const dataDir = (values['data-dir'] as string | undefined) ?? defaultDataDir(env);
    checkDataDir(dataDir, command);
    const footageRoot = values['footage-root'] as string | undefined;
    const clock = clockFromEnvironment(env);
    core = await import('./core-entry');
    const { createKiosk, loadConfigFile } = core;
    kiosk = await createKiosk({
      dataDir,
      clock,
      // Failures reach the user as one line through the command's result; details only on request.
      logError: (error, context) => {
        if (env.KIOSK_DEBUG) stderr(`kiosk: ${context}: ${error instanceof Error ? error.stack : String(error)}`);
      },
      // --footage-root overrides the configured root for this one run.
      config: footageRoot
        ? withFootageRoot(loadConfigFile(ensureFolder(dataDir), clock), path.resolve(footageRoot))
        : undefined,
    });
    const print = (value: unknown, asText: () => string) =>
      stdout(values.json ? jsonForTerminal(JSON.stringify(value, null, 2)) : asText());
    return (
      (await command.run({
        kiosk,
        values: values as OptionValues<OptionSpecs>,
        args: args ?? [],
        io: { stderr, readSecret: io.readSecret },
        print,
      })) ?? EXIT_OK
    );
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof InvalidClockError ||
      (core &&
        (error instanceof core.ConfigError ||
          error instanceof core.DatabaseTooNewError ||
          error instanceof core.NotADatabaseError))
    ) {
      stderr(`kiosk: ${error.message}`);
      return EXIT_USAGE;
    }
    stderr(`kiosk: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    if (env.KIOSK_DEBUG) stderr(String((error as Error).stack));
    return EXIT_FAILURE;
  } finally {
    await kiosk?.close();
  }
}
