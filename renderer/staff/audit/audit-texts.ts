import type { AuditEntry } from '../../../shared/api/types';
import type { Language } from '../../../shared/messages';
import { settingChangeSentence, settingFileAcceptedSentence, settingFileRefusedSentence } from './setting-change-text';

type Detail = AuditEntry['detail'];
type DetailValue = Detail[string] | undefined;
/** A staff number as the admin knows the person: their name from the staff list, else "medewerker 2". */
export type StaffNameOf = (staffId: DetailValue) => string;

type Sentence = (detail: Detail, staffName: StaffNameOf) => string;

const n = (value: DetailValue) => (value === null || value === undefined ? '?' : String(value));

/** A staff view the core locked, by its reason; one locked by hand reads "Locked the staff view". */
const lockedBecause: Record<'nl' | 'en', Record<string, string>> = {
  nl: {
    idle: 'Medewerkersscherm vergrendeld na niets doen',
    expired: 'Medewerkersscherm vergrendeld na niets doen',
    accountChanged: 'Medewerkersscherm vergrendeld: account gewijzigd of uitgeschakeld',
    pinReset: 'Medewerkersscherm vergrendeld: pincode opnieuw ingesteld',
    deviceRevoked: 'Medewerkersscherm vergrendeld: apparaat ingetrokken',
  },
  en: {
    idle: 'Staff view locked after inactivity',
    expired: 'Staff view locked after inactivity',
    accountChanged: 'Staff view locked: account changed or disabled',
    pinReset: 'Staff view locked: PIN reset',
    deviceRevoked: 'Staff view locked: device revoked',
  },
};

/**
 * Each audit action as a sentence in the screen's language, plus the words an admin might type to
 * find it ("aanmelden" finds sign-ins and the desk's registrations). The filter searches these.
 */
