import type { FootageBacklog } from '../../shared/api/footage-backlog';
import { formatIsoDateTime } from '../../shared/date-format';
import { formatRun } from './format';
import { runExitCode } from './run-outcome';
import { command, OPERATOR, unwrap } from './command';

function formatBacklog(backlog: FootageBacklog | null, timeZone: string): string {
  if (!backlog) return 'No footage purge is held back as too large.';
  const when = (at: number | null) => (at === null ? '' : formatIsoDateTime(at, timeZone));
  return [
    `${backlog.files} of ${backlog.liveFiles} files would be deleted (recorded ${when(backlog.oldestRecording)} to ${when(backlog.newestRecording)}):`,
    ...backlog.cameras.map(
      (camera) =>
        `  ${camera.camera.padEnd(16)} ${String(camera.files).padStart(6)} files  ${when(camera.oldestRecording)} to ${when(camera.newestRecording)}`,
    ),
    'Confirm with: kiosk footage confirm-deletion',
  ].join('\n');
}

/** A footage purge held back as too large: what it would delete, and the admin's confirmation. */
export const footageBacklogCommands = [
  command({
    name: 'footage backlog',
    summary: 'what a purge held back as too large would delete',
    usage: [''],
    options: {},
    run: async ({ kiosk, print }) => {
      const backlog = unwrap(await kiosk.router.invoke('footage.backlog', {}, OPERATOR));
      print(backlog, () => formatBacklog(backlog, kiosk.config.timeZone));
    },
  }),

  command({
    name: 'footage confirm-deletion',
    summary: "the admin's go-ahead for that purge (it runs now)",
    usage: [''],
    notes: ['Exits 0 when done, 3 when held back, 1 when it failed.'],
    options: {},
    run: async ({ kiosk, io, print }) => {
      const run = unwrap(await kiosk.router.invoke('footage.confirmDeletion', {}, OPERATOR));
      print(run, () => `Deletion confirmed. ${formatRun(run)}`);
      return runExitCode(run, io.stderr);
    },
  }),
];
