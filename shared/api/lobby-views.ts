import type { StaffViewName } from '../staff-views';
import { api, type ChannelName } from './contract';

/** Staff channels every unlocked screen may call: the health banner (and its acknowledgement). */
const EVERY_VIEW: readonly ChannelName[] = ['health.current', 'health.acknowledgeOffline'];

/**
 * Each staff channel and the view it belongs to. A lobby screen (the lobby's own window, a kiosk
 * device) calls a staff channel only when its view is in `lobby.staffViews`; a channel missing here
 * never opens there (test/shared/lobby-views.test.ts keeps this list complete).
 */
export const VIEW_CHANNELS: Record<StaffViewName, readonly ChannelName[]> = {
  today: [
    'visits.today',
    'visits.signOutById',
    'visits.undoStaffSignOut',
    'invitations.add',
    'invitations.addCsv',
    'invitations.expectedToday',
    'invitations.get',
    'invitations.signInAtDesk',
    'invitations.remove',
  ],
  evacuation: [
    'visits.evacuation',
    'visits.evacuationCsv',
    'visits.evacuationPrinted',
    'evacuation.onDuty',
    'evacuation.rollCallEnd',
  ],
  register: ['visits.register'],
  staff: ['staff.list', 'staff.add', 'staff.setDisabled', 'staff.resetPin'],
  hosts: ['hosts.list', 'hosts.add', 'hosts.setActive'],
  audit: ['audit.list'],
  retention: ['retention.status', 'retention.run', 'retention.confirmClock', 'invitations.purge'],
  holds: ['holds.list', 'holds.placeOnVisit', 'holds.release', 'holds.placeOnFootage', 'holds.extendReview'],
  footage: [
    'footage.scan',
    'footage.purge',
    'footage.list',
    'footage.overview',
    'footage.playback',
    'footage.backlog',
    'footage.confirmDeletion',
    'footage.count',
    'footage.timeline',
    'footage.watching',
    'recorders.inspect',
  ],
  privacy: [
    'privacy.searchVisits',
    'privacy.visitFootage',
    'privacy.playFootage',
    'privacy.exportVisits',
    'privacy.correctVisit',
    'privacy.eraseVisits',
    'privacy.restrictVisits',
    'privacy.unrestrictVisits',
    'privacy.exportFootage',
    'privacy.listExports',
  ],
  devices: ['devices.createCode', 'devices.list', 'devices.revoke', 'devices.reopenEnrolment', 'console.info'],
  settings: ['settings.show', 'settings.preview', 'settings.save', 'settings.testMail'],
};

/** May a lobby screen whose open views are `views` call this channel? Public channels always. */
export function lobbyAllows(channel: string, views: readonly StaffViewName[]): boolean {
  if (!Object.hasOwn(api, channel)) return true; // the router answers "unknown channel"
  const name = channel as ChannelName;
  if (api[name].access === 'public' || EVERY_VIEW.includes(name)) return true;
  return views.some((view) => VIEW_CHANNELS[view].includes(name));
}

/** Every staff channel, by where it belongs: for the test that keeps VIEW_CHANNELS complete. */
export const mappedChannels = (): ChannelName[] => [...EVERY_VIEW, ...Object.values(VIEW_CHANNELS).flat()];