const nl: Record<string, { say: Sentence; words?: string }> = {
  'staff.signedIn': { say: () => 'Heeft het medewerkersscherm ontgrendeld', words: 'aanmelden inloggen ontgrendelen' },
  'staff.locked': {
    say: (d) => lockedBecause.nl[String(d.reason)] ?? 'Heeft het medewerkersscherm vergrendeld',
    words: 'afmelden uitloggen vergrendelen',
  },
  'staff.pinFailed': { say: (d, name) => `Onjuiste pincode ingevoerd voor ${name(d.staffId)}`, words: 'aanmelden' },
  'staff.lockedOut': {
    say: (d, name) => `${name(d.staffId)} tijdelijk geblokkeerd na ${n(d.failures)} onjuiste pincodes`,
    words: 'aanmelden',
  },
  'staff.screenLocked': {
    say: (d) => `Ontgrendelen op scherm ${n(d.terminal)} tijdelijk geblokkeerd na ${n(d.failures)} onjuiste pincodes`,
    words: 'aanmelden pincode scherm',
  },
  'staff.pinReset': { say: (d, name) => `Nieuwe pincode ingesteld voor ${name(d.staffId)}` },
  'staff.added': { say: (d, name) => `Medewerker ${name(d.staffId)} toegevoegd (${roleNl(d.role)})` },
  'staff.disabled': { say: (d, name) => `Medewerker ${name(d.staffId)} uitgeschakeld` },
  'staff.enabled': { say: (d, name) => `Medewerker ${name(d.staffId)} ingeschakeld` },
  'visits.viewed.today': { say: (d) => `Lijst van vandaag bekeken (${n(d.count)} bezoeken)` },
  'visits.viewed.evacuation': { say: (d) => `Ontruimingslijst bekeken (${n(d.count)} aanwezig)` },
  'visits.viewed.expected': { say: (d) => `Verwachte bezoekers bekeken (${n(d.count)})` },
  'visits.registered': { say: () => 'Bezoeker aangemeld door de receptie', words: 'aanmelden registreren' },
  'visits.signedOutByStaff': {
    say: (d) => `Bezoek ${n(d.visitId)} afgemeld door de receptie`,
    words: 'afmelden',
  },
  'visits.signedOutByName': {
    say: (d) => `Bezoek ${n(d.visitId)} afgemeld op naam, zonder code`,
    words: 'afmelden naam',
  },
  'visits.staffSignOutUndone': {
    say: (d) => `Afmelding van bezoek ${n(d.visitId)} ongedaan gemaakt`,
    words: 'afmelden aanmelden ongedaan',
  },
  'visits.autoSignedOut': { say: (d) => `${n(d.count)} bezoekers automatisch afgemeld`, words: 'afmelden' },
  'visits.exported': { say: (d) => `Ontruimingslijst geëxporteerd (${n(d.count)} bezoekers)`, words: 'csv' },
  'visits.printed': { say: (d) => `Ontruimingslijst afgedrukt (${n(d.count)} bezoekers)`, words: 'printen' },
  'visits.signInsThrottled': {
    say: () => 'Te veel aanmeldingen kort na elkaar: tijdelijk afgeremd',
    words: 'aanmelden',
  },
  'visits.signOutCodesThrottled': {
    say: () => 'Te veel afmeldcodes geprobeerd: tijdelijk afgeremd',
    words: 'afmelden',
  },
  'holds.placed': { say: (d) => `Bewaarplicht ${n(d.holdId)} vastgelegd${d.visitId ? ` op bezoek ${d.visitId}` : ''}` },
  'holds.released': { say: (d) => `Bewaarplicht ${n(d.holdId)} opgeheven` },
  'holds.reviewExtended': { say: (d) => `Herbeoordelingsdatum van bewaarplicht ${n(d.holdId)} verzet` },
  'hosts.added': { say: (d) => `Gastheer ${n(d.hostId)} toegevoegd` },
  'hosts.activated': { say: (d) => `Gastheer ${n(d.hostId)} actief gemaakt` },
  'hosts.deactivated': { say: (d) => `Gastheer ${n(d.hostId)} uitgezet` },
  'invitations.added': { say: (d) => `${n(d.count)} uitnodiging(en) toegevoegd` },
  'invitations.arrived': { say: () => 'Uitgenodigde bezoeker aangemeld', words: 'aanmelden' },
  'invitations.arrivedAtDesk': { say: () => 'Verwachte bezoeker aangemeld door de receptie', words: 'aanmelden' },
  'invitations.removed': { say: (d) => `Verwachte bezoeker ${n(d.expectedVisitId)} verwijderd` },
  'invitations.viewed': { say: () => 'Uitnodiging opnieuw geopend' },
  'invitations.purged': { say: (d) => `${n(d.erased)} verlopen uitnodigingen gewist`, words: 'opschonen' },
  'footage.viewed': { say: (d) => `Camerabeelden bekeken (${n(d.count)} bestanden)` },
  'footage.played': { say: (d) => `Camerabeeld ${n(d.fileId)} afgespeeld` },
  'footage.purged': { say: () => 'Camerabeelden opgeschoond', words: 'wissen verwijderen' },
  'footage.blocked': { say: () => 'Opschonen van camerabeelden tegengehouden' },
  'footage.purgeRequested': { say: () => 'Verlopen camerabeelden met de hand verwijderd', words: 'opschonen' },
  'privacy.searched': { say: (d) => `Gezocht voor een privacyverzoek (${n(d.hits)} gevonden)` },
  'privacy.exported': { say: () => 'Gegevens uitgegeven voor een privacyverzoek', words: 'inzage export' },
  'privacy.footageExported': { say: () => 'Camerabeelden uitgegeven voor een privacyverzoek' },
  'privacy.exportDeleted': {
    say: (d) =>
      d.why === 'erased'
        ? `Export ${n(d.exportId)} gewist met het bezoek`
        : `Export ${n(d.exportId)} verlopen en verwijderd`,
    words: 'exportmap kopie',
  },
  'privacy.footageViewed': { say: (d) => `Camerabeelden bij bezoek ${n(d.visitId)} bekeken` },
  'privacy.corrected': { say: (d) => `Bezoek ${n(d.visitId)} gecorrigeerd`, words: 'rectificatie wijzigen' },
  'privacy.erased': { say: (d) => `${n(d.count)} bezoek(en) gewist op verzoek`, words: 'verwijderen vergeten' },
  'retention.purged': { say: (d) => `Opgeschoond: ${n(d.erased)} bezoeken gewist`, words: 'wissen opschonen' },
  'retention.blocked': { say: () => 'Opschoning tegengehouden door de klokcontrole' },
  'retention.clockConfirmed': { say: () => 'Tijd bevestigd; opschoning vrijgegeven' },
  'retention.clockRecovered': { say: () => 'Klok liep achter en klopt weer; opschoning gaat vanzelf verder' },
  'retention.runRequested': { say: () => 'Opschoning met de hand gestart' },
  'retention.scrubPending': { say: () => 'Nawissen van de database nog niet gelukt' },
  'health.offlinePastDeadline': {
    say: (d) => `Kiosk stond uit over een termijn heen (bezoeken: ${n(d.visits)}, bestanden: ${n(d.files)})`,
    words: 'uit offline termijn',
  },
  'health.offlineAcknowledged': { say: () => 'Bericht "kiosk stond uit" gelezen en weggehaald', words: 'uit offline' },
  'settings.changed': { say: (d) => settingChangeSentence(d, 'nl'), words: 'instellingen wijzigen' },
  'settings.fileRefused': { say: (d) => settingFileRefusedSentence(d, 'nl'), words: 'instellingen config' },
  'settings.fileAccepted': { say: () => settingFileAcceptedSentence('nl'), words: 'instellingen config' },
};

