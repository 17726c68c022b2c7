import type { ParsedInputOf } from '../../../shared/api/contract';
import type { KioskConfig } from '../../../shared/config';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { ConsoleService } from '../console/console-service';
import type { Caller } from '../router';
import type { SessionStore } from '../staff/sessions';
import { UserError } from '../user-error';
import type { VisitsService } from '../visits/visits-service';
import type { DeviceService } from './device-service';
import { endSessions } from '../staff/end-sessions';
import { BROWSER_SCREEN, deviceTerminal, screenInfo } from './screen';

const actorOf = (caller: Caller): AuditActor =>
  caller.kind === 'staff' ? { staffId: caller.staffId, name: caller.name } : caller.kind;

export function createDeviceHandlers({
  devices,
  console: consoleService,
  sessions,
  visits,
  audit,
  config,
}: {
  devices: DeviceService;
  console: ConsoleService;
  sessions: SessionStore;
  visits: VisitsService;
  audit: AuditLog;
  config: KioskConfig;
}) {
  const onDuty = () => {
    const byId = new Map<number, { staffId: number; name: string }>();
    for (const session of sessions.live()) byId.set(session.staffId, { staffId: session.staffId, name: session.name });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  return {
    // The console server enrols (it alone can set the cookie); a window or the CLI cannot.
    'devices.enroll': async (): Promise<never> => {
      throw new UserError({ key: 'device.consoleOnly' });
    },
    'devices.screen': async (_input: ParsedInputOf<'devices.screen'>, caller: Caller) =>
      screenInfo((caller.kind !== 'operator' && caller.screen) || BROWSER_SCREEN, config.lobby.staffViews),
    'devices.createCode': (input: ParsedInputOf<'devices.createCode'>, caller: Caller) =>
      devices.createCode(input.name, input.kind, actorOf(caller)),
    'devices.list': () => devices.list(),
    'devices.revoke': async (input: ParsedInputOf<'devices.revoke'>, caller: Caller) => {
      const device = await devices.revoke(input.deviceId, actorOf(caller));
      const terminal = deviceTerminal(input.deviceId);
      await endSessions({ sessions, audit }, (other) => other === terminal, 'deviceRevoked');
      return device;
    },
    'devices.reopenEnrolment': async (_input: ParsedInputOf<'devices.reopenEnrolment'>, caller: Caller) => {
      await devices.reopenEnrolment(actorOf(caller));
      return null;
    },
    'console.info': () => consoleService.info(),
    'evacuation.onDuty': async () => onDuty(),
    /** Counts only, no names: who was on the list and how many were found at the assembly point. */
    'evacuation.rollCallEnd': async (input: ParsedInputOf<'evacuation.rollCallEnd'>, caller: Caller) => {
      const visitIds = new Set((await visits.onSite()).visits.map((visit) => visit.id));
      const staffIds = new Set(onDuty().map((person) => person.staffId));
      const record = {
        visitors: visitIds.size,
        visitorsPresent: new Set(input.presentVisitIds.filter((id) => visitIds.has(id))).size,
        staff: staffIds.size,
        staffPresent: new Set(input.presentStaffIds.filter((id) => staffIds.has(id))).size,
      };
      await audit.record(actorOf(caller), 'evacuation.rollCall', record);
      return record;
    },
  };
}
