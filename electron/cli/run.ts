import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { noticeVersion } from '../../shared/notice';
import { jsonForTerminal, printable, printableLines } from '../../shared/printable';
import type { Result } from '../../shared/result';
import { formatDateTime } from '../../shared/date-format';
import { endOfLocalDate } from '../../shared/time';
import { clockFromEnvironment, InvalidClockError } from '../core/clock';
import { ConfigError, loadConfigFile } from '../core/config-file';
import type { KioskConfig } from '../../shared/config';
import type { FootageListStatus, FootageRow, HoldBasis } from '../../shared/api/types';
import { defaultDataDir } from '../core/data-dir';
import { DatabaseTooNewError, NotADatabaseError } from '../core/database';
import { createKiosk, type Kiosk } from '../core/kiosk';
import type { Caller } from '../core/router';
import {
  formatApiError,
  formatAudit,
  formatHolds,
  formatRetentionStatus,
  formatRun,
  formatStaff,
  formatToday,
} from './format';
import { currentHealth, formatHealth, healthCommands } from './health-command';
import { footageBacklogCommands } from './footage-backlog-commands';
import { runExitCode } from './run-outcome';
import { PRIVACY_COMMANDS, PRIVACY_OPTIONS } from './privacy-commands';
import { UsageError } from './usage-error';

export { UsageError };
import { formatFootageList, formatRecorderInspection } from './recorder-format';
import { invitationCommands, InvitationUsageError } from './invitation-commands';

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

const USAGE = `Usage: kiosk <command> [options]

Commands:
  visits sign-in --first F --last L [--company C] [--plate P]   register a visitor by hand
  visits today                                                    list today's visitors
  visits expect --first F --last L [--company C] [--plate P] [--host H] --date DATE
                | visits expect --csv FILE --date DATE              expected visitors, with invitation letters
  visits expect-purge                                             erase expected visits nobody came for, now
  staff add --name N --role receptionist|security|admin|privacy   add a staff account (PIN from stdin)
  staff list                                                      list staff accounts
  staff disable --id N | staff enable --id N                      switch an account off or on
  staff reset-pin --id N                                          set a new PIN (from stdin)
  audit list [--action A] [--limit N]                             the audit log, newest first
  retention run [--dry-run]                                       purge visits past their deadline now
  retention status                                                last runs, next deadline, holds, a blocked run, alarms
  retention confirm-clock                                         confirm the clock after a blocked purge
  health                                                          the retention alarms: what is wrong, what to do
  holds add --visit N --reason R --basis B [--until DATE] [--review DATE]
                                                                  keep a visit past its deadline (through DATE);
                                                                  B is legalObligation or necessaryForActivities;
                                                                  review by DATE (default: holds.reviewDays ahead)
  holds extend-review --id N --review DATE                        looked at again: move a hold's review date
  holds release --id N                                            release a legal hold
  holds list                                                      the active legal holds
  holds add --file PATH --reason R --basis B | --camera C --from T --to T --reason R --basis B   hold footage
  footage scan | footage purge [--dry-run] | footage list [--camera C] [--status kept|held|deleted|gone]
                 [--from 2026-11-25T10:00] [--to 2026-11-25T10:30] [--limit N [--cursor C]]
                 (times in the kiosk's zone, --to exclusive; without --limit every matching row)
  footage inspect                                                 which recorder layout reads which folders
                 (with --footage-root R to use another root for this run)
  footage backlog | footage confirm-deletion                      what a purge held back as too large would
                                                                  delete; the admin's go-ahead (it runs now)

retention run, footage scan and footage purge exit 0 when done, 3 when held back (stderr says why and
how to go on), 1 when they failed.

Privacy requests (purpose: access-request, erasure-request, rectification-request, restriction-request,
objection, police-request, other):
  visits search --query Q [--from DATE] [--to DATE] --purpose P   find a person's visits (all days, held too)
  visits export --ids 1,2 --language nl|en --out FILE --purpose P  a copy for the person: FILE and FILE.json
  visits correct --id N [--first F] [--last L] [--company C] [--plate P]   correct a visit
  visits erase --ids 1,2 --reason R                               erase visits now (not while held)
  visits restrict --ids 1,2 --reason R | visits unrestrict --ids 1,2      restrict or lift it
  footage export --visit N | --files F1,F2 --out DIR --reason R   copy footage with a manifest; holds the originals

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
  name: { type: 'string' },
  role: { type: 'string' },
  id: { type: 'string' },
  action: { type: 'string' },
  limit: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  visit: { type: 'string' },
  reason: { type: 'string' },
  until: { type: 'string' },
  review: { type: 'string' },
  basis: { type: 'string' },
  file: { type: 'string' },
  camera: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  status: { type: 'string' },
  'footage-root': { type: 'string' },
  ...PRIVACY_OPTIONS,
  cursor: { type: 'string' },
  date: { type: 'string' },
  csv: { type: 'string' },
  host: { type: 'string' },
} as const;

type Values = ReturnType<typeof parse>['values'];

// The CLI is run by someone who can read the data folder directly, so it acts with every role.
export const OPERATOR: Caller = { kind: 'operator' };

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new UsageError(formatApiError(result.error));
}

function integerOption(values: Values, name: 'id' | 'limit' | 'visit'): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${printable(value)}"`);
  return Number(value);
}

