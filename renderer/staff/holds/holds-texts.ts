import type { Language } from '../../../shared/messages';

/** The question before a legal hold is released: released footage or visits may be erased at the next purge. */
export const holdConfirmText = {
  nl: {
    releaseQuestion: (id: number) =>
      `Bewaarplicht ${id} opheffen? Wat eronder valt kan bij de volgende opschoning worden gewist.`,
    confirmRelease: 'Ja, opheffen',
  },
  en: {
    releaseQuestion: (id: number) => `Release legal hold ${id}? What it covers may be erased at the next purge.`,
    confirmRelease: 'Yes, release',
  },
} satisfies Record<Language, unknown>;
