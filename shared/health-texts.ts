import type { HealthProblem } from './api/health';
import type { Language } from './messages';
import { formatDateTime, formatDateTimeLong } from './date-format';
import { alarmControls, type AlarmControl } from './health-actions';

// Each alarm in Dutch and English: what is wrong, and what to do and who may do it. The staff
// banner, the CLI and the alarm mail all say it the same way. Only keys, counts and times go in.

const jobNames: Record<Language, Record<string, string>> = {
  nl: {
    visitPurge: 'de opschoning van bezoeken',
    footageScan: 'het inlezen van camerabeelden',
    footagePurge: 'de opschoning van camerabeelden',
  },
  en: { visitPurge: 'the visit purge', footageScan: 'the footage scan', footagePurge: 'the footage purge' },
};

const reasons: Record<Language, Record<string, string>> = {
  nl: {
    clockFarAhead: 'de klok staat veel verder dan alles wat de kiosk eerder zag',
    clockBehindLastRun: 'de klok staat vóór de vorige opschoning',
    awaitingConfirmation: 'de tijd wacht op bevestiging',
    clockConfirmed:
      'de tijd is inmiddels bevestigd, maar de opschoning van camerabeelden heeft sindsdien niet gedraaid',
    tooManyAtOnce: 'er zou in één keer meer dan het toegestane deel van de beelden worden verwijderd',
    missing: 'de map bestaat niet',
    notDirectory: 'het pad is geen map',
    unreadable: 'de map is niet leesbaar',
    markerMissing: 'het controlebestand ontbreekt',
    otherDevice: 'de map staat niet op de schijf van de vorige keer (niet gekoppeld?)',
    emptyWhileIndexed: 'de map is leeg terwijl de index bestanden kent (niet gekoppeld?)',
  },
  en: {
    clockFarAhead: 'the clock is far past everything the kiosk saw before',
    clockBehindLastRun: 'the clock is behind the previous purge',
    awaitingConfirmation: 'the time awaits confirmation',
    clockConfirmed: 'the time has since been confirmed, but the footage purge has not run since',
    tooManyAtOnce: 'it would delete more than the allowed share of the footage at once',
    missing: 'the folder does not exist',
    notDirectory: 'the path is not a folder',
    unreadable: 'the folder cannot be read',
    markerMissing: 'the marker file is missing',
    otherDevice: 'the folder is not on the disk it was on before (not mounted?)',
    emptyWhileIndexed: 'the folder is empty while the index holds files (not mounted?)',
  },
};

const CLOCK_REASONS = ['clockFarAhead', 'clockBehindLastRun', 'awaitingConfirmation'];

function waitingItems(count: number, job: string, language: Language): string {
  const [one, many] =
    job === 'visitPurge'
      ? language === 'nl'
        ? ['bezoek', 'bezoeken']
        : ['visit', 'visits']
      : language === 'nl'
        ? ['bestand', 'bestanden']
        : ['file', 'files'];
  return `${count} ${count === 1 ? one : many}`;
}

const HOUR_MS = 60 * 60 * 1000;

