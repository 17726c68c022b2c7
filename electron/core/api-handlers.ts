import type { JobRun, StaffSessionInfo } from '../../shared/api/types';
import type { KioskConfig } from '../../shared/config';
import { noticeFacts } from '../../shared/notice';
import type { AuditActor, AuditDetail, AuditLog } from './audit';
import { evacuationCsv } from './evacuation-csv';
import { createFootageBacklogHandlers } from './footage/backlog-handlers';
import type { FootageService } from './footage/footage-service';
import type { MediaTickets } from './footage/media';
import { createFootageTimelineHandlers } from './footage-timeline/timeline-handlers';
import type { FootageTimelineService } from './footage-timeline/timeline-service';
import { createHealthHandlers } from './health/health-handlers';
import type { HealthService } from './health/health-service';
import type { HoldsService } from './holds';
import { createPrivacyHandlers } from './privacy/privacy-handlers';
import type { PrivacyService } from './privacy/privacy-service';
import { createRecorderHandlers } from './recorders/recorder-handlers';
import { createHostHandlers } from './hosts/host-handlers';
import type { HostService } from './hosts/host-service';
import { createDeskHandlers } from './desk/desk-handlers';
import type { SignOutUndo } from './desk/sign-out-undo';
import type { BadgeService } from './badges/badge-service';
import { createInvitationHandlers } from './invitations/invitation-handlers';
import type { InvitationService } from './invitations/invitation-service';
import type { VisitRetention } from './retention/visit-retention';
import type { Caller, Handlers } from './router';
import type { SessionStore } from './sessions';
import type { StaffService } from './staff';
import { UserError } from './user-error';
import type { VisitsService } from './visits';
import type { VisitorGuard } from './public-screen/visitor-guard';

export interface HandlerDependencies {
  config: KioskConfig;
  visits: VisitsService;
  visitorGuard: VisitorGuard;
  staff: StaffService;
  audit: AuditLog;
  sessions: SessionStore;
  holds: HoldsService;
  retention: VisitRetention;
  footage: FootageService;
  media: MediaTickets;
  privacy: PrivacyService;
  automaticSignOut: () => Promise<JobRun>;
  health: HealthService;
  invitations: InvitationService;
  badges: BadgeService;
  hosts: HostService;
  signOutUndo: SignOutUndo;
  footageTimeline: FootageTimelineService;
}

export function auditActorOf(caller: Caller): AuditActor {
  if (caller.kind === 'staff') return { staffId: caller.staffId, name: caller.name };
  return caller.kind;
}

