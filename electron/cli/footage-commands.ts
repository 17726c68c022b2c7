import type { FootageListStatus, FootageRow } from '../../shared/api/types';
import { command, integerOption, OPERATOR, unwrap } from './command';
import { formatRun } from './format';
import { formatFootageList, formatRecorderInspection } from './recorder-format';
import { runExitCode } from './run-outcome';
import { timeOption } from './time-options';
import { UsageError } from './usage-error';

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

const RUN_NOTE = 'Exits 0 when done, 3 when held back (stderr says why and how to go on), 1 when it failed.';

/** The recorders' footage: scan and purge runs, the list, and which layout reads which folders. */
export const footageCommands = [
  command({
    name: 'footage scan',
    summary: 'read the footage root into the footage list now',
    usage: [''],
    notes: [RUN_NOTE],
    options: {},
    run: async ({ kiosk, io, print }) => {
      const run = unwrap(await kiosk.router.invoke('footage.scan', {}, OPERATOR));
      print(run, () => formatRun(run));
      return runExitCode(run, io.stderr);
    },
  }),

  command({
    name: 'footage purge',
    summary: 'delete footage past its deadline now',
    usage: ['[--dry-run]'],
    notes: [RUN_NOTE],
    options: { 'dry-run': { type: 'boolean', help: 'count what would be deleted, delete nothing' } },
    run: async ({ kiosk, values, io, print }) => {
      const run = unwrap(await kiosk.router.invoke('footage.purge', { dryRun: values['dry-run'] }, OPERATOR));
      print(run, () => formatRun(run));
      return runExitCode(run, io.stderr);
    },
  }),

  command({
    name: 'footage list',
    summary: 'the footage files the kiosk knows',
    usage: [
      '[--camera C] [--status kept|held|deleted|gone]',
      '[--from 2026-11-25T10:00] [--to 2026-11-25T10:30] [--limit N [--cursor C]]',
    ],
    notes: ["Times in the kiosk's zone, --to exclusive; without --limit every matching row."],
    options: {
      camera: { type: 'string', value: 'C', help: 'only this camera' },
      status: { type: 'string', value: 'S', help: 'kept, held, deleted or gone' },
      from: { type: 'string', value: 'T', help: 'recorded from T' },
      to: { type: 'string', value: 'T', help: 'recorded before T' },
      limit: { type: 'string', value: 'N', help: 'a page of N rows, and the --cursor of the next' },
      cursor: { type: 'string', value: 'C', help: 'the next page, as the previous one printed it' },
    },
    run: async ({ kiosk, values, print }) => {
      const filter = {
        camera: values.camera,
        status: values.status as FootageListStatus | undefined, // checked by the channel's schema
        from: timeOption(values.from, 'from', kiosk.config.timeZone),
        to: timeOption(values.to, 'to', kiosk.config.timeZone),
      };
      const limit = integerOption(values.limit, 'limit');
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
  }),

  command({
    name: 'footage inspect',
    summary: 'which recorder layout reads which folders',
    usage: [''],
    notes: ['With --footage-root R it inspects another root for this run.'],
    options: {},
    run: async ({ kiosk, print }) => {
      const inspection = unwrap(await kiosk.router.invoke('recorders.inspect', {}, OPERATOR));
      print(inspection, () => formatRecorderInspection(inspection, kiosk.config.timeZone));
    },
  }),
];
