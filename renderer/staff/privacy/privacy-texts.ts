import type { PrivacyPurpose } from '../../../shared/api/privacy';
import type { Language } from '../../../shared/messages';

const visits = (count: number, nl: boolean) =>
  nl ? (count === 1 ? '1 bezoek' : `${count} bezoeken`) : count === 1 ? '1 visit' : `${count} visits`;
const expectedVisits = (count: number, nl: boolean) =>
  nl
    ? count === 1
      ? '1 verwacht bezoek'
      : `${count} verwachte bezoeken`
    : count === 1
      ? '1 expected visit'
      : `${count} expected visits`;
/** Visits, expected visits, or both: "1 bezoek en 1 verwacht bezoek". Expected visits are named only when there are some. */
const hits = (visitCount: number, expectedCount: number, nl: boolean) =>
  expectedCount === 0
    ? visits(visitCount, nl)
    : visitCount === 0
      ? expectedVisits(expectedCount, nl)
      : `${visits(visitCount, nl)} ${nl ? 'en' : 'and'} ${expectedVisits(expectedCount, nl)}`;
/** After privacy.exportDays (as the core tells it); the days set, before the core has told it. */
const afterDays = (days: number | null, nl: boolean) => {
  if (days === null) return nl ? 'na het ingestelde aantal dagen' : 'after the number of days set';
  if (nl) return days === 1 ? 'na 1 dag' : `na ${days} dagen`;
  return days === 1 ? 'after 1 day' : `after ${days} days`;
};
const files = (count: number, nl: boolean) =>
  nl ? (count === 1 ? '1 bestand' : `${count} bestanden`) : count === 1 ? '1 file' : `${count} files`;

