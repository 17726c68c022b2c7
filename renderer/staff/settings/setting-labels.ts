import type { Language } from '../../../shared/messages';

type Label = Record<Language, string>;

/**
 * Every setting of config.json by its path, in Dutch and English. A key added to the schema without
 * a label here fails test/renderer/setting-labels.test.ts.
 */
export const SETTING_LABELS: Record<string, Label> = {
  'organisation.name': { nl: 'Naam van de organisatie', en: 'Organisation name' },
  'organisation.contactEmail': { nl: 'E-mailadres voor privacyvragen', en: 'E-mail address for privacy questions' },
  timeZone: { nl: 'Tijdzone', en: 'Time zone' },
  'retention.visitMonths': { nl: 'Bezoekgegevens bewaren (maanden)', en: 'Keep visitor data (months)' },
  'retention.footageDays': { nl: 'Camerabeelden bewaren (dagen)', en: 'Keep camera footage (days)' },
  'retention.clockGuardDays': {
    nl: 'Klokbewaking: niet wissen als de klok zoveel dagen vooruit loopt',
    en: 'Clock guard: erase nothing when the clock jumps this many days ahead',
  },
  'retention.recordMonths': {
    nl: 'Auditlog en runs bewaren (maanden)',
    en: 'Keep the audit log and job runs (months)',
  },
  'idle.kioskSeconds': {
    nl: 'Bezoekersscherm terug naar start na (seconden)',
    en: 'Visitor screen resets after (seconds)',
  },
  'idle.staffSeconds': { nl: 'Medewerkersscherm vergrendelt na (seconden)', en: 'Staff view locks after (seconds)' },
  'reception.autoSignOutAt': {
    nl: 'Automatisch afmelden om (UU:MM)',
    en: 'Sign visitors out automatically at (HH:MM)',
  },
  'publicScreen.maxSignInsPerMinute': {
    nl: 'Aanmeldingen per scherm per minuut (maximum)',
    en: 'Sign-ins per screen per minute (maximum)',
  },
  'schedules.visitPurge': { nl: 'Schema bezoekers opschonen (cron)', en: 'Visit purge schedule (cron)' },
  'schedules.footageScan': { nl: 'Schema camerabeelden scannen (cron)', en: 'Footage scan schedule (cron)' },
  'schedules.footagePurge': { nl: 'Schema camerabeelden opschonen (cron)', en: 'Footage purge schedule (cron)' },
  'holds.reviewDays': {
    nl: 'Bewaarplicht: standaard herziening na (dagen)',
    en: 'Legal hold: default review after (days)',
  },
  'holds.maxReviewDays': { nl: 'Bewaarplicht: uiterste herziening (dagen)', en: 'Legal hold: latest review (days)' },
  'footage.enforcedBy': {
    nl: 'Wie wist camerabeelden na de bewaartermijn',
    en: 'Who deletes camera footage after the retention period',
  },
  'footage.root': { nl: 'Map van de camerarecorder', en: "Camera recorder's folder" },
  'footage.markerFile': {
    nl: 'Controlebestand in die map (leeg: geen)',
    en: 'Marker file in that folder (empty: none)',
  },
  'footage.extensions': { nl: 'Bestandstypen van beelden (JSON-lijst)', en: 'Footage file types (JSON list)' },
  'footage.recorder': { nl: 'Soort recorder (mappenindeling)', en: 'Recorder type (folder layout)' },
  'footage.recorderZone': {
    nl: 'Tijdzone van de recorder (leeg: die van de kiosk)',
    en: "Recorder's time zone (empty: the kiosk's)",
  },
  'footage.patterns': { nl: 'Eigen patronen (JSON)', en: 'Own patterns (JSON)' },
  'footage.cameraNames': { nl: 'Cameranamen (JSON: id → naam)', en: 'Camera names (JSON: id → name)' },
  'footage.cameraRetentionDays': {
    nl: 'Kortere bewaartermijn per camera (JSON: camera → dagen)',
    en: 'Shorter period per camera (JSON: camera → days)',
  },
  'footage.maxDeleteShare': {
    nl: 'Wachten op een beheerder boven dit deel van de bestanden (0 tot 1)',
    en: 'Wait for an admin above this share of the files (0 to 1)',
  },
  'footage.settleMinutes': {
    nl: 'Bestanden jonger dan dit met rust laten (minuten)',
    en: 'Leave files younger than this alone (minutes)',
  },
  'alerts.email.host': { nl: 'Mailserver', en: 'Mail server' },
  'alerts.email.port': { nl: 'Poort', en: 'Port' },
  'alerts.email.tls': { nl: 'Versleuteling', en: 'Encryption' },
  'alerts.email.user': { nl: 'Gebruikersnaam', en: 'User name' },
  'alerts.email.password': { nl: 'Wachtwoord', en: 'Password' },
  'alerts.email.from': { nl: 'Afzender', en: 'Sender' },
  'alerts.email.ca': {
    nl: 'Certificaat van de mailserver (pad naar PEM-bestand; leeg: dat van het systeem)',
    en: "Mail server's certificate (path to a PEM file; empty: the system's)",
  },
  'alerts.email.to': { nl: 'Ontvangers (JSON-lijst)', en: 'Recipients (JSON list)' },
  'privacy.footageMarginMinutes': {
    nl: 'Beelden bij een bezoek: marge (minuten)',
    en: "A visit's footage: margin (minutes)",
  },
  'privacy.visitCameras': {
    nl: 'Camera’s bij een bezoek (JSON-lijst; leeg: alle)',
    en: "A visit's cameras (JSON list; empty: all)",
  },
  'privacy.exportDays': { nl: 'Exports wissen na (dagen)', en: 'Delete exports after (days)' },
  'privacy.exportFolder': { nl: 'Map voor beeldexports', en: 'Folder for footage exports' },
  'invitations.unarrivedDays': {
    nl: 'Uitnodiging zonder bezoek wissen na (dagen)',
    en: 'Erase an invitation nobody came for after (days)',
  },
  'badge.enabled': { nl: 'Badge printen na aanmelden', en: 'Print a badge after sign-in' },
  'badge.printer': { nl: 'Printer (leeg: standaardprinter)', en: 'Printer (empty: the default printer)' },
  'badge.pageSize': { nl: 'Badgeformaat', en: 'Badge size' },
  'hostNotice.enabled': { nl: 'Gastheer per e-mail laten weten', en: 'Tell the host by e-mail' },
  'hostNotice.maxPerHour': {
    nl: 'Hoogstens zoveel e-mails per gastheer per uur (de rest in één overzicht)',
    en: 'At most this many mails to one host an hour (the rest in one summary)',
  },
  'console.listen': {
    nl: 'Console op het kantoornetwerk (adres:poort, leeg: uit)',
    en: 'Console on the office network (address:port, empty: off)',
  },
  'console.hostNames': {
    nl: 'Namen waaronder de console bereikt wordt',
    en: 'Names the console is reached by',
  },
  'console.tls.cert': {
    nl: 'Certificaat van de organisatie (PEM-bestand; leeg: een eigen certificaat)',
    en: "The organisation's certificate (PEM file; empty: one of the kiosk's own)",
  },
  'console.tls.key': {
    nl: 'Sleutel bij dat certificaat (PEM-bestand)',
    en: "That certificate's key (PEM file)",
  },
  'lobby.staffViews': {
    nl: 'Medewerkersschermen die op het scherm in de hal open mogen',
    en: 'Staff views that may open on the lobby screen',
  },
};

