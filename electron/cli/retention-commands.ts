import { command, OPERATOR, unwrap } from './command';
import { formatRetentionStatus, formatRun } from './format';
import { currentHealth, formatHealth, healthExitCode } from './health-commands';
import { runExitCode } from './run-outcome';

export const retentionCommands = [
  command({
    name: 'retention run',
    summary: 'purge visits past their deadline now',
    usage: ['[--dry-run]'],
    notes: ['Exits 0 when done, 3 when held back (stderr says why and how to go on), 1 when it failed.'],
    options: { 'dry-run': { type: 'boolean', help: 'count what would be erased, erase nothing' } },
    run: async ({ kiosk, values, io, print }) => {
      const run = unwrap(await kiosk.router.invoke('retention.run', { dryRun: values['dry-run'] }, OPERATOR));
      print(run, () => formatRun(run));
      return runExitCode(run, io.stderr);
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