/** How long past a deadline, in whole days, or hours below a day. */
function overdue(ms: number, language: Language): string {
  const days = Math.floor(ms / (24 * HOUR_MS));
  if (days >= 1)
    return language === 'nl' ? `${days} ${days === 1 ? 'dag' : 'dagen'}` : `${days} ${days === 1 ? 'day' : 'days'}`;
  const hours = Math.max(1, Math.floor(ms / HOUR_MS));
  return language === 'nl' ? `${hours} uur` : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

export interface ProblemText {
  /** What is wrong and since when. */
  what: string;
  /** What to do, and who may do it. */
  todo: string;
}

export function describeProblem(problem: HealthProblem, language: Language, zone: string): ProblemText {
  const since = formatDateTime(problem.since, zone, language);
  const nl = language === 'nl';
  const job = (name: string) => jobNames[language][name] ?? name;
  const reason = (key: string) => reasons[language][key] ?? key;
  const button = (control: AlarmControl) => `"${alarmControls[control][language]}"`;
  switch (problem.key) {
    case 'retentionBlocked': {
      const { job: blocked, reason: why, waiting } = problem.params;
      const what = nl
        ? `Sinds ${since} wist ${job(blocked)} niets: ${reason(why)}. ${waitingItems(waiting, blocked, 'nl')} over de bewaartermijn ${waiting === 1 ? 'wacht' : 'wachten'}.`
        : `Since ${since} ${job(blocked)} has erased nothing: ${reason(why)}. ${waitingItems(waiting, blocked, 'en')} past the retention period ${waiting === 1 ? 'is' : 'are'} waiting.`;
      if (why === 'clockBehindLastRun') {
        // A clock behind could only erase late: the next run goes ahead by itself once it is right again.
        return {
          what,
          todo: nl
            ? 'Vraag IT de klok van deze computer te controleren (tijdsynchronisatie). Zodra de klok weer voorbij de vorige opschoning staat, gaat de opschoning vanzelf verder.'
            : "Ask IT to check this computer's clock (time synchronisation). Once the clock is past the previous purge again, the purge resumes by itself.",
        };
      }
      if (CLOCK_REASONS.includes(why)) {
        return {
          what,
          todo: nl
            ? `Vraag een beheerder de klok van deze computer te controleren en de tijd te bevestigen met ${button('confirmClock')} onder Bewaartermijnen.`
            : `Ask an admin to check this computer's clock and confirm the time with ${button('confirmClock')} in Retention.`,
        };
      }
      if (why === 'clockConfirmed' && blocked === 'footagePurge') {
        return {
          what,
          todo: nl
            ? `Vraag een beheerder op ${button('footagePurgeNow')} te drukken, in deze melding of onder Bewaartermijnen; anders doet de volgende geplande opschoning het.`
            : `Ask an admin to press ${button('footagePurgeNow')}, in this message or in Retention; otherwise the next scheduled purge does it.`,
        };
      }
      if (why === 'tooManyAtOnce') {
        return {
          what,
          todo: nl
            ? 'Vraag een beheerder te bekijken wat er zou worden verwijderd en dat te bevestigen onder Bewaartermijnen.'
            : 'Ask an admin to review what would be deleted and confirm it in Retention.',
        };
      }
      return {
        what,
        todo: nl
          ? 'Vraag een beheerder de laatste runs te bekijken onder Bewaartermijnen en IT het logboek van de kiosk.'
          : "Ask an admin to look at the last runs in Retention, and IT at the kiosk's log.",
      };
    }
    case 'footageRootUnavailable':
      return {
        what: nl
          ? `Sinds ${since} is de map met camerabeelden niet bereikbaar: ${reason(problem.params.reason)}. Er wordt niets verwijderd.`
          : `Since ${since} the footage folder is unavailable: ${reason(problem.params.reason)}. Nothing is deleted.`,
        todo: nl
          ? `Vraag IT de map (netwerkschijf) weer te koppelen; daarna kan beveiliging of een beheerder op ${button('scanNow')} drukken onder Camerabeelden.`
          : `Ask IT to reconnect the folder (network share); then security or an admin can press ${button('scanNow')} in Camera footage.`,
      };
    case 'runFailed':
      return {
        what: nl
          ? `Sinds ${since} is ${job(problem.params.job)} ${problem.params.failures} keer achter elkaar mislukt.`
          : `Since ${since} ${job(problem.params.job)} has failed ${problem.params.failures === 1 ? 'once' : `${problem.params.failures} times in a row`}.`,
        todo: nl
          ? 'Vraag een beheerder de laatste runs te bekijken onder Bewaartermijnen en IT het logboek van de kiosk; de taak wordt volgens schema opnieuw geprobeerd.'
          : "Ask an admin to look at the last runs in Retention, and IT at the kiosk's log; the job is tried again on its schedule.",
      };
    case 'runMissing':
      return {
        what: nl
          ? `Al ${problem.params.hours} uur is ${job(problem.params.job)} niet gelukt (te laat sinds ${since}).`
          : `For ${problem.params.hours} hours ${job(problem.params.job)} has not succeeded (overdue since ${since}).`,
        todo:
          problem.params.job === 'footageScan'
            ? nl
              ? `Vraag IT te controleren of de kiosk-app blijft draaien en de klok klopt; beveiliging of een beheerder kan op ${button('scanNow')} drukken onder Camerabeelden.`
              : `Ask IT to check that the kiosk app keeps running and its clock is right; security or an admin can press ${button('scanNow')} in Camera footage.`
            : nl
              ? `Vraag IT te controleren of de kiosk-app blijft draaien en de klok klopt; een beheerder kan op ${button('purgeNow')} drukken onder Bewaartermijnen.`
              : `Ask IT to check that the kiosk app keeps running and its clock is right; an admin can press ${button('purgeNow')} in Retention.`,
      };
    case 'scrubPending':
      return {
        what: nl
          ? `Sinds ${since} staan gewiste bezoekgegevens nog in de databasebestanden, omdat een ander programma ze leest.`
          : `Since ${since} erased visitor data is still in the database files, because another program is reading them.`,
        todo: nl
          ? 'Vraag IT dat programma (een back-up of databaseviewer) te sluiten; de volgende opschoning maakt het af.'
          : 'Ask IT to close that program (a backup or database viewer); the next purge finishes the job.',
      };
    case 'holdsPastReview':
      return {
        what: nl
          ? `${problem.params.count} bewaarplicht(en) zijn over hun herziendatum (sinds ${since}); ze gelden nog.`
          : `${problem.params.count} legal hold(s) are past their review date (since ${since}); they still hold.`,
        todo: nl
          ? 'Vraag beveiliging of een beheerder ze te verlengen of op te heffen onder Bewaarplichten.'
          : 'Ask security or an admin to extend or release them in Legal holds.',
      };
    case 'configRefused':
      return {
        what: nl
          ? `Sinds ${since} staat er in config.json een wijziging die de kiosk niet heeft overgenomen: ${problem.params.problem}. De kiosk werkt met de laatste goede instellingen.`
          : `Since ${since} config.json holds a change the kiosk did not apply: ${problem.params.problem}. The kiosk runs on its last good settings.`,
        todo: nl
          ? 'Vraag IT config.json te herstellen, of laat een beheerder de instelling wijzigen onder Instellingen.'
          : 'Ask IT to correct config.json, or have an admin change the setting in Settings.',
      };
    case 'enrolmentClosed':
      return {
        what: nl
          ? `Sinds ${since} kunnen er geen apparaten bij de console worden aangemeld: er zijn ${problem.params.wrongCodes} verkeerde aanmeldcodes geprobeerd.`
          : `Since ${since} no devices can be enrolled on the console: ${problem.params.wrongCodes} wrong enrolment codes were tried.`,
        todo: nl
          ? `Vraag een beheerder na te gaan wie codes probeerde, en op ${button('reopenEnrolment')} te drukken onder Apparaten (of: kiosk devices reopen).`
          : `Ask an admin to find out who tried codes, and to press ${button('reopenEnrolment')} in Devices (or: kiosk devices reopen).`,
      };
    case 'mailFailed':
      return {
        what: nl
          ? `Een e-mail van de kiosk (alarm of bericht aan een gastheer) kon niet worden verstuurd. De mailserver meldt: ${problem.params.error}`
          : `A mail from the kiosk (an alarm or a host notice) could not be sent. The mail server says: ${problem.params.error}`,
        todo: nl
          ? 'Vraag IT de mailinstellingen (alerts.email in config.json: server, poort, tls, ca, login) en de mailserver na te kijken. Het alarm verdwijnt zodra er weer een e-mail verstuurd is.'
          : 'Ask IT to check the mail settings (alerts.email in config.json: host, port, tls, ca, login) and the mail server. The alarm clears as soon as a mail goes through again.',
      };
    case 'offlinePastDeadline': {
      const { from, to, visits, files, overdueMs } = problem.params;
      const at = (time: number) => formatDateTimeLong(time, zone, language);
      const counted = (count: number, [one, many]: [string, string]) => `${count} ${count === 1 ? one : many}`;
      return {
        what: nl
          ? `De kiosk stond uit van ${at(from)} tot ${at(to)}; ${counted(visits, ['bezoek', 'bezoeken'])} en ${counted(files, ['bestand', 'bestanden'])} bleven tot ${overdue(overdueMs, 'nl')} over hun termijn bewaard.`
          : `The kiosk was off from ${at(from)} to ${at(to)}; ${counted(visits, ['visit', 'visits'])} and ${counted(files, ['file', 'files'])} outlived their deadline by up to ${overdue(overdueMs, 'en')}.`,
        todo: nl
          ? 'De opschoning wist ze zodra de klok klopt (zie de andere meldingen). Een beheerder bevestigt dit bericht; de bevestiging komt in de auditlog.'
          : 'The purge erases them as soon as the clock is right (see the other alarms). An admin acknowledges this message; the acknowledgement is audited.',
      };
    }
    case 'screenLockedForPins':
      return {
        what: nl
          ? `Op ${problem.params.count} scherm(en) is ontgrendelen geblokkeerd na te veel onjuiste pincodes (sinds ${since}): iemand raadt misschien pincodes.`
          : `Unlocking is blocked on ${problem.params.count} screen(s) after too many wrong PINs (since ${since}): someone may be guessing PINs.`,
        todo: nl
          ? 'Kijk wie bij dat scherm staat; medewerkers ontgrendelen intussen op een ander scherm. De blokkade vervalt vanzelf.'
          : 'Check who is at that screen; staff unlock at another screen meanwhile. The block ends by itself.',
      };
    case 'footageNotEnforced':
      return {
        what: nl
          ? `De privacyverklaring belooft camerabeelden na ${problem.params.days} dagen te verwijderen, maar er is geen map voor camerabeelden ingesteld: de kiosk verwijdert niets.`
          : `The privacy notice promises to delete camera footage after ${problem.params.days} days, but no footage folder is configured: the kiosk deletes nothing.`,
        todo: nl
          ? 'Vraag een beheerder in Instellingen → Camerabeelden en recorder de map van de camerarecorder in te vullen, of daar te kiezen dat de recorder zijn beelden zelf wist of dat deze kiosk geen camera’s heeft.'
          : "Ask an admin to enter the camera recorder's folder in Settings → Camera footage and recorder, or to choose there that the recorder deletes its own footage or that this kiosk has no cameras.",
      };
  }
}
