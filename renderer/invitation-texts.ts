import type { Language } from '../shared/messages';

/** The kiosk's and the staff view's texts for invitations and badges, in Dutch and English. */
const nl = {
  haveInvitation: 'Ik heb een uitnodiging',
  codeTitle: 'Uw uitnodigingscode',
  codeLabel: 'Typ de code van uw uitnodiging, of houd de QR-code voor de scanner',
  next: 'Volgende',
  checking: 'Even controleren…',
  detailsTitle: 'Kloppen uw gegevens?',
  detailsLead: 'Pas aan wat niet klopt.',
  visiting: (host: string) => `U bezoekt ${host}.`,
  correct: 'Klopt, verder',
  failedTitle: 'Dat lukte niet',
  // Staff view
  expectedTitle: (date: string) => `Verwacht vandaag (${date})`,
  noneExpected: 'Vandaag worden geen bezoekers meer verwacht.',
  addExpected: 'Verwachte bezoeker toevoegen',
  date: 'Datum (JJJJ-MM-DD)',
  host: 'Gastheer of gastvrouw (optioneel)',
  add: 'Toevoegen',
  csvFile: 'Of een CSV-bestand (kolommen first, last, company, plate, host)',
  csvAdded: (count: number) => `${count} bezoekers toegevoegd.`,
  invitationFor: (name: string, date: string) => `Uitnodiging voor ${name} op ${date}`,
  printInvitation: 'Uitnodiging afdrukken',
  copyInvitation: 'Tekst kopiëren',
  copied: 'Gekopieerd.',
  showInvitation: 'Uitnodiging',
  code: 'Code',
  columns: { name: 'Naam', company: 'Bedrijf', host: 'Bezoekt', code: 'Code', action: 'Actie' },
};

const en: typeof nl = {
  haveInvitation: 'I have an invitation',
  codeTitle: 'Your invitation code',
  codeLabel: 'Type the code from your invitation, or hold the QR code to the scanner',
  next: 'Next',
  checking: 'Checking…',
  detailsTitle: 'Are your details right?',
  detailsLead: 'Change whatever is not right.',
  visiting: (host: string) => `You are visiting ${host}.`,
  correct: 'Correct, continue',
  failedTitle: 'That did not work',
  expectedTitle: (date: string) => `Expected today (${date})`,
  noneExpected: 'No more visitors are expected today.',
  addExpected: 'Add an expected visitor',
  date: 'Date (YYYY-MM-DD)',
  host: 'Host (optional)',
  add: 'Add',
  csvFile: 'Or a CSV file (columns first, last, company, plate, host)',
  csvAdded: (count: number) => `${count} visitors added.`,
  invitationFor: (name: string, date: string) => `Invitation for ${name} on ${date}`,
  printInvitation: 'Print invitation',
  copyInvitation: 'Copy text',
  copied: 'Copied.',
  showInvitation: 'Invitation',
  code: 'Code',
  columns: { name: 'Name', company: 'Company', host: 'Visiting', code: 'Code', action: 'Action' },
};

export const invitationText: Record<Language, typeof nl> = { nl, en };
export type InvitationText = typeof nl;