/** The choices of a list setting in words, where its stored values are not words a person reads. */
export const SETTING_OPTION_LABELS: Record<string, Record<string, Label>> = {
  'footage.enforcedBy': {
    kiosk: { nl: 'Deze kiosk (uit de map van de recorder)', en: "This kiosk (from the recorder's folder)" },
    recorder: { nl: 'De recorder wist zijn beelden zelf', en: 'The recorder deletes its own footage' },
    noCameras: { nl: 'Geen camera’s bij deze kiosk', en: 'No cameras at this kiosk' },
  },
};

export type SettingGroup = 'organisation' | 'retention' | 'footage' | 'mail' | 'invitations' | 'screens' | 'console';

export const GROUP_TITLES: Record<SettingGroup, Label> = {
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  retention: { nl: 'Bewaartermijnen', en: 'Retention' },
  footage: { nl: 'Camerabeelden en recorder', en: 'Camera footage and recorder' },
  mail: { nl: 'Alarmen en mail', en: 'Alarms and mail' },
  invitations: { nl: 'Uitnodigingen, badges en gastheren', en: 'Invitations, badges and hosts' },
  screens: { nl: 'Schermen en wachttijden', en: 'Screens and idle times' },
  console: { nl: 'Console en apparaten', en: 'Console and devices' },
};

/** Which group a setting is shown in, by the start of its path (the longest match wins). */
const GROUP_OF_PREFIX: Record<string, SettingGroup> = {
  organisation: 'organisation',
  timeZone: 'organisation',
  retention: 'retention',
  schedules: 'retention',
  holds: 'retention',
  privacy: 'retention',
  footage: 'footage',
  alerts: 'mail',
  invitations: 'invitations',
  badge: 'invitations',
  hostNotice: 'invitations',
  idle: 'screens',
  reception: 'screens',
  publicScreen: 'screens',
  lobby: 'screens',
  console: 'console',
  devices: 'console',
};

export function groupOf(key: string): SettingGroup | null {
  const parts = key.split('.');
  for (let length = parts.length; length > 0; length--) {
    const group = GROUP_OF_PREFIX[parts.slice(0, length).join('.')];
    if (group) return group;
  }
  return null;
}
