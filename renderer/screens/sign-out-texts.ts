import type { Language } from '../../shared/messages';

/** The sign-out screen's way for a visitor who lost their code, in Dutch and English. */
export const signOutByNameText: Record<
  Language,
  { lostCode: string; lostCodeLead: string; company: string; submit: string }
> = {
  nl: {
    lostCode: 'Code kwijt?',
    lostCodeLead: 'Typ uw voornaam en achternaam, en uw bedrijf als u dat bij het aanmelden hebt ingevuld.',
    company: 'Bedrijf (als u dat hebt ingevuld)',
    submit: 'Afmelden met mijn naam',
  },
  en: {
    lostCode: 'Lost your code?',
    lostCodeLead: 'Type your first and last name, and your company if you gave one when you signed in.',
    company: 'Company (if you gave one)',
    submit: 'Sign out with my name',
  },
};
