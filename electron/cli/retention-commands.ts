import type { JobRun } from '../../shared/api/types';
import { command, OPERATOR, unwrap } from './command';
import { formatRetentionStatus, formatRun } from './format';
import { currentHealth, formatHealth, healthExitCode } from './health-commands';
import { runExitCode } from './run-outcome';

/** The visit purge's line, and the audit and job records it erases on a line of their own. */
function formatVisitRun(run: JobRun): string[] {
  const { auditErased, jobRunsErased, ...visitCounts } = run.counts;
  const lines = [formatRun({ ...run, counts: visitCounts })];
  if (auditErased !== undefined || jobRunsErased !== undefined)
    lines.push(`records (audit and job runs): auditErased ${auditErased ?? 0}, jobRunsErased ${jobRunsErased ?? 0}`);
  return lines;
}

/** Failed (1) is worse than held back (3), which is worse than done (0). */
const worstExitCode = (codes: number[]) => (codes.includes(1) ? 1 : Math.max(0, ...codes));

export const retentionCommands = [
  command({
    name: 'retention run',
    summary: 'run every personal-data purge now: visits (with audit and job records), expected visits, exports',
    usage: ['[--dry-run]'],
    notes: [
      'One line per job. Exits with the worst of them: 0 when done, 3 when held back (stderr says why and how',
      'to go on), 1 when one failed. --json prints the visit purge with every job under "jobs". Footage keeps',
      'its own commands (footage scan, footage purge).',
    ],
    options: { 'dry-run': { type: 'boolean', help: 'count what would be erased, erase nothing' } },
    run: async ({ kiosk, values, io, print }) => {
      const dryRun = values['dry-run'];
      const run = unwrap(await kiosk.router.invoke('retention.run', { dryRun }, OPERATOR));
      // The purge of expected visits has no dry run: a dry run leaves it out rather than erase.
      const others = dryRun
        ? [await kiosk.exports.purge({ dryRun: true })]
        : [await kiosk.invitations.purge(), await kiosk.exports.purge()];
      const jobs = [run, ...others];
      print({ ...run, jobs }, () => [...formatVisitRun(run), ...others.map(formatRun)].join('\n'));
      return worstExitCode(jobs.map((job) => runExitCode(job, io.stderr)));
    },
  }),

  command({
    name: 'retention status',
    summary: 'last runs, next deadline, holds, a blocked run, alarms',
    usage: [''],
    notes: ['Exits 3 while any alarm is open, 0 when there is none.'],
    options: {},
    run: async ({ kiosk, print }) => {
      const status = unwrap(await kiosk.router.invoke('retention.status', {}, OPERATOR));
      const health = await currentHealth(kiosk);
      print({ ...status, health }, () =>
        [formatRetentionStatus(status, kiosk.config.timeZone), formatHealth(health, kiosk.config.timeZone)].join('\n'),
      );
      return healthExitCode(health);
    },
  }),

  command({
    name: 'retention confirm-clock',
    summary: 'confirm the clock after a blocked purge',
    usage: [''],
    options: {},
    run: async ({ kiosk, print }) => {
      const run = unwrap(await kiosk.router.invoke('retention.confirmClock', {}, OPERATOR));
      print(run, () => `Clock confirmed. ${formatRun(run)}`);
    },
  }),
];
