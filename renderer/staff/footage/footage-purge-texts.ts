import { alarmControls } from '../../../shared/health-actions';
import type { Language } from '../../../shared/messages';

const nl = {
  // The alarm texts name this button: one wording for both.
  start: alarmControls.footagePurgeNow.nl as string,
  checking: 'Bezig met tellen…',
  question: (files: number) =>
    `${files} ${files === 1 ? 'bestand is' : 'bestanden zijn'} over de bewaartermijn en ${files === 1 ? 'wordt' : 'worden'} definitief verwijderd. Beelden onder een bewaarplicht blijven staan.`,
  confirm: (files: number) => `Ja, ${files} ${files === 1 ? 'bestand' : 'bestanden'} verwijderen`,
  cancel: 'Annuleren',
  nothing: 'Er zijn geen camerabeelden over de bewaartermijn: er is niets te verwijderen.',
  done: (deleted: number) => `${deleted} ${deleted === 1 ? 'bestand' : 'bestanden'} verwijderd.`,
  heldBack: (reason: string) => `De opschoning is tegengehouden: ${reason}.`,
  wouldWait: (reason: string) => `De opschoning zou worden tegengehouden: ${reason}.`,
};

export type FootagePurgeText = typeof nl;

const en: FootagePurgeText = {
  start: alarmControls.footagePurgeNow.en,
  checking: 'Counting…',
  question: (files: number) =>
    `${files} ${files === 1 ? 'file is' : 'files are'} past the retention period and will be deleted for good. Footage under a legal hold stays.`,
  confirm: (files: number) => `Yes, delete ${files} ${files === 1 ? 'file' : 'files'}`,
  cancel: 'Cancel',
  nothing: 'No footage is past its retention period: there is nothing to delete.',
  done: (deleted: number) => `${deleted} ${deleted === 1 ? 'file' : 'files'} deleted.`,
  heldBack: (reason: string) => `The purge was held back: ${reason}.`,
  wouldWait: (reason: string) => `The purge would be held back: ${reason}.`,
};

export const footagePurgeText: Record<Language, FootagePurgeText> = { nl, en };
