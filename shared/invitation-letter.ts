import type { NoticeFacts } from './api/types';
import type { Language } from './messages';
import { noticeSections } from './notice';
import { formatIsoDate } from './date-format';

export interface LetterDetails {
  date: string;
  firstName: string;
  lastName: string;
  company: string | null;
  hostName: string | null;
  code: string;
}

const words = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    expected: (organisation: string, date: string) => `U wordt op ${date} verwacht bij ${organisation}.`,
    host: (host: string) => `U bezoekt ${host}.`,
    how: 'Kies bij de kiosk in de receptie "Ik heb een uitnodiging" en typ deze code, of houd de QR-code voor de scanner:',
    valid: (date: string) => `De code is alleen geldig op ${date}.`,
    notice: 'Zo gaan wij om met uw gegevens (u hebt ze niet zelf aan ons gegeven; daarom krijgt u deze informatie nu):',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    expected: (organisation: string, date: string) => `${organisation} expects you on ${date}.`,
    host: (host: string) => `You are visiting ${host}.`,
    how: 'At the kiosk in reception, choose "I have an invitation" and type this code, or hold the QR code to the scanner:',
    valid: (date: string) => `The code is valid on ${date} only.`,
    notice: 'How we handle your data (you did not give them to us yourself, so you get this information now):',
  },
} as const;

/**
 * The invitation a receptionist prints or copies into their own mail: the date, the code and the
 * privacy notice, rendered from the same facts as the kiosk's notice (GDPR art. 14: data not
 * collected from the visitor).
 */
export function invitationLetter(facts: NoticeFacts, details: LetterDetails, language: Language): string {
  const text = words[language];
  const lines = [
    text.greeting(`${details.firstName} ${details.lastName}`),
    '',
    text.expected(facts.organisationName, formatIsoDate(details.date, language)),
    ...(details.hostName ? [text.host(details.hostName)] : []),
    text.how,
    '',
    `    ${details.code}`,
    '',
    text.valid(formatIsoDate(details.date, language)),
    '',
    text.notice,
  ];
  for (const section of noticeSections(facts, language)) {
    lines.push('', section.heading, ...section.paragraphs);
  }
  return lines.join('\n');
}
