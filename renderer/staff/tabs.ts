import type { StaffRole } from '../../shared/api/channel';
import type { StaffViewName } from '../../shared/staff-views';

export type Tab = StaffViewName;

/**
 * What each role gets to see. The router refuses the rest anyway; this only keeps the screen honest.
 * test/access-matrix.test.ts pins it: a change here is also a change there.
 */
export const TABS_BY_ROLE: Record<StaffRole, Tab[]> = {
  receptionist: ['today', 'evacuation', 'register'],
  security: ['footage', 'holds', 'evacuation'],
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
    'devices',
  ],
  privacy: ['privacy'],
};
