import type { Language } from '../../../shared/messages';

export const rollCallText: Record<
  Language,
  {
    start: string;
    title: string;
    lead: string;
    visitors: string;
    staff: string;
    present: string;
    missing: (count: number) => string;
    allPresent: string;
    end: string;
    cancel: string;
    recorded: (visitors: number, visitorsPresent: number, staff: number, staffPresent: number) => string;
  }
> = {
  nl: {
    start: 'Appel starten',
    title: 'Appel op de verzamelplaats',
    lead: 'Tik op iedereen die op de verzamelplaats is.',
    visitors: 'Bezoekers',
    staff: 'Medewerkers (ingelogd)',
    present: 'Aanwezig',
    missing: (count) => (count === 1 ? 'Nog 1 persoon vermist:' : `Nog ${count} personen vermist:`),
    allPresent: 'Iedereen is aanwezig.',
    end: 'Appel afsluiten',
    cancel: 'Terug naar de lijst',
    recorded: (visitors, visitorsPresent, staff, staffPresent) =>
      `Appel vastgelegd: ${visitorsPresent} van ${visitors} bezoekers en ${staffPresent} van ${staff} medewerkers aanwezig.`,
  },
  en: {
    start: 'Start roll call',
    title: 'Roll call at the assembly point',
    lead: 'Tap everyone who is at the assembly point.',
    visitors: 'Visitors',
    staff: 'Staff (signed in)',
    present: 'Present',
    missing: (count) => (count === 1 ? 'Still missing, 1 person:' : `Still missing, ${count} people:`),
    allPresent: 'Everyone is present.',
    end: 'End roll call',
    cancel: 'Back to the list',
    recorded: (visitors, visitorsPresent, staff, staffPresent) =>
      `Roll call recorded: ${visitorsPresent} of ${visitors} visitors and ${staffPresent} of ${staff} staff present.`,
  },
};
