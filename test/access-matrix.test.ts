// Who may do what, written out by hand. The contract (shared/api/contract.ts), the router and the
// staff view's tabs (renderer/staff/tabs.ts) are checked against this file, so granting or taking
// away access is a deliberate edit in two places, never a side effect of one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../shared/api/channel';
import { api, channelNames, type ChannelName } from '../shared/api/contract';
import { TABS_BY_ROLE, type Tab } from '../renderer/staff/tabs';
import { callers, manualClock, openTestKiosk } from './helpers/kiosk';

const R: StaffRole = 'receptionist';
const S: StaffRole = 'security';
const A: StaffRole = 'admin';
const P: StaffRole = 'privacy';

/** Channel -> who may call it: 'public' (anyone at the screen), or these staff roles only. */
const CHANNEL_ACCESS: Record<ChannelName, 'public' | StaffRole[]> = {
  'notice.current': 'public',
  'visits.signIn': 'public',
  'visits.signOut': 'public',
  'visits.signOutByName': 'public',
  'staff.setupStatus': 'public',
  'staff.createFirstAdmin': 'public',
  'staff.unlock': 'public',
  'staff.session': 'public',
  'staff.lock': 'public',
  // Invitations, badges and host notices at the kiosk: each answers for the visitor's own visit only.
  'invitations.lookup': 'public',
  'invitations.signIn': 'public',
  'badges.forSignIn': 'public',
  'hosts.suggest': 'public',
  'hosts.notify': 'public',

  'visits.today': [R, A],
  'visits.register': [R, A],
  'visits.signOutById': [R, A],
  'visits.undoStaffSignOut': [R, A],
  'visits.evacuation': [R, S, A],
  'visits.evacuationCsv': [R, S, A],
  'visits.evacuationPrinted': [R, S, A],
  'invitations.add': [R, A],
  'invitations.addCsv': [R, A],
  'invitations.signInAtDesk': [R, A],
  'invitations.remove': [R, A],
  'invitations.expectedToday': [R, A],
  'invitations.get': [R, A],

  'staff.list': [A],
  'staff.add': [A],
  'staff.setDisabled': [A],
  'staff.resetPin': [A],
  'audit.list': [A],
  'invitations.purge': [A],
  'hosts.list': [A],
  'hosts.add': [A],
  'hosts.setActive': [A],
  // Settings: config.json shown (secrets hidden), previewed, saved and a test mail, by the admin only.
  'settings.show': [A],
  'settings.preview': [A],
  'settings.save': [A],
  'settings.testMail': [A],

  'retention.status': [A],
  'retention.run': [A],
  'retention.confirmClock': [A],
  'holds.list': [S, A],
  'holds.placeOnVisit': [S, A],
  'holds.release': [S, A],
  'holds.placeOnFootage': [S, A],
  'holds.extendReview': [S, A],

  'footage.scan': [S, A],
  // Deleting footage is the scheduler's job; only an admin may start it by hand.
  'footage.purge': [A],
  'footage.list': [S, A],
  'footage.overview': [S, A],
  'footage.playback': [S, A],
  'footage.count': [S, A],
  'footage.timeline': [S, A],
  'footage.watching': [S, A],
  'footage.backlog': [A],
  'recorders.inspect': [A],
  'footage.confirmDeletion': [A],

  // Every staff member sees the alarms; what to do about one is in the banner's text.
  'health.current': [R, S, A, P],
  'health.acknowledgeOffline': [A],

  // Data-subject requests: the privacy officer, and the admin.
  'privacy.searchVisits': [P, A],
  'privacy.visitFootage': [P, A],
  'privacy.playFootage': [P, A],
  'privacy.exportVisits': [P, A],
  'privacy.correctVisit': [P, A],
  'privacy.eraseVisits': [P, A],
  'privacy.restrictVisits': [P, A],
  'privacy.unrestrictVisits': [P, A],
  'privacy.exportFootage': [P, A],

  // Console devices: enrolment is the console server's (the channel itself refuses every other screen);
  // any screen may ask what kind of screen it is.
  'devices.enroll': 'public',
  'devices.screen': 'public',
  'devices.createCode': [A],
  'devices.list': [A],
  'devices.revoke': [A],
  'devices.reopenEnrolment': [A],
  'console.info': [A],
  // The evacuation roll call, wherever the evacuation list opens.
  'evacuation.onDuty': [R, S, A],
  'evacuation.rollCallEnd': [R, S, A],
  'privacy.listExports': [P, A],
  'privacy.exportTerms': [P, A],
};