export interface Context {
  kiosk: Kiosk;
  values: Values;
  io: CliIo;
  print: (value: unknown, asText: () => string) => void;
}

// A command returns its exit code when it is not simply 0 (a run that was held back or failed).
const COMMANDS: Record<string, (context: Context) => Promise<number | void>> = {
  ...healthCommands,
  ...invitationCommands,
  'visits sign-in': async ({ kiosk, values, print }) => {
    const receipt = unwrap(
      await kiosk.router.invoke(
        'visits.signIn',
        {
          firstName: values.first ?? '',
          lastName: values.last ?? '',
          company: values.company,
          plate: values.plate,
          // A receptionist registering a visitor by hand has shown them the current notice.
          noticeVersion: noticeVersion(kiosk.config),
        },
        OPERATOR,
      ),
    );
    print(receipt, () => `Signed in ${printable(receipt.firstName)}. Sign-out code: ${receipt.signOutCode}`);
  },

  'visits today': async ({ kiosk, print }) => {
    const today = unwrap(await kiosk.router.invoke('visits.today', {}, OPERATOR));
    print(today, () => formatToday(today));
  },

  'staff add': async ({ kiosk, values, io, print }) => {
    const pin = await io.readSecret('PIN (6 to 12 digits): ');
    const input = { name: values.name ?? '', role: (values.role ?? '') as 'admin', pin };
    const account = unwrap(await kiosk.router.invoke('staff.add', input, OPERATOR));
    print(account, () => `Added ${printable(account.name)} (${account.role}) as staff account ${account.id}.`);
  },

  'staff list': async ({ kiosk, print }) => {
    const accounts = unwrap(await kiosk.router.invoke('staff.list', {}, OPERATOR));
    print(accounts, () => formatStaff(accounts));
  },

  'staff disable': async (context) => setDisabled(context, true),
  'staff enable': async (context) => setDisabled(context, false),

  'staff reset-pin': async ({ kiosk, values, io, print }) => {
    const staffId = integerOption(values, 'id') ?? 0;
    const pin = await io.readSecret('New PIN (6 to 12 digits): ');
    unwrap(await kiosk.router.invoke('staff.resetPin', { staffId, pin }, OPERATOR));
    print({ staffId }, () => `New PIN set for staff account ${staffId}.`);
  },

  'retention run': async ({ kiosk, values, io, print }) => {
    const run = unwrap(await kiosk.router.invoke('retention.run', { dryRun: values['dry-run'] }, OPERATOR));
    print(run, () => formatRun(run));
    return runExitCode(run, io.stderr);
  },

  'retention status': async ({ kiosk, print }) => {
    const status = unwrap(await kiosk.router.invoke('retention.status', {}, OPERATOR));
    const health = await currentHealth(kiosk);
    print({ ...status, health }, () =>
      [formatRetentionStatus(status, kiosk.config.timeZone), formatHealth(health, kiosk.config.timeZone)].join('\n'),
    );
  },

  'retention confirm-clock': async ({ kiosk, print }) => {
    const run = unwrap(await kiosk.router.invoke('retention.confirmClock', {}, OPERATOR));
    print(run, () => `Clock confirmed. ${formatRun(run)}`);
  },

  'footage scan': async ({ kiosk, io, print }) => {
    const run = unwrap(await kiosk.router.invoke('footage.scan', {}, OPERATOR));
    print(run, () => formatRun(run));
    return runExitCode(run, io.stderr);
  },

  'footage purge': async ({ kiosk, values, io, print }) => {
    const run = unwrap(await kiosk.router.invoke('footage.purge', { dryRun: values['dry-run'] }, OPERATOR));
    print(run, () => formatRun(run));
    return runExitCode(run, io.stderr);
  },
  ...footageBacklogCommands,

  'footage list': async ({ kiosk, values, print }) => {
    const filter = {
      camera: values.camera,
      status: values.status as FootageListStatus | undefined, // checked by the channel's schema
      from: timeOption(values.from, 'from', kiosk.config.timeZone),
      to: timeOption(values.to, 'to', kiosk.config.timeZone),
    };
    const limit = integerOption(values, 'limit');
    let before = cursorOption(values.cursor);
    const list = (pageLimit: number) =>
      kiosk.router.invoke('footage.list', { ...filter, limit: pageLimit, before }, OPERATOR).then(unwrap);
    if (limit === undefined) {
      // Every matching row, a page at a time.
      const rows: FootageRow[] = [];
      for (let page = await list(PAGE); ; page = await list(PAGE)) {
        rows.push(...page);
        if (page.length < PAGE) break;
        before = cursorOf(page.at(-1)!);
      }
      print(rows, () => formatFootageList(rows, kiosk.config.timeZone));
      return;
    }
    // One row more than asked tells whether there is a next page.
    const fetched = await list(Math.min(limit + 1, PAGE));
    const rows = fetched.slice(0, limit);
    const next = fetched.length > rows.length || rows.length === PAGE ? cursorText(rows.at(-1)!) : null;
    print({ rows, next }, () =>
      [formatFootageList(rows, kiosk.config.timeZone), ...(next ? [`Next page: --cursor ${next}`] : [])].join('\n'),
    );
  },

  'footage inspect': async ({ kiosk, print }) => {
    const inspection = unwrap(await kiosk.router.invoke('recorders.inspect', {}, OPERATOR));
    print(inspection, () => formatRecorderInspection(inspection, kiosk.config.timeZone));
  },

  'holds add': async ({ kiosk, values, print }) => {
    if (values.file !== undefined || values.camera !== undefined) {
      const input = {
        path: values.file,
        camera: values.camera,
        from: timeOption(values.from, 'from', kiosk.config.timeZone),
        to: timeOption(values.to, 'to', kiosk.config.timeZone),
        reason: values.reason ?? '',
        endsAt: untilOption(values, kiosk.config.timeZone),
        ...holdTermsOptions(values, kiosk.config.timeZone),
      };
      const hold = unwrap(await kiosk.router.invoke('holds.placeOnFootage', input, OPERATOR));
      print(
        hold,
        () =>
          `Legal hold ${hold.id} placed on ${values.file ? `footage file ${printable(values.file)}` : `camera ${printable(values.camera ?? '')}`}.`,
      );
      return;
    }
    const input = {
      visitId: integerOption(values, 'visit') ?? 0,
      reason: values.reason ?? '',
      endsAt: untilOption(values, kiosk.config.timeZone),
      ...holdTermsOptions(values, kiosk.config.timeZone),
    };
    const hold = unwrap(await kiosk.router.invoke('holds.placeOnVisit', input, OPERATOR));
    print(hold, () => `Legal hold ${hold.id} placed on visit ${hold.visitId}.`);
  },

  'holds release': async ({ kiosk, values, print }) => {
    const hold = unwrap(
      await kiosk.router.invoke('holds.release', { holdId: integerOption(values, 'id') ?? 0 }, OPERATOR),
    );
    print(hold, () => `Legal hold ${hold.id} released.`);
  },

  'holds extend-review': async ({ kiosk, values, print }) => {
    const input = {
      holdId: integerOption(values, 'id') ?? 0,
      reviewAt: throughDateOption(values.review, 'review', kiosk.config.timeZone) ?? 0,
    };
    const hold = unwrap(await kiosk.router.invoke('holds.extendReview', input, OPERATOR));
    print(
      hold,
      () => `Legal hold ${hold.id}: review by ${formatDateTime(hold.reviewAt, kiosk.config.timeZone, 'en')}.`,
    );
  },

  'holds list': async ({ kiosk, print }) => {
    const holds = unwrap(await kiosk.router.invoke('holds.list', {}, OPERATOR));
    print(holds, () => formatHolds(holds, kiosk.config.timeZone));
  },

  'audit list': async ({ kiosk, values, print }) => {
    const entries = unwrap(
      await kiosk.router.invoke(
        'audit.list',
        { action: values.action, limit: integerOption(values, 'limit') },
        OPERATOR,
      ),
    );
    print(entries, () => formatAudit(entries, kiosk.config.timeZone));
  },

  ...PRIVACY_COMMANDS,
};

