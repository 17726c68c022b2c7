import type { Language } from './language';

/**
 * Why a job run was blocked, failed, or needs a look although it ran: a message key with numeric
 * parameters, stored with the run and translated by each view. No view parses English text.
 */
export const runReasonMessages = {
  'run.clockFarAhead': {
    nl: 'de klok staat meer dan {days} dagen verder dan alles wat de kiosk eerder zag',
    en: 'the clock is more than {days} days past everything the kiosk saw before',
  },
  'run.clockBehindLastRun': {
    nl: 'de klok staat vóór de vorige opschoning',
    en: 'the clock is behind the previous purge',
  },
  'run.awaitingConfirmation': {
    nl: 'een eerdere opschoning is tegengehouden en wacht tot een beheerder de tijd bevestigt',
    en: 'an earlier purge was held back and waits for an administrator to confirm the time',
  },
  'run.footageTooManyAtOnce': {
    nl: '{due} van de {live} bestanden zouden in één keer verwijderd worden (meer dan {percent}%)',
    en: '{due} of {live} files would be deleted at once (more than {percent}%)',
  },
  'run.footageRootMissing': {
    nl: 'de map met camerabeelden is er niet (niet gekoppeld?)',
    en: 'the footage folder is not there (not mounted?)',
  },
  'run.footageRootNotDirectory': {
    nl: 'de ingestelde map met camerabeelden is geen map',
    en: 'the configured footage folder is not a folder',
  },
  'run.footageRootUnreadable': {
    nl: 'de map met camerabeelden kan niet worden gelezen',
    en: 'the footage folder cannot be read',
  },
  'run.footageMarkerMissing': {
    nl: 'het markeringsbestand (footage.markerFile) ontbreekt in de map met camerabeelden',
    en: 'the marker file (footage.markerFile) is missing from the footage folder',
  },
  'run.footageOtherDevice': {
    nl: 'de map met camerabeelden staat op een ander apparaat dan bij de laatste goede scan (niet gekoppeld?)',
    en: 'the footage folder is on another device than at the last good scan (not mounted?)',
  },
  'run.footageEmptyWhileIndexed': {
    nl: 'de map met camerabeelden is leeg terwijl de index {files} bestanden kent (niet gekoppeld?)',
    en: 'the footage folder is empty while the index holds {files} files (not mounted?)',
  },
  'run.footageProblems': {
    nl: '{failed} bestanden konden niet worden verwijderd, {unreadable} niet gecontroleerd (map onleesbaar), {refused} zijn geen gewoon bestand in de map meer',
    en: '{failed} files could not be deleted, {unreadable} could not be checked (folder unreadable), {refused} are no longer plain files inside the folder',
  },
  'run.footageUnreadableFolders': {
    nl: '{folders} mappen konden niet worden gelezen',
    en: '{folders} folders could not be read',
  },
  'run.scrubPending': {
    nl: 'bezoekers zijn gewist, maar hun gegevens staan nog in de databasebestanden: een ander programma houdt de database open; de volgende run maakt het af',
    en: 'visits were erased, but their data is still in the database files: another program holds the database open; the next run finishes it',
  },
  'run.interrupted': {
    nl: 'onderbroken: het proces dat de taak uitvoerde is gestopt',
    en: 'interrupted: the process running it stopped',
  },
  'run.failed': {
    nl: 'onverwachte fout (details in het logboek van de kiosk)',
    en: 'unexpected error (details in the kiosk’s log)',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type RunReasonKey = keyof typeof runReasonMessages;

export interface RunReason {
  key: RunReasonKey;
  params?: Record<string, number>;
}

export function isRunReasonKey(value: unknown): value is RunReasonKey {
  return typeof value === 'string' && Object.hasOwn(runReasonMessages, value);
}

export type ClockGuardProblem = 'clockBehindLastRun' | 'clockFarAhead' | 'awaitingConfirmation';

export function clockGuardReason(problem: ClockGuardProblem, marginDays: number): RunReason {
  return problem === 'clockFarAhead'
    ? { key: 'run.clockFarAhead', params: { days: marginDays } }
    : { key: `run.${problem}` };
}

export type FootageRootProblem =
  'missing' | 'notDirectory' | 'unreadable' | 'markerMissing' | 'otherDevice' | 'emptyWhileIndexed';

const ROOT_REASONS: Record<FootageRootProblem, RunReasonKey> = {
  missing: 'run.footageRootMissing',
  notDirectory: 'run.footageRootNotDirectory',
  unreadable: 'run.footageRootUnreadable',
  markerMissing: 'run.footageMarkerMissing',
  otherDevice: 'run.footageOtherDevice',
  emptyWhileIndexed: 'run.footageEmptyWhileIndexed',
};

export function footageRootReason(problem: FootageRootProblem, params: Record<string, number> = {}): RunReason {
  return { key: ROOT_REASONS[problem], params };
}

/** What someone can do about a blocked run: confirm the clock, confirm a large deletion, or fix the share. */
export type RunRemedy = 'confirmClock' | 'waitForClock' | 'confirmDeletion' | 'checkFootageRoot' | null;

export function remedyFor(reason: RunReason | null): RunRemedy {
  if (!reason) return null;
  if (reason.key === 'run.footageTooManyAtOnce') return 'confirmDeletion';
  if (reason.key === 'run.clockBehindLastRun') return 'waitForClock';
  if (reason.key === 'run.clockFarAhead') return 'confirmClock';
  if (reason.key === 'run.awaitingConfirmation') return 'confirmClock';
  if (reason.key.startsWith('run.footage') && reason.key !== 'run.footageProblems') return 'checkFootageRoot';
  return null;
}

/** The reason in the reader's language; a parameter a stored reason lacks shows as "?". */
export function describeRunReason(reason: RunReason, language: Language): string {
  const params = reason.params ?? {};
  return runReasonMessages[reason.key][language].replace(/\{(\w+)\}/g, (_placeholder, name: string) =>
    name in params ? String(params[name]) : '?',
  );
}