const en: typeof nl = {
  'staff.signedIn': { say: () => 'Unlocked the staff view', words: 'sign in log in' },
  'staff.locked': {
    say: (d) => lockedBecause.en[String(d.reason)] ?? 'Locked the staff view',
    words: 'sign out log out',
  },
  'staff.pinFailed': { say: (d, name) => `Wrong PIN entered for ${name(d.staffId)}`, words: 'sign in' },
  'staff.lockedOut': {
    say: (d, name) => `${name(d.staffId)} blocked for a while after ${n(d.failures)} wrong PINs`,
    words: 'sign in',
  },
  'staff.screenLocked': {
    say: (d) => `Unlocking on screen ${n(d.terminal)} blocked for a while after ${n(d.failures)} wrong PINs`,
    words: 'sign in PIN screen',
  },
  'staff.pinReset': { say: (d, name) => `New PIN set for ${name(d.staffId)}` },
  'staff.added': { say: (d, name) => `Staff member ${name(d.staffId)} added (${n(d.role)})` },
  'staff.disabled': { say: (d, name) => `Staff member ${name(d.staffId)} disabled` },
  'staff.enabled': { say: (d, name) => `Staff member ${name(d.staffId)} enabled` },
  'visits.viewed.today': { say: (d) => `Viewed today's list (${n(d.count)} visits)` },
  'visits.viewed.evacuation': { say: (d) => `Viewed the evacuation list (${n(d.count)} on site)` },
  'visits.viewed.expected': { say: (d) => `Viewed expected visitors (${n(d.count)})` },
  'visits.registered': { say: () => 'Visitor registered by reception', words: 'sign in' },
  'visits.signedOutByStaff': { say: (d) => `Visit ${n(d.visitId)} signed out by reception`, words: 'sign out' },
  'visits.signedOutByName': {
    say: (d) => `Visit ${n(d.visitId)} signed out by name, without a code`,
    words: 'sign out name',
  },
  'visits.staffSignOutUndone': { say: (d) => `Sign-out of visit ${n(d.visitId)} undone`, words: 'sign out undo' },
  'visits.autoSignedOut': { say: (d) => `${n(d.count)} visitors signed out automatically`, words: 'sign out' },
  'visits.exported': { say: (d) => `Evacuation list exported (${n(d.count)} visitors)`, words: 'csv' },
  'visits.printed': { say: (d) => `Evacuation list printed (${n(d.count)} visitors)` },
  'visits.signInsThrottled': { say: () => 'Too many sign-ins in a short time: slowed down', words: 'sign in' },
  'visits.signOutCodesThrottled': { say: () => 'Too many sign-out codes tried: slowed down', words: 'sign out' },
  'holds.placed': { say: (d) => `Legal hold ${n(d.holdId)} placed${d.visitId ? ` on visit ${d.visitId}` : ''}` },
  'holds.released': { say: (d) => `Legal hold ${n(d.holdId)} released` },
  'holds.reviewExtended': { say: (d) => `Review date of legal hold ${n(d.holdId)} moved` },
  'hosts.added': { say: (d) => `Host ${n(d.hostId)} added` },
  'hosts.activated': { say: (d) => `Host ${n(d.hostId)} made active` },
  'hosts.deactivated': { say: (d) => `Host ${n(d.hostId)} switched off` },
  'invitations.added': { say: (d) => `${n(d.count)} invitation(s) added` },
  'invitations.arrived': { say: () => 'Invited visitor signed in', words: 'sign in' },
  'invitations.arrivedAtDesk': { say: () => 'Expected visitor signed in by reception', words: 'sign in' },
  'invitations.removed': { say: (d) => `Expected visitor ${n(d.expectedVisitId)} removed` },
  'invitations.viewed': { say: () => 'Invitation opened again' },
  'invitations.purged': { say: (d) => `${n(d.erased)} expired invitations erased`, words: 'purge' },
  'footage.viewed': { say: (d) => `Viewed camera footage (${n(d.count)} files)` },
  'footage.played': { say: (d) => `Played footage file ${n(d.fileId)}` },
  'footage.purged': { say: () => 'Camera footage purged', words: 'delete' },
  'footage.blocked': { say: () => 'Footage purge held back' },
  'footage.purgeRequested': { say: () => 'Expired footage deleted by hand', words: 'purge' },
  'privacy.searched': { say: (d) => `Searched for a privacy request (${n(d.hits)} found)` },
  'privacy.exported': { say: () => 'Data handed out for a privacy request', words: 'access export' },
  'privacy.footageExported': { say: () => 'Footage handed out for a privacy request' },
  'privacy.exportDeleted': {
    say: (d) =>
      d.why === 'erased'
        ? `Export ${n(d.exportId)} erased with the visit`
        : `Export ${n(d.exportId)} expired and deleted`,
    words: 'export folder copy',
  },
  'privacy.footageViewed': { say: (d) => `Viewed footage for visit ${n(d.visitId)}` },
  'privacy.corrected': { say: (d) => `Visit ${n(d.visitId)} corrected`, words: 'rectification' },
  'privacy.erased': { say: (d) => `${n(d.count)} visit(s) erased on request`, words: 'delete forget' },
  'retention.purged': { say: (d) => `Purge: ${n(d.erased)} visits erased`, words: 'erase' },
  'retention.blocked': { say: () => 'Purge held back by the clock check' },
  'retention.clockConfirmed': { say: () => 'Time confirmed; purge released' },
  'retention.clockRecovered': { say: () => 'Clock was behind and is right again; the purge resumed by itself' },
  'retention.runRequested': { say: () => 'Purge started by hand' },
  'retention.scrubPending': { say: () => 'Database scrub after erasing not yet done' },
  'health.offlinePastDeadline': {
    say: (d) => `Kiosk was off past a deadline (visits: ${n(d.visits)}, files: ${n(d.files)})`,
    words: 'off offline deadline',
  },
  'health.offlineAcknowledged': { say: () => 'Read and removed the "kiosk was off" message', words: 'off offline' },
  'settings.changed': { say: (d) => settingChangeSentence(d, 'en'), words: 'settings change' },
  'settings.fileRefused': { say: (d) => settingFileRefusedSentence(d, 'en'), words: 'settings config' },
  'settings.fileAccepted': { say: () => settingFileAcceptedSentence('en'), words: 'settings config' },
};