/**
 * --until as the UI means it: a date is through the end of that day, in the kiosk's zone; a date
 * and time without an offset is in the kiosk's zone too.
 */
function untilOption(values: Values, zone: string): number | null {
  return throughDateOption(values.until, 'until', zone);
}

function throughDateOption(value: string | undefined, name: string, zone: string): number | null {
  if (value === undefined) return null;
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid || !/^\d{4}-\d\d-\d\d/.test(value)) {
    throw new UsageError(`--${name} must be a date such as 2027-01-31 or 2027-01-31T12:00, not "${printable(value)}"`);
  }
  return value.length === 10 ? endOfLocalDate(value, zone) : parsed.toMillis();
}

/** --basis (checked by the channel's schema) and --review, which defaults to holds.reviewDays ahead. */
function holdTermsOptions(values: Values, zone: string) {
  return {
    basis: (values.basis ?? '') as HoldBasis,
    reviewAt: throughDateOption(values.review, 'review', zone),
  };
}

function ensureFolder(folder: string): string {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

const withFootageRoot = (config: KioskConfig, root: string): KioskConfig => ({
  ...config,
  footage: { ...config.footage, root },
});

// The footage list's largest page (the channel's maximum limit).
const PAGE = 10_000;
const cursorOf = (row: FootageRow) => ({ recordedAt: row.recordedAt, id: row.id });
const cursorText = (row: FootageRow) => `${row.recordedAt}.${row.id}`;

/** --cursor as `footage list --limit N` printed it: the last row's recording start and id. */
function cursorOption(value: string | undefined): { recordedAt: number; id: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,16})\.(\d{1,15})$/.exec(value);
  if (!match)
    throw new UsageError(`--cursor must be what the previous page printed, such as 1795160601000.42, not "${value}"`);
  return { recordedAt: Number(match[1]), id: Number(match[2]) };
}