const nl = {
  title: 'Privacyverzoeken',
  lead: 'Zoek de bezoeken van iemand die om inzage, correctie, verwijdering of beperking vraagt, of bezwaar maakt. Elke zoekopdracht komt met het doel en het aantal treffers in het auditlog, zonder de zoektermen.',
  query: 'Naam, bedrijf of kenteken',
  purpose: 'Doel',
  choosePurpose: 'Kies een doel',
  purposes: {
    accessRequest: 'Verzoek om inzage',
    erasureRequest: 'Verzoek om verwijdering',
    rectificationRequest: 'Verzoek om correctie',
    restrictionRequest: 'Verzoek om beperking',
    objection: 'Bezwaar',
    policeRequest: 'Vordering van de politie',
    other: 'Anders',
  } satisfies Record<PrivacyPurpose, string>,
  from: 'Van (datum)',
  to: 'Tot en met (datum)',
  search: 'Zoeken',
  hits: (count: number, expected = 0) => `${hits(count, expected, true)} gevonden`,
  truncated: 'Er zijn meer treffers; de nieuwste staan hier. Maak de zoekopdracht of de periode nauwer.',
  noHits: 'Geen bezoeken of verwachte bezoeken gevonden.',
  resultsCaption: 'Gevonden bezoeken',
  selectAll: 'Alle bezoeken selecteren',
  selectVisit: (id: number) => `Bezoek ${id} selecteren`,
  selectExpected: (id: number) => `Verwacht bezoek ${id} selecteren`,
  expectedMark: 'verwacht bezoek',
  columns: {
    visit: 'Bezoek',
    date: 'Datum',
    in: 'Binnen',
    out: 'Weg',
    name: 'Naam',
    company: 'Bedrijf',
    plate: 'Kenteken',
    status: 'Status',
  },
  onSite: 'aanwezig',
  held: 'bewaarplicht',
  restricted: 'beperkt',
  selected: (count: number, expected = 0) => `${hits(count, expected, true)} geselecteerd`,
  copyLanguage: 'Taal van de kopie',
  languages: { nl: 'Nederlands', en: 'Engels' } satisfies Record<Language, string>,
  exportCopy: 'Kopie voor inzage (pagina + JSON)',
  correct: 'Corrigeren',
  restrict: 'Beperken',
  unrestrict: 'Beperking opheffen',
  erase: 'Wissen',
  showFootage: 'Camerabeelden van dit bezoek',
  reason: 'Reden of kenmerk van het verzoek (geen namen)',
  confirm: 'Bevestigen',
  cancel: 'Annuleren',
  confirmExport: (count: number, expected: number, language: string, days: number | null) =>
    `Een kopie van ${hits(count, expected, true)} in het ${language.toLowerCase()} wordt in de exportmap gezet: een afdrukbare pagina en een JSON-bestand. De kiosk verwijdert de kopie ${afterDays(days, true)}, of eerder wanneer de bewaartermijn van de gegevens zelf afloopt.`,
  confirmRestrict: (count: number) =>
    `${visits(count, true)} ${count === 1 ? 'wordt' : 'worden'} beperkt: bewaard, maar alleen nog zichtbaar voor privacyverzoeken en op de ontruimingslijst. De bewaartermijn blijft gelijk.`,
  confirmUnrestrict: (count: number) =>
    `De beperking van ${visits(count, true)} wordt opgeheven; ze staan weer in de gewone lijsten.`,
  confirmErase: (count: number, expected = 0) =>
    `${hits(count, expected, true)} ${count + expected === 1 ? 'wordt' : 'worden'} nu gewist; dit kan niet ongedaan worden gemaakt.`,
  confirmCorrect: (id: number) => `Bezoek ${id} wordt gecorrigeerd met de ingevulde gegevens.`,
  confirmFootage: (count: number, held: boolean) =>
    `${files(count, true)} ${count === 1 ? 'wordt' : 'worden'} gekopieerd naar de exportmap, met een manifest, ${held ? 'en de originelen krijgen een bewaarplicht.' : 'zonder bewaarplicht op de originelen.'}`,
  confirmQuestion: 'Weet u het zeker?',
  exported: (count: number, expected: number, file: string, until: string) =>
    `Kopie van ${hits(count, expected, true)} opgeslagen in de exportmap: ${file}. Verwijderd na ${until}.`,
  restrictedDone: (count: number) => `${visits(count, true)} beperkt.`,
  unrestrictedDone: (count: number) => `Beperking van ${visits(count, true)} opgeheven.`,
  erased: (count: number, expected = 0) =>
    `${hits(count, expected, true)} gewist. Een mail die al naar een gastheer is gestuurd, staat buiten de kiosk: vraag de gastheer die te verwijderen.`,
  corrected: (id: number) => `Bezoek ${id} gecorrigeerd.`,
  footageExported: (count: number, folder: string, held: boolean, until: string) =>
    `${files(count, true)} geëxporteerd naar ${folder}; ${held ? 'de originelen hebben een bewaarplicht en de kopie blijft zolang die geldt.' : `verwijderd na ${until}.`}`,
  exportsTitle: 'Exports in de exportmap',
  exportsLead: (days: number | null) =>
    `Elke kopie voor een persoon of de politie wordt ${afterDays(days, true)} verwijderd, of eerder wanneer de bewaartermijn van de originelen afloopt; een politie-export blijft zolang de bewaarplicht op de originelen geldt.`,
  noExports: 'Geen exports.',
  exportsColumns: {
    made: 'Gemaakt',
    kind: 'Soort',
    purpose: 'Doel',
    by: 'Door',
    files: 'Bestanden',
    until: 'Verwijderd',
  },
  exportKinds: { access: 'Kopie voor inzage', footage: 'Camerabeelden' },
  keptWhileHeld: 'zolang de bewaarplicht geldt',
  deletedAfter: (when: string) => `na ${when}`,
  correctTitle: (id: number) => `Bezoek ${id} corrigeren`,
  firstName: 'Voornaam',
  lastName: 'Achternaam',
  companyField: 'Bedrijf (leeg: geen)',
  plateField: 'Kenteken (leeg: geen)',
  footageTitle: (id: number) => `Camerabeelden van bezoek ${id}`,
  footageWindow: (from: string, to: string) => `Opnames van ${from} tot ${to} (met marge).`,
  noFootage: 'Geen camerabeelden in deze periode.',
  footageColumns: { camera: 'Camera', start: 'Begin opname', size: 'Grootte', held: 'Bewaarplicht', play: 'Bekijken' },
  play: 'Afspelen',
  playFile: (camera: string, when: string) => `${camera}, opname van ${when} afspelen`,
  playing: (camera: string, when: string) => `${camera}, opname van ${when}`,
  closePlayer: 'Sluiten',
  exportFootage: 'Beelden exporteren naar de exportmap',
  yes: 'ja',
  no: 'nee',
};

export type PrivacyText = typeof nl;

