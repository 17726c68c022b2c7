import { auditActorOf } from '../audit/audit-actor';
import type { Caller } from '../router';
import type { HealthService } from './health-service';
import type { OfflineGaps } from './offline-gap';

export function createHealthHandlers({ health, offlineGaps }: { health: HealthService; offlineGaps: OfflineGaps }) {
  return {
    'health.current': () => health.current(),
    'health.acknowledgeOffline': (_input: unknown, caller: Caller) => offlineGaps.acknowledge(auditActorOf(caller)),
  };
}
