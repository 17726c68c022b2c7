import { parseArgs } from 'node:util';
import { noticeVersion } from '../../shared/notice';
import type { Result } from '../../shared/result';
import { clockFromEnvironment, InvalidClockError } from '../core/clock';
import { ConfigError } from '../core/config-file';
import { defaultDataDir } from '../core/data-dir';
import { DatabaseTooNewError, NotADatabaseError } from '../core/database';
import { createKiosk, type Kiosk } from '../core/kiosk';
import type { Caller } from '../core/router';
import { formatApiError, formatToday } from './format';

export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A mistake in what the user typed or configured: one line on stderr, exit code 2, no stack. */
class UsageError extends Error {}

const USAGE = `Usage: kiosk <command> [options]

Commands:
  visits sign-in --first F --last L [--company C] [--plate P]   register a visitor by hand
  visits today                                                    list today's visitors

Options:
  --data-dir D   the kiosk's data folder (default: ${defaultDataDir()})
  --json         print JSON instead of text
  --help         show this help

KIOSK_NOW=<ISO 8601 timestamp> runs the command as if it were that time.`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  first: { type: 'string' },
  last: { type: 'string' },
  company: { type: 'string' },
  plate: { type: 'string' },
} as const;

// The CLI is run by someone who can read the data folder directly, so it acts with every role.
const OPERATOR: Caller = { kind: 'operator' };

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new UsageError(formatApiError(result.error));
}

export async function runCli({ argv, env, stdout, stderr }: CliIo): Promise<number> {
  let kiosk: Kiosk | undefined;
  try {
    const { values, positionals } = parse(argv);
    const command = positionals.join(' ');
    if (values.help || command === '' || command === 'help') {
      stdout(USAGE);
      return EXIT_OK;
    }
    const print = (value: unknown, asText: () => string) =>
      stdout(values.json ? JSON.stringify(value, null, 2) : asText());
    const openKiosk = async () => {
      kiosk = await createKiosk({
        dataDir: values['data-dir'] ?? defaultDataDir(env),
        clock: clockFromEnvironment(env),
      });
      return kiosk;
    };

    switch (command) {
      case 'visits sign-in': {
        const { router, config } = await openKiosk();
        const receipt = unwrap(
          await router.invoke(
            'visits.signIn',
            {
              firstName: values.first ?? '',
              lastName: values.last ?? '',
              company: values.company,
              plate: values.plate,
              // A receptionist registering a visitor by hand has shown them the current notice.
              noticeVersion: noticeVersion(config),
            },
            OPERATOR,
          ),
        );
        print(receipt, () => `Signed in ${receipt.firstName}. Sign-out code: ${receipt.signOutCode}`);
        return EXIT_OK;
      }
      case 'visits today': {
        const { router } = await openKiosk();
        const today = unwrap(await router.invoke('visits.today', {}, OPERATOR));
        print(today, () => formatToday(today));
        return EXIT_OK;
      }
      default:
        throw new UsageError(`unknown command "${command}"; run "kiosk --help" for the list`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof InvalidClockError ||
      error instanceof DatabaseTooNewError ||
      error instanceof NotADatabaseError
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
