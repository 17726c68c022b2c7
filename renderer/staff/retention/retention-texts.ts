import type { JobRun } from '../../../shared/api/types';
import type { Language } from '../../../shared/messages';

/** The retention tab's job runs in the screen's language: job names and what each run counted. */
export const retentionText = {
  nl: {
    retentionTitle: 'Bewaartermijnen en opschoning',
    blockedTitle: 'De opschoning is tegengehouden',
    blockedText: (when: string, reason: string) =>
      `De opschoning van ${when} heeft niets gewist: ${reason}. Controleer de klok van deze computer en bevestig de tijd als die klopt.`,
    confirmClock: 'De tijd klopt: opschonen',
    nextPurge: (when: string) => `Volgende opschoning: ${when}`,
    nextDeadline: (when: string) => `Eerstvolgende bewaartermijn die afloopt: ${when}`,
    noDeadline: 'Er zijn geen bezoeken die nog gewist moeten worden.',
    runNow: 'Nu opschonen',
    dryRun: 'Proefdraaien (niets wissen)',
    runSignOut: 'Automatische afmelding nu',
    runColumns: { job: 'Taak', started: 'Begonnen', outcome: 'Uitkomst', counts: 'Aantallen' },
    runsTitle: 'Laatste uitvoeringen',
    jobs: {
      visitPurge: 'bezoeken opschonen',
      automaticSignOut: 'automatische afmelding',
      footageScan: 'camerabeelden inlezen',
      footagePurge: 'camerabeelden opschonen',
      invitationPurge: 'uitnodigingen opschonen',
    } as Record<string, string>,
    counts: {
      due: 'aan de beurt',
      erased: 'gewist',
      held: 'vastgehouden',
      auditErased: 'auditregels gewist',
      jobRunsErased: 'oude uitvoeringen gewist',
      scrubPending: 'nawissen nog te doen',
      signedOut: 'afgemeld',
      deleted: 'verwijderd',
      gone: 'al verdwenen',
      changed: 'gewijzigd',
      settling: 'nog in opname',
      refused: 'geweigerd',
      repaired: 'afgemaakt na onderbreking',
      failed: 'mislukt',
      folders: 'mappen',
      foldersRead: 'mappen gelezen',
      added: 'toegevoegd',
      vanished: 'verdwenen',
      unreadable: 'onleesbaar',
      futureCorrected: 'toekomstige datum gecorrigeerd',
    } as Record<string, string>,
    noCounts: '–',
  },
  en: {
    retentionTitle: 'Retention and purge',
    blockedTitle: 'The purge was held back',
    blockedText: (when: string, reason: string) =>
      `The purge of ${when} erased nothing: ${reason}. Check this computer's clock and confirm the time if it is right.`,
    confirmClock: 'The time is right: purge',
    nextPurge: (when: string) => `Next purge: ${when}`,
    nextDeadline: (when: string) => `Next retention deadline: ${when}`,
    noDeadline: 'No visits are waiting to be erased.',
    runNow: 'Purge now',
    dryRun: 'Dry run (erase nothing)',
    runSignOut: 'Automatic sign-out now',
    runColumns: { job: 'Job', started: 'Started', outcome: 'Outcome', counts: 'Counts' },
    runsTitle: 'Recent runs',
    jobs: {
      visitPurge: 'visit purge',
      automaticSignOut: 'automatic sign-out',
      footageScan: 'footage scan',
      footagePurge: 'footage purge',
      invitationPurge: 'invitation purge',
    } as Record<string, string>,
    counts: {
      due: 'due',
      erased: 'erased',
      held: 'held',
      auditErased: 'audit entries erased',
      jobRunsErased: 'old runs erased',
      scrubPending: 'scrub still to do',
      signedOut: 'signed out',
      deleted: 'deleted',
      gone: 'already gone',
      changed: 'changed',
      settling: 'still recording',
      refused: 'refused',
      repaired: 'finished after an interruption',
      failed: 'failed',
      folders: 'folders',
      foldersRead: 'folders read',
      added: 'added',
      vanished: 'vanished',
      unreadable: 'unreadable',
      futureCorrected: 'future date corrected',
    } as Record<string, string>,
    noCounts: '–',
  },
} satisfies Record<Language, unknown>;

export function jobName(job: string, language: Language): string {
  return retentionText[language].jobs[job] ?? job;
}

/** "gewist: 3, vastgehouden: 1": every count a run reported, named in the screen's language. */
export function describeRunCounts(run: JobRun, language: Language): string {
  const own = retentionText[language];
  const parts = Object.entries(run.counts).map(([name, count]) => `${own.counts[name] ?? name}: ${count}`);
  return parts.length ? parts.join(', ') : own.noCounts;
}
