import { printable } from '../../shared/printable';
import type { Result } from '../../shared/result';
import type { Kiosk } from '../core/kiosk';
import type { Caller } from '../core/router';
import { formatApiError } from './format';
import { UsageError } from './usage-error';

/** One option of one command, as `kiosk <command> --help` lists it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Checked before the command runs: missing, it is a usage error naming it (exit 2). */
  required?: boolean;
  /** The value's placeholder in help, such as N or DATE. */
  value?: string;
  help: string;
  /** Added to the missing option's message, such as the values it takes. */
  hint?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** What the handler gets: each of its options typed by its spec; a required string is always there. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['required'] extends true
      ? string
      : string | undefined;
};

export interface Context<V> {
  kiosk: Kiosk;
  values: V;
  /** The words after the command's name, as its `arguments` name them (`settings set KEY VALUE`). */
  args: string[];
  io: {
    stderr: (text: string) => void;
    /** Reads a secret such as a PIN from standard input, never from the command line. */
    readSecret: (prompt: string) => Promise<string>;
  };
  print: (value: unknown, asText: () => string) => void;
}

/**
 * One command of the table: its name (`holds release`), its usage line(s) as `kiosk --help` shows
 * them, its own options, and its handler. A handler returns its exit code when that is not simply 0
 * (a run that was held back or failed).
 */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: string;
  /** Usage lines after the name, such as `--id N`; alternatives on lines of their own. */
  usage: string[];
  /** Further lines for `kiosk <command> --help`. */
  notes?: string[];
  options: O;
  /** Names of the words the command takes after its name, all required; none when absent. */
  arguments?: string[];
  /**
   * Sets up a new kiosk, so a --data-dir that does not exist yet is made (the first admin, a setting
   * before the first start). Every other command refuses one: a mistyped folder would otherwise
   * become an empty kiosk that answers "no visitors today".
   */
  makesDataDir?: boolean;
  /** Checks that the options go together (one of two, say), before the kiosk is opened. */
  check?: (values: OptionValues<O>) => void;
  run: (context: Context<OptionValues<O>>) => Promise<number | void>;
}

/** Keeps a command's option types for its handler; the table holds commands of any options. */
export const command = <const O extends OptionSpecs>(spec: Command<O>): Command => spec as unknown as Command;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string', value: 'D', help: "the kiosk's data folder" },
  'footage-root': { type: 'string', value: 'R', help: 'read footage under R for this run instead of footage.root' },
  json: { type: 'boolean', help: 'print JSON instead of text' },
  help: { type: 'boolean', help: "show this command's usage" },
} as const satisfies OptionSpecs;

// The CLI is run by someone who can read the data folder directly, so it acts with every role.
export const OPERATOR: Caller = { kind: 'operator' };

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new UsageError(formatApiError(result.error));
}

/** A whole number option such as --id; undefined when not given. */
export function integerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${printable(value)}"`);
  return Number(value);
}

/** A whole number option the command cannot do without (see OptionSpec.required). */
export const requiredInteger = (value: string, name: string): number => integerOption(value, name)!;
