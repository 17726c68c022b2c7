import type { Language } from '../../../shared/messages';

const nl = {
  title: 'Grote verwijdering wacht op bevestiging',
  lead: (files: number, live: number) =>
    `De opschoning van camerabeelden zou ${files} van de ${live} bestanden in één keer verwijderen. Dat is meer dan normaal (na een lange uitval, of een nieuwe map met oude opnamen), dus wacht de kiosk op een beheerder. Bekijk wat er weg zou gaan:`,
  caption: 'Te verwijderen per camera',
  columns: { camera: 'Camera', files: 'Bestanden', oldest: 'Oudste opname', newest: 'Nieuwste opname' },
  review: 'Verwijdering bevestigen…',
  question: (files: number) =>
    `Weet u het zeker? ${files} bestanden worden definitief verwijderd. Een latere achterstand wacht opnieuw op bevestiging.`,
  confirm: (files: number) => `Ja, ${files} bestanden verwijderen`,
  cancel: 'Annuleren',
  done: (deleted: number) => `${deleted} bestanden verwijderd.`,
  waitsForAdmin: 'Een beheerder bekijkt en bevestigt deze verwijdering onder Bewaartermijnen.',
};

export type FootageBacklogText = typeof nl;

const en: FootageBacklogText = {
  title: 'A large deletion waits for confirmation',
  lead: (files: number, live: number) =>
    `The footage purge would delete ${files} of ${live} files at once. That is more than usual (after a long outage, or a new folder with old recordings), so the kiosk waits for an administrator. See what would go:`,
  caption: 'To be deleted, per camera',
  columns: { camera: 'Camera', files: 'Files', oldest: 'Oldest recording', newest: 'Newest recording' },
  review: 'Confirm the deletion…',
  question: (files: number) =>
    `Are you sure? ${files} files will be deleted for good. A later backlog waits for confirmation again.`,
  confirm: (files: number) => `Yes, delete ${files} files`,
  cancel: 'Cancel',
  done: (deleted: number) => `${deleted} files deleted.`,
  waitsForAdmin: 'An administrator reviews and confirms this deletion under Retention.',
};

export const footageBacklogText: Record<Language, FootageBacklogText> = { nl, en };
