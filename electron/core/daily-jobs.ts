import cron from 'node-cron';
import type { KioskConfig } from '../../shared/config';
import type { AuditLog } from './audit';
import type { VisitsService } from './visits';

/** Signs out visitors who forgot to, and records how many; safe to run at any time, any number of times. */
export async function runAutomaticSignOut(visits: VisitsService, audit: AuditLog): Promise<number> {
  const count = await visits.signOutForgotten();
  if (count > 0) await audit.record('system', 'visits.autoSignedOut', { count });
  return count;
}

/**
 * The automatic sign-out at the configured time of day, in the configured zone, and once at start-up
 * to catch a run missed while the kiosk was off. Returns a function that stops the schedule.
 */
export function startDailyJobs({
  config,
  visits,
  audit,
  logError,
}: {
  config: KioskConfig;
  visits: VisitsService;
  audit: AuditLog;
  logError: (error: unknown, context: string) => void;
}): () => void {
  const run = () => runAutomaticSignOut(visits, audit).catch((error: unknown) => logError(error, 'automatic sign-out'));
  const [hour, minute] = config.reception.autoSignOutAt.split(':').map(Number);
  const task = cron.schedule(`${minute} ${hour} * * *`, run, {
    timezone: config.timeZone,
    noOverlap: true,
    name: 'automatic-sign-out',
  });
  void run();
  return () => void task.destroy();
}
