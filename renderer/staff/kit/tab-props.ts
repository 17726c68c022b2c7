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
}
