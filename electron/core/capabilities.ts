import { createAuditHandlers } from './audit/audit-handlers';
import type { CoreServices } from './core-services';
import { createDeskHandlers } from './desk/desk-handlers';
import { createFootageHandlers } from './footage/footage-handlers';
import { footageJobs } from './footage/footage-service';
import { createHealthHandlers } from './health/health-handlers';
import { createHoldsHandlers } from './holds/holds-handlers';
import { createHostHandlers } from './hosts/host-handlers';
import { createInvitationHandlers } from './invitations/invitation-handlers';
import { invitationJobs } from './invitations/invitation-service';
import { exportJobs } from './privacy/export-records';
import { createPrivacyHandlers } from './privacy/privacy-handlers';
import { createRetentionHandlers } from './retention/retention-handlers';
import { visitRetentionJobs } from './retention/visit-retention';
import type { Handlers } from './router';
import type { ScheduledRun } from './scheduler';
import { createStaffHandlers } from './staff/staff-handlers';
import { automaticSignOutJobs } from './visits/automatic-sign-out';
import { createVisitsHandlers } from './visits/visits-handlers';

/**
 * Every capability of the core, once: the handlers of its channels and the jobs it schedules, each
 * built from the services it picks out of what the core gives it (its services are set up in
 * core-services.ts).
 */
// Jobs a stopped app missed start in this order: the purges before the day's automatic sign-out.
const CAPABILITIES = [
  { handlers: createRetentionHandlers, jobs: visitRetentionJobs },
  { handlers: createInvitationHandlers, jobs: invitationJobs },
  { handlers: createFootageHandlers, jobs: footageJobs },
  { handlers: createVisitsHandlers, jobs: automaticSignOutJobs },
  { handlers: createStaffHandlers },
  { handlers: createAuditHandlers },
  { handlers: createHoldsHandlers },
  { handlers: createHealthHandlers },
  { handlers: createPrivacyHandlers, jobs: exportJobs },
  { handlers: createHostHandlers },
  { handlers: createDeskHandlers },
] as const;

type Capability = (typeof CAPABILITIES)[number];
type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (all: infer I) => void
  ? I
  : never;
/** What the capabilities handle together: a channel none of them handles does not compile below. */
type CapabilityHandlers = UnionToIntersection<ReturnType<Capability['handlers']>>;

export function capabilityHandlers(core: CoreServices): Handlers {
  const handlers: CapabilityHandlers = Object.assign(
    {},
    ...CAPABILITIES.map((capability) => capability.handlers(core)),
  );
  return handlers;
}

export function capabilityJobs(core: CoreServices): ScheduledRun[] {
  return CAPABILITIES.flatMap((capability) => ('jobs' in capability ? capability.jobs(core) : []));
}