/** Role -> the staff view's tabs, in their order on screen. */
const ROLE_TABS: Record<StaffRole, Tab[]> = {
  receptionist: ['today', 'evacuation', 'register'],
  security: ['footage', 'evacuation', 'holds'],
  admin: [
    'today',
    'evacuation',
    'register',
    'staff',
    'hosts',
    'audit',
    'retention',
    'holds',
    'footage',
    'privacy',
    'settings',
    'devices',
  ],
  privacy: ['privacy'],
};

/** The source files of each tab, where its channel names are read from. */
const TAB_SOURCES: Record<Tab, string[]> = {
  today: ['visits/today-tab.tsx'],
  evacuation: ['evacuation/evacuation-tab.tsx'],
  register: ['register/register-tab.tsx'],
  staff: ['staff-accounts/staff-accounts-tab.tsx'],
  hosts: ['hosts/hosts-tab.tsx'],
  audit: ['audit/audit-tab.tsx'],
  retention: ['retention/retention-tab.tsx'],
  holds: ['holds/holds-tab.tsx'],
  footage: ['footage/footage-tab.tsx', 'footage/camera-hold-form.tsx'],
  privacy: ['privacy/privacy-tab.tsx'],
  settings: ['settings/settings-tab.tsx'],
  devices: ['devices/devices-tab.tsx'],
};

const sorted = (roles: readonly string[]) => [...roles].sort();

describe('the access matrix', () => {
  it('lists every channel of the contract, and no other', () => {
    expect(sorted(Object.keys(CHANNEL_ACCESS))).toEqual(sorted(channelNames));
  });

  it.each(channelNames)('the contract gives %s to exactly the roles written here', (channel) => {
    const expected = CHANNEL_ACCESS[channel];
    const declared = api[channel].access;
    if (expected === 'public') expect(declared).toBe('public');
    else {
      expect(declared).not.toBe('public');
      expect(sorted(declared as readonly StaffRole[])).toEqual(sorted(expected));
    }
  });

  it('the router lets each role call exactly its channels, and the anonymous kiosk only the public ones', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    const denied: string[] = [];
    const allowed: string[] = [];
    for (const channel of channelNames) {
      for (const who of ['kiosk', ...STAFF_ROLES] as const) {
        // Access is checked before the input, so an empty input is enough to tell the two apart.
        const result = await kiosk.router.invoke(channel, {} as never, callers[who]);
        const forbidden = !result.ok && ['api.forbidden', 'api.unauthenticated'].includes(result.error.key);
        (forbidden ? denied : allowed).push(`${channel} ${who}`);
      }
    }
    const expectAllowed = channelNames.flatMap((channel) => {
      const access = CHANNEL_ACCESS[channel];
      return (['kiosk', ...STAFF_ROLES] as const)
        .filter((who) => access === 'public' || (who !== 'kiosk' && access.includes(who)))
        .map((who) => `${channel} ${who}`);
    });
    expect(sorted(allowed)).toEqual(sorted(expectAllowed));
  });

  it('the staff view shows each role exactly the tabs written here', () => {
    expect(TABS_BY_ROLE).toEqual(ROLE_TABS);
  });

  it.each(STAFF_ROLES)('every channel a tab of the %s calls is one that role may call', (role) => {
    for (const tab of ROLE_TABS[role]) {
      const source = TAB_SOURCES[tab]
        .map((file) => fs.readFileSync(path.join(import.meta.dirname, '..', 'renderer', 'staff', file), 'utf8'))
        .join('\n');
      const used = channelNames.filter((channel) =>
        new RegExp(`['"\`]${channel.replace('.', '\\.')}['"\`]`).test(source),
      );
      expect(used.length, `${tab} names no channel`).toBeGreaterThan(0);
      for (const channel of used) {
        const access = CHANNEL_ACCESS[channel];
        expect(access === 'public' || access.includes(role), `${role} tab ${tab} calls ${channel}`).toBe(true);
      }
    }
  });
});
