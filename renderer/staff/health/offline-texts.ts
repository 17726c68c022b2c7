import type { Language } from '../../../shared/messages';

/** The admin's button under the message that the kiosk was off past a deadline. */
export const offlineTexts: Record<Language, { acknowledge: string }> = {
  nl: { acknowledge: 'Gelezen: bericht weghalen' },
  en: { acknowledge: 'Read: remove this message' },
};
