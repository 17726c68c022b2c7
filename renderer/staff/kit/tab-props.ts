import type { StaffRole } from '../../../shared/api/channel';
import type { NoticeFacts } from '../../../shared/api/types';
import type { Language } from '../../../shared/messages';
import type { ApiClient } from '../../api/client';
import type { StaffText } from '../texts';

/** What every staff tab gets from the staff view: one shape, so a new tab starts from the same place. */
export interface StaffTabProps {
  client: ApiClient;
  language: Language;
  text: StaffText;
  /** The kiosk's configured time zone, for every time a tab shows. */
  timeZone: string;
  /** What the privacy notice says (the host notice, the time zone). */
  facts: NoticeFacts;
  /** Who unlocked the view: a tab may show a role more (the admin's recorder check). */
  role: StaffRole;
  /** Back to the role's first tab, e.g. after registering a visitor by hand. */
  goHome: () => void;
}