const en: PrivacyText = {
  title: 'Privacy requests',
  lead: 'Find the visits of someone who asks for access, correction, erasure or restriction, or who objects. Every search goes into the audit log with its purpose and the number of hits, never the search terms.',
  query: 'Name, company or licence plate',
  purpose: 'Purpose',
  choosePurpose: 'Choose a purpose',
  purposes: {
    accessRequest: 'Access request',
    erasureRequest: 'Erasure request',
    rectificationRequest: 'Rectification request',
    restrictionRequest: 'Restriction request',
    objection: 'Objection',
    policeRequest: 'Police request',
    other: 'Other',
  },
  from: 'From (date)',
  to: 'Through (date)',
  search: 'Search',
  hits: (count, expected = 0) => `${hits(count, expected, false)} found`,
  truncated: 'More visits matched; the newest are shown. Narrow the search or the dates.',
  noHits: 'No visits or expected visits found.',
  resultsCaption: 'Visits found',
  selectAll: 'Select all visits',
  selectVisit: (id) => `Select visit ${id}`,
  selectExpected: (id) => `Select expected visit ${id}`,
  expectedMark: 'expected visit',
  columns: {
    visit: 'Visit',
    date: 'Date',
    in: 'In',
    out: 'Out',
    name: 'Name',
    company: 'Company',
    plate: 'Licence plate',
    status: 'Status',
  },
  onSite: 'on site',
  held: 'legal hold',
  restricted: 'restricted',
  selected: (count, expected = 0) => `${hits(count, expected, false)} selected`,
  copyLanguage: 'Language of the copy',
  languages: { nl: 'Dutch', en: 'English' },
  exportCopy: 'Copy for access (page + JSON)',
  correct: 'Correct',
  restrict: 'Restrict',
  unrestrict: 'Lift restriction',
  erase: 'Erase',
  showFootage: 'Footage of this visit',
  reason: 'Reason or reference of the request (no names)',
  confirm: 'Confirm',
  cancel: 'Cancel',
  confirmExport: (count, expected, language, days) =>
    `A copy of ${hits(count, expected, false)} in ${language} will be saved in the export folder: a printable page and a JSON file. The kiosk deletes it ${afterDays(days, false)}, or sooner when the data's own retention period ends.`,
  confirmRestrict: (count) =>
    `${visits(count, false)} will be restricted: kept, but shown only to privacy requests and on the evacuation list. The retention deadline stays the same.`,
  confirmUnrestrict: (count) =>
    `The restriction on ${visits(count, false)} will be lifted; they show in the usual lists again.`,
  confirmErase: (count, expected = 0) => `${hits(count, expected, false)} will be erased now; this cannot be undone.`,
  confirmCorrect: (id) => `Visit ${id} will be corrected with the details entered.`,
  confirmFootage: (count, held) =>
    `${files(count, false)} will be copied to the export folder with a manifest, ${held ? 'and the originals will be put under a legal hold.' : 'without a legal hold on the originals.'}`,
  confirmQuestion: 'Are you sure?',
  exported: (count, expected, file, until) =>
    `Copy of ${hits(count, expected, false)} saved in the export folder: ${file}. Deleted after ${until}.`,
  restrictedDone: (count) => `${visits(count, false)} restricted.`,
  unrestrictedDone: (count) => `Restriction lifted on ${visits(count, false)}.`,
  erased: (count, expected = 0) =>
    `${hits(count, expected, false)} erased. A mail already sent to a host is outside the kiosk: ask the host to delete it.`,
  corrected: (id) => `Visit ${id} corrected.`,
  footageExported: (count, folder, held, until) =>
    `${files(count, false)} exported to ${folder}; ${held ? 'the originals are held, and the copy stays while they are.' : `deleted after ${until}.`}`,
  exportsTitle: 'Exports in the export folder',
  exportsLead: (days) =>
    `Every copy for a person or the police is deleted ${afterDays(days, false)}, or sooner when its originals' retention period ends; a police export stays while the hold on its originals lasts.`,
  noExports: 'No exports.',
  exportsColumns: { made: 'Made', kind: 'Kind', purpose: 'Purpose', by: 'By', files: 'Files', until: 'Deleted' },
  exportKinds: { access: 'Copy for access', footage: 'Footage' },
  keptWhileHeld: 'while the hold lasts',
  deletedAfter: (when) => `after ${when}`,
  correctTitle: (id) => `Correct visit ${id}`,
  firstName: 'First name',
  lastName: 'Last name',
  companyField: 'Company (empty: none)',
  plateField: 'Licence plate (empty: none)',
  footageTitle: (id) => `Footage of visit ${id}`,
  footageWindow: (from, to) => `Recordings from ${from} to ${to} (with the margin).`,
  noFootage: 'No footage in this period.',
  footageColumns: { camera: 'Camera', start: 'Recording start', size: 'Size', held: 'Legal hold', play: 'View' },
  play: 'Play',
  playFile: (camera, when) => `Play ${camera}, recorded ${when}`,
  playing: (camera, when) => `${camera}, recorded ${when}`,
  closePlayer: 'Close',
  exportFootage: 'Export footage to the export folder',
  yes: 'yes',
  no: 'no',
};

export const privacyText: Record<Language, PrivacyText> = { nl, en };
