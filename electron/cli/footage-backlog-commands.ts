import type { FootageBacklog } from '../../shared/api/footage-backlog';
import { formatDateTime } from '../../shared/date-format';
import { formatRun } from './format';
import { runExitCode } from './run-outcome';
import { OPERATOR, unwrap, type Context } from './run';

function formatBacklog(backlog: FootageBacklog | null, timeZone: string): string {
  if (!backlog) return 'No footage purge is held back as too large.';
  const when = (at: number | null) => (at === null ? '' : formatDateTime(at, timeZone, 'en'));
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
export const footageBacklogCommands: Record<string, (context: Context) => Promise<number | void>> = {
  'footage backlog': async ({ kiosk, print }) => {
    const backlog = unwrap(await kiosk.router.invoke('footage.backlog', {}, OPERATOR));
    print(backlog, () => formatBacklog(backlog, kiosk.config.timeZone));
  },

  'footage confirm-deletion': async ({ kiosk, io, print }) => {
    const run = unwrap(await kiosk.router.invoke('footage.confirmDeletion', {}, OPERATOR));
    print(run, () => `Deletion confirmed. ${formatRun(run)}`);
    return runExitCode(run, io.stderr);
  },
};