/** Every channel's handler: the thin layer between the validated input and the services. */
export function createApiHandlers({
  config,
  visits,
  visitorGuard,
  staff,
  audit,
  sessions,
  holds,
  retention,
  footage,
  media,
  privacy,
  automaticSignOut,
  health,
  invitations,
  badges,
  hosts,
  signOutUndo,
  footageTimeline,
}: HandlerDependencies): Handlers {
  const sessionInfo = (session: {
    staffId: number;
    name: string;
    role: StaffSessionInfo['role'];
  }): StaffSessionInfo => ({
    staffId: session.staffId,
    name: session.name,
    role: session.role,
    idleSeconds: config.idle.staffSeconds,
  });

  /** Unlocking belongs to a terminal (a window or a browser-mode launch); the CLI has none. */
  function terminalOf(caller: Caller): string {
    if (caller.kind === 'operator') throw new UserError({ key: 'api.forbidden' });
    return caller.terminal;
  }

  /** The screen a public call came from; the CLI's operator has none and is not throttled. */
  const publicTerminalOf = (caller: Caller) => (caller.kind === 'operator' ? null : caller.terminal);

  async function openSession(caller: Caller, account: { id: number; name: string; role: StaffSessionInfo['role'] }) {
    const session = sessions.open(terminalOf(caller), { staffId: account.id, name: account.name, role: account.role });
    await audit.record({ staffId: account.id, name: account.name }, 'staff.signedIn');
    return sessionInfo(session);
  }

  /** A list with personal data is audited when a session first opens it, not on every refresh. */
  async function auditView(caller: Caller, list: string, detail: AuditDetail) {
    if (caller.kind === 'staff') {
      const { session } = sessions.touch(caller.terminal, { extend: false });
      if (session?.viewed.has(list)) return;
      session?.viewed.add(list);
    }
    await audit.record(auditActorOf(caller), `visits.viewed.${list}`, detail);
  }

  return {
    ...createHealthHandlers({ health }),
    ...createInvitationHandlers({ invitations, badges, auditView }),
    ...createHostHandlers({ hosts }),
    ...createDeskHandlers({ signOutUndo }),
    ...createFootageTimelineHandlers({ timeline: footageTimeline, media }),
    'notice.current': async () => noticeFacts(config),
    'visits.signIn': (input, caller) => visitorGuard.signIn(publicTerminalOf(caller), input),
    'visits.signOut': (input, caller) => visitorGuard.signOut(publicTerminalOf(caller), input.code),
    'visits.signOutByName': (input, caller) => visitorGuard.signOutByName(publicTerminalOf(caller), input),

    'staff.setupStatus': async () => ({ needsFirstAdmin: await staff.needsFirstAdmin() }),
    'staff.createFirstAdmin': async (input, caller) => {
      terminalOf(caller);
      const account = await staff.createFirstAdmin(auditActorOf(caller), input.name, input.pin);
      return openSession(caller, account);
    },
    'staff.unlock': async (input, caller) => {
      terminalOf(caller);
      return openSession(caller, await staff.verify(input.staffId, input.pin));
    },
    'staff.session': async (_input, caller) => (caller.kind === 'staff' ? sessionInfo(caller) : null),
    'staff.lock': async (input, caller) => {
      if (caller.kind !== 'staff') return null;
      sessions.close(caller.terminal);
      await audit.record(auditActorOf(caller), 'staff.locked', { reason: input.reason });
      return null;
    },

    'visits.today': async (_input, caller) => {
      const today = await visits.today();
      await auditView(caller, 'today', { count: today.visits.length });
      return today;
    },
    'visits.register': async (input, caller) => {
      const receipt = await visits.signIn(input);
      await audit.record(auditActorOf(caller), 'visits.registered', { count: 1 });
      return receipt;
    },
    'visits.signOutById': async (input, caller) => {
      const visit = await visits.signOutById(input.visitId);
      await audit.record(auditActorOf(caller), 'visits.signedOutByStaff', { visitId: input.visitId });
      return visit;
    },
    'visits.evacuation': async (_input, caller) => {
      const list = await visits.onSite();
      await auditView(caller, 'evacuation', { count: list.visits.length });
      return list;
    },
    'visits.evacuationCsv': async (input, caller) => {
      const exported = evacuationCsv(await visits.onSite(), input.language);
      await audit.record(auditActorOf(caller), 'visits.exported', { list: 'evacuation', count: exported.count });
      return exported;
    },
    'visits.evacuationPrinted': async (input, caller) => {
      await audit.record(auditActorOf(caller), 'visits.printed', { list: 'evacuation', count: input.count });
      return null;
    },

    'staff.list': () => staff.list(),
    'staff.add': (input, caller) => staff.add(auditActorOf(caller), input.name, input.role, input.pin),
    'staff.setDisabled': (input, caller) => staff.setDisabled(auditActorOf(caller), input.staffId, input.disabled),
    'staff.resetPin': async (input, caller) => {
      await staff.resetPin(auditActorOf(caller), input.staffId, input.pin);
      return null;
    },
    'audit.list': (input) => audit.list(input),

    'retention.status': () => retention.status(),
    'retention.run': async (input, caller) => {
      await audit.record(auditActorOf(caller), 'retention.runRequested', {
        job: input.job,
        dryRun: input.dryRun ? 1 : 0,
      });
      return input.job === 'automaticSignOut' ? automaticSignOut() : retention.run({ dryRun: input.dryRun });
    },
    'retention.confirmClock': (_input, caller) => retention.confirmClock(auditActorOf(caller)),
    'holds.list': () => holds.listActive(),
    'holds.placeOnVisit': (input, caller) =>
      holds.placeOnVisit(auditActorOf(caller), input.visitId, input.reason, input.endsAt, input),
    'holds.extendReview': (input, caller) => holds.extendReview(auditActorOf(caller), input.holdId, input.reviewAt),
    'holds.release': (input, caller) => holds.release(auditActorOf(caller), input.holdId),
    'holds.placeOnFootage': (input, caller) =>
      holds.placeOnFootage(
        auditActorOf(caller),
        input.path !== undefined ? { path: input.path } : { camera: input.camera!, from: input.from!, to: input.to! },
        input.reason,
        input.endsAt,
        input,
        { refuseIfHeld: true },
      ),

    'footage.scan': () => footage.scan(),
    'footage.purge': (input) => footage.purge({ dryRun: input.dryRun }),
    'footage.list': async (input, caller) => {
      const rows = await footage.list(input);
      await audit.record(auditActorOf(caller), 'footage.viewed', { count: rows.length });
      return rows;
    },
    'footage.overview': () => footage.overview(),
    'footage.playback': async (input, caller) => {
      const [file] = await footage.list({ id: input.fileId });
      if (!file || file.status !== 'kept') throw new UserError({ key: 'footage.unknownFile' });
      // Bound to this terminal's session: it dies when the session locks or expires.
      const ticket = await media.issue(input.fileId, terminalOf(caller));
      if (!ticket) throw new UserError({ key: 'footage.unknownFile' });
      await audit.record(auditActorOf(caller), 'footage.played', { fileId: input.fileId });
      return { ticket };
    },
    ...createFootageBacklogHandlers({ footage }),

    ...createPrivacyHandlers({ privacy, media, actorOf: auditActorOf }),
    ...createRecorderHandlers({ config }),
    'footage.count': async (input) => ({ total: await footage.count(input) }),
  };
}
