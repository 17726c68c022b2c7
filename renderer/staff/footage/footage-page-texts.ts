import type { Language } from '../../../shared/messages';

const nl = {
  fromTime: 'Vanaf (datum en tijd)',
  toTime: 'Tot (datum en tijd, niet inbegrepen)',
  position: (first: number, last: number, total: number) => `Bestanden ${first}–${last} van ${total}`,
  none: (total: number) => `${total} bestanden`,
  newer: 'Nieuwere bestanden',
  older: 'Oudere bestanden',
  mtimeFiles: (count: number, label: string) => `${count} met ${label}`,
};

export type FootagePageText = typeof nl;

const en: FootagePageText = {
  fromTime: 'From (date and time)',
  toTime: 'Until (date and time, not included)',
  position: (first, last, total) => `Files ${first}–${last} of ${total}`,
  none: (total) => `${total} files`,
  newer: 'Newer files',
  older: 'Older files',
  mtimeFiles: (count, label) => `${count} with ${label}`,
};

export const footagePageText: Record<Language, FootagePageText> = { nl, en };