function roleNl(role: DetailValue): string {
  const names: Record<string, string> = {
    receptionist: 'receptie',
    security: 'beveiliging',
    admin: 'beheer',
    privacy: 'privacy',
  };
  return names[String(role)] ?? n(role);
}

/** Detail names in the screen's language; the rest show as they are stored. */
const detailNames: Record<Language, Record<string, string>> = {
  nl: {
    count: 'aantal',
    visitId: 'bezoek',
    staffId: 'medewerker',
    holdId: 'bewaarplicht',
    hostId: 'gastheer',
    fileId: 'bestand',
    reason: 'reden',
    role: 'rol',
    list: 'lijst',
    erased: 'gewist',
    due: 'aan de beurt',
    held: 'vastgehouden',
    hits: 'gevonden',
    purpose: 'doel',
    failures: 'pogingen',
    job: 'taak',
    fields: 'velden',
    visitIds: 'bezoeken',
    auditErased: 'auditregels gewist',
    jobRunsErased: 'runs gewist',
    expectedVisitId: 'verwacht bezoek',
    scope: 'bereik',
    perMinute: 'per minuut',
    since: 'sinds',
    blockedRunId: 'tegengehouden run',
    key: 'instelling',
    before: 'oud',
    after: 'nieuw',
    source: 'bron',
  },
  en: {
    count: 'count',
    visitId: 'visit',
    staffId: 'staff member',
    holdId: 'legal hold',
    hostId: 'host',
    fileId: 'file',
    visitIds: 'visits',
    auditErased: 'audit entries erased',
    jobRunsErased: 'runs erased',
    expectedVisitId: 'expected visit',
    perMinute: 'per minute',
    blockedRunId: 'held-back run',
    key: 'setting',
    before: 'old',
    after: 'new',
  },
};

