import type { JobRun } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { clockGuardReason } from '../../../shared/run-reasons';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { JobResult, JobRunner } from '../jobs';
import type { VisitRetention } from '../retention/visit-retention';
import type { ScheduledRun } from '../scheduler';
import type { VisitsService } from './visits-service';

export const AUTOMATIC_SIGN_OUT_JOB = 'automaticSignOut';

/** Signs out at the end of the day the visitors who forgot to. */
export function createAutomaticSignOut({
  config,
  clock,
  jobs,
  visits,
  audit,
  retention,
}: {
  config: KioskConfig;
  clock: Clock;
  jobs: JobRunner;
  visits: VisitsService;
  audit: AuditLog;
  retention: VisitRetention;
}): () => Promise<JobRun> {
  return () =>
    jobs.run(AUTOMATIC_SIGN_OUT_JOB, async (): Promise<JobResult> => {
      // A clock jumped ahead would end everybody's day: the same guard as the purge decides.
      const guard = await retention.clockCheck(clock.now());
      if (!guard.ok)
        return {
          outcome: 'blocked',
          counts: {},
          reason: clockGuardReason(guard.reason, config.retention.clockGuardDays),
        };
      const signedOut = await visits.signOutForgotten();
      if (signedOut > 0) await audit.record('system', 'visits.autoSignedOut', { count: signedOut });
      return { outcome: 'ok', counts: { signedOut } };
    });
}

export function automaticSignOutJobs({
  config,
  automaticSignOut,
}: {
  config: KioskConfig;
  automaticSignOut: () => Promise<JobRun>;
}): ScheduledRun[] {
  const [hour, minute] = config.reception.autoSignOutAt.split(':').map(Number);
  return [{ name: AUTOMATIC_SIGN_OUT_JOB, schedule: `${minute} ${hour} * * *`, run: automaticSignOut }];
}
