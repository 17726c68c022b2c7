import type { Language } from '../../../shared/messages';

const nl = {
  title: 'Recorderindeling',
  lead: 'Welke indeling de kiosk in de mappen met camerabeelden herkent, met voorbeelden. Er wordt niets geïndexeerd.',
  check: 'Controleer de indeling',
  checking: 'Bezig met controleren…',
  summary: (recorder: string, files: number, mtimeFiles: number, truncated: boolean) =>
    `Instelling: ${recorder}. ${files} videobestanden${truncated ? ' (alleen de eerste)' : ''}, waarvan ${mtimeFiles} met de bestandsdatum als begintijd.`,
  columns: {
    folders: 'Mappen',
    layout: 'Herkend als',
    files: 'Bestanden',
    mtime: 'Tijd uit bestandsdatum',
    samples: 'Voorbeelden',
  },
  nothingMatched: 'niets herkend',
  noTimeInPath: 'geen opnametijd in de paden: de bestandsdatum telt',
  mtimeMark: 'bestandsdatum',
};

export type RecorderText = typeof nl;

const en: RecorderText = {
  title: 'Recorder layout',
  lead: 'Which layout the kiosk recognises in the footage folders, with samples. Nothing is indexed.',
  check: 'Check the layout',
  checking: 'Checking…',
  summary: (recorder, files, mtimeFiles, truncated) =>
    `Setting: ${recorder}. ${files} video files${truncated ? ' (the first ones only)' : ''}, ${mtimeFiles} of them with the file date as their start.`,
  columns: {
    folders: 'Folders',
    layout: 'Recognised as',
    files: 'Files',
    mtime: 'Time from file date',
    samples: 'Samples',
  },
  nothingMatched: 'nothing recognised',
  noTimeInPath: 'no recording time in the paths: the file date counts',
  mtimeMark: 'file date',
};

export const recorderText: Record<Language, RecorderText> = { nl, en };
