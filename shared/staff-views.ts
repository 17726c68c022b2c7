/** The staff view's tabs by name: what `lobby.staffViews` lists and the lobby's access check reads. */
export const STAFF_VIEWS = [
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
  'devices',
  'settings',
] as const;

export type StaffViewName = (typeof STAFF_VIEWS)[number];

/** What a lobby screen opens by default: reception's list of today and the evacuation list. */
export const DEFAULT_LOBBY_VIEWS: StaffViewName[] = ['today', 'evacuation'];
