import type { Language } from '../../../shared/messages';

export const kitText: Record<Language, { cancel: string }> = {
  nl: { cancel: 'Annuleren' },
  en: { cancel: 'Cancel' },
};
