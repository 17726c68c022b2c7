import type { ComponentType } from 'react';
import type { StaffRole } from '../../shared/api/channel';
import { AuditTab } from './audit/audit-tab';
import { EvacuationTab } from './evacuation/evacuation-tab';
import { FootagePage } from './footage/footage-page';
import { HoldsTab } from './holds/holds-tab';
import { HostsTab } from './hosts/hosts-tab';
import type { StaffTabProps } from './kit/tab-props';
import { PrivacyTab } from './privacy/privacy-tab';
import { RegisterTab } from './register/register-tab';
import { RetentionTab } from './retention/retention-tab';
import { SettingsTab } from './settings/settings-tab';
import { StaffAccountsTab } from './staff-accounts/staff-accounts-tab';
import type { StaffText } from './texts';
import { TodayTab } from './visits/today-tab';

export type Tab =
  | 'today'
  | 'evacuation'
  | 'register'
  | 'staff'
  | 'hosts'
  | 'audit'
  | 'retention'
  | 'holds'
  | 'footage'
  | 'privacy'
  | 'settings';

export interface StaffTab {
  id: Tab;
  label: (text: StaffText) => string;
  /** Who sees it. The router refuses the rest anyway; this only keeps the screen honest. */
  roles: readonly StaffRole[];
  component: ComponentType<StaffTabProps>;
  /** The roles that start on this tab rather than on the first one they see. */
  homeFor?: readonly StaffRole[];
  /** A screen of its own (the kiosk's sign-in form), not a card in the staff view. */
  ownScreen?: boolean;
}

/**
 * The staff view's tabs, in the order they are shown: the one place a tab is added.
 * test/access-matrix.test.ts pins who sees what: a change here is also a change there.
 */
export const STAFF_TABS: readonly StaffTab[] = [
  { id: 'today', label: (text) => text.tabs.today, roles: ['receptionist', 'admin'], component: TodayTab },
  {
    id: 'evacuation',
    label: (text) => text.tabs.evacuation,
    roles: ['receptionist', 'security', 'admin'],
    component: EvacuationTab,
  },
  {
    id: 'register',
    label: (text) => text.tabs.register,
    roles: ['receptionist', 'admin'],
    component: RegisterTab,
    ownScreen: true,
  },
  { id: 'staff', label: (text) => text.tabs.staff, roles: ['admin'], component: StaffAccountsTab },
  { id: 'hosts', label: (text) => text.tabs.hosts, roles: ['admin'], component: HostsTab },
  { id: 'audit', label: (text) => text.tabs.audit, roles: ['admin'], component: AuditTab },
  { id: 'retention', label: (text) => text.tabs.retention, roles: ['admin'], component: RetentionTab },
  { id: 'holds', label: (text) => text.tabs.holds, roles: ['security', 'admin'], component: HoldsTab },
  {
    id: 'footage',
    label: (text) => text.tabs.footage,
    roles: ['security', 'admin'],
    component: FootagePage,
    homeFor: ['security'],
  },
  { id: 'privacy', label: (text) => text.tabs.privacy, roles: ['admin', 'privacy'], component: PrivacyTab },
  { id: 'settings', label: (text) => text.tabs.settings, roles: ['admin'], component: SettingsTab },
];

/** A role's tabs: its home tab first, then the rest in the list's order. */
export function tabsFor(role: StaffRole): StaffTab[] {
  const seen = STAFF_TABS.filter((tab) => tab.roles.includes(role));
  const home = seen.find((tab) => tab.homeFor?.includes(role));
  return home ? [home, ...seen.filter((tab) => tab !== home)] : seen;
}

export const TABS_BY_ROLE: Record<StaffRole, Tab[]> = {
  receptionist: tabsFor('receptionist').map((tab) => tab.id),
  security: tabsFor('security').map((tab) => tab.id),
  admin: tabsFor('admin').map((tab) => tab.id),
  privacy: tabsFor('privacy').map((tab) => tab.id),
};