export interface DescribedEntry {
  sentence: string;
  details: string;
  /** Everything the filter looks in, lower case. */
  searchable: string;
}

export function describeAuditEntry(entry: AuditEntry, language: Language, staffName: StaffNameOf): DescribedEntry {
  const known = (language === 'nl' ? nl : en)[entry.action];
  const sentence = known ? known.say(entry.detail, staffName) : entry.action;
  const details = Object.entries(entry.detail)
    // A setting's old and new value are in its sentence already, in words.
    .filter(([key]) => !(entry.action === 'settings.changed' && (key === 'before' || key === 'after')))
    .map(([key, value]) => {
      const shown =
        key === 'staffId' ? staffName(value) : key === 'role' && language === 'nl' ? roleNl(value) : n(value);
      return `${detailNames[language][key] ?? key}: ${shown}`;
    })
    .join(', ');
  const searchable = [
    sentence,
    details,
    entry.actor,
    auditActorName(entry.actor, language),
    entry.action,
    known?.words ?? '',
  ]
    .join(' ')
    .toLowerCase();
  return { sentence, details, searchable };
}

/** The audit tab's own labels. */
export const auditTabText = {
  nl: {
    auditTitle: 'Auditlog',
    auditColumns: { at: 'Tijd', actor: 'Wie', action: 'Actie', detail: 'Details' },
    noAudit: 'Geen regels gevonden.',
    filter: 'Zoeken (bijv. aanmelden, pincode, ontruimingslijst of een naam)',
    staffNumber: (id: string) => `medewerker ${id}`,
    shown: (shown: number, total: number) => `${shown} van de laatste ${total} regels`,
  },
  en: {
    auditTitle: 'Audit log',
    auditColumns: { at: 'Time', actor: 'Who', action: 'Action', detail: 'Details' },
    noAudit: 'No entries found.',
    filter: 'Search (e.g. sign in, PIN, evacuation list or a name)',
    staffNumber: (id: string) => `staff member ${id}`,
    shown: (shown: number, total: number) => `${shown} of the last ${total} entries`,
  },
} satisfies Record<Language, unknown>;

/** The actors that are not a person: the scheduler, the visitors' screen, the command line. */
const actorNames: Record<Language, Record<string, string>> = {
  nl: { system: 'systeem (planning)', kiosk: 'kiosk (bezoekersscherm)', operator: 'IT (opdrachtregel)' },
  en: { system: 'system (scheduler)', kiosk: 'kiosk (visitor screen)', operator: 'IT (command line)' },
};

export function auditActorName(actor: string, language: Language): string {
  return actorNames[language][actor] ?? actor;
}
