import type { Language } from '../../../shared/messages';

/** The reception list's own texts (the rest of its labels are still in texts.ts). */
export const todayText = {
  nl: {
    signedOutNotice: (name: string) => `${name} is afgemeld.`,
    undo: 'Ongedaan maken',
    undoSignOut: (name: string) => `Afmelding van ${name} ongedaan maken`,
    undone: (name: string) => `${name} staat weer op de lijst van aanwezigen.`,
    newestFirst: 'Nieuwste aanmelding bovenaan',
  },
  en: {
    signedOutNotice: (name: string) => `${name} has been signed out.`,
    undo: 'Undo',
    undoSignOut: (name: string) => `Undo signing out ${name}`,
    undone: (name: string) => `${name} is back on the list of people on site.`,
    newestFirst: 'Newest arrival at the top',
  },
} satisfies Record<Language, unknown>;
