import type { JobRun } from '../../../shared/api/types';
import { auditActorOf } from '../audit/audit-actor';
import type { AuditLog } from '../audit/audit-log';
import type { Handlers } from '../router';
import type { VisitRetention } from './visit-retention';

export function createRetentionHandlers({
  retention,
  audit,
  automaticSignOut,
}: {
  retention: VisitRetention;
  audit: AuditLog;
  automaticSignOut: () => Promise<JobRun>;
}): Pick<Handlers, 'retention.status' | 'retention.run' | 'retention.confirmClock'> {
  return {
    'retention.status': () => retention.status(),
    'retention.run': async (input, caller) => {
      await audit.record(auditActorOf(caller), 'retention.runRequested', {
        job: input.job,
        dryRun: input.dryRun ? 1 : 0,
      });
      return input.job === 'automaticSignOut' ? automaticSignOut() : retention.run({ dryRun: input.dryRun });
    },
    'retention.confirmClock': (_input, caller) => retention.confirmClock(auditActorOf(caller)),
  };
}