function timeOption(value: string | undefined, name: string, zone: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid)
    throw new UsageError(`--${name} must be a date or time such as 2026-11-24T10:00, not "${printable(value)}"`);
  return parsed.toMillis();
}

async function setDisabled({ kiosk, values, print }: Context, disabled: boolean) {
  const staffId = integerOption(values, 'id') ?? 0;
  const account = unwrap(await kiosk.router.invoke('staff.setDisabled', { staffId, disabled }, OPERATOR));
  print(account, () => `${printable(account.name)} is ${disabled ? 'disabled' : 'enabled'}.`);
}

export async function runCli(io: CliIo): Promise<number> {
  const { argv, env } = io;
  // The last guard before the terminal: values are escaped where they are formatted, and anything
  // that still carries a control character (an error message, say) is escaped here, line breaks apart.
  const stdout = (text: string) => io.stdout(printableLines(text));
  const stderr = (text: string) => io.stderr(printableLines(text));
  let kiosk: Kiosk | undefined;
  try {
    const { values, positionals } = parse(argv);
    const command = positionals.join(' ');
    if (values.help || command === '' || command === 'help') {
      stdout(USAGE);
      return EXIT_OK;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${printable(command)}"; run "kiosk --help" for the list`);
    const dataDir = values['data-dir'] ?? defaultDataDir(env);
    const footageRoot = values['footage-root'];
    kiosk = await createKiosk({
      dataDir,
      clock: clockFromEnvironment(env),
      // Failures reach the user as one line through the command's result; details only on request.
      logError: (error, context) => {
        if (env.KIOSK_DEBUG) stderr(`kiosk: ${context}: ${error instanceof Error ? error.stack : String(error)}`);
      },
      // --footage-root overrides the configured root for this one run.
      config: footageRoot
        ? withFootageRoot(loadConfigFile(ensureFolder(dataDir)), path.resolve(footageRoot))
        : undefined,
    });
    const print = (value: unknown, asText: () => string) =>
      stdout(values.json ? jsonForTerminal(JSON.stringify(value, null, 2)) : asText());
    return (await run({ kiosk, values, io, print })) ?? EXIT_OK;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof InvitationUsageError ||
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
