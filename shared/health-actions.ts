import type { StaffRole } from './api/channel';
import type { ChannelName } from './api/contract';
import type { HealthProblem } from './api/health';
import type { Language } from './messages';
import type { StaffViewName } from './staff-views';

/** A button an alarm's "what to do" names in quotes, in the words the button itself shows. */
export const alarmControls = {
  footagePurgeNow: { nl: 'Verlopen camerabeelden nu verwijderen', en: 'Delete expired footage now' },
  scanNow: { nl: 'Nu inlezen', en: 'Scan now' },
  purgeNow: { nl: 'Nu opschonen', en: 'Purge now' },
  confirmClock: { nl: 'De tijd klopt: opschonen', en: 'The time is right: purge' },
  reopenEnrolment: { nl: 'Aanmelden weer openen', en: 'Open enrolment again' },
} as const satisfies Record<string, Record<Language, string>>;

export type AlarmControl = keyof typeof alarmControls;

/**
 * What an alarm's "what to do" asks a staff role to do in the app: who, where (a staff tab, or the
 * alarm banner itself, which every staff view shows) and the channel the control calls. Tests hold
 * the alarm texts to it: every tab and button a text names is here, and every role here has that tab
 * and may call that channel. Work for IT (the clock, a share, config.json) has no action.
 */
export interface AlarmAction {
  roles: readonly StaffRole[];
  place: StaffViewName | 'banner';
  channel: ChannelName;
  control?: AlarmControl;
}

const ADMIN = ['admin'] as const;
const SECURITY = ['security', 'admin'] as const;

const CLOCK_TO_CONFIRM = ['clockFarAhead', 'awaitingConfirmation'];
const ROOT_REASONS = ['missing', 'notDirectory', 'unreadable', 'markerMissing', 'otherDevice', 'emptyWhileIndexed'];

/** Delete expired footage now: in Retention, and on the alarm itself. */
const footagePurgeNow: AlarmAction[] = [
  { roles: ADMIN, place: 'retention', channel: 'footage.purge', control: 'footagePurgeNow' },
  { roles: ADMIN, place: 'banner', channel: 'footage.purge', control: 'footagePurgeNow' },
];

export function alarmActions(problem: HealthProblem): AlarmAction[] {
  switch (problem.key) {
    case 'retentionBlocked': {
      const { job, reason } = problem.params;
      if (reason === 'clockBehindLastRun') return [];
      if (CLOCK_TO_CONFIRM.includes(reason))
        return [{ roles: ADMIN, place: 'retention', channel: 'retention.confirmClock', control: 'confirmClock' }];
      if (job === 'footagePurge' && reason === 'clockConfirmed') return footagePurgeNow;
      if (job === 'footagePurge' && reason === 'tooManyAtOnce')
        return [{ roles: ADMIN, place: 'retention', channel: 'footage.confirmDeletion' }];
      return [{ roles: ADMIN, place: 'retention', channel: 'retention.status' }];
    }
    case 'footageRootUnavailable':
      return ROOT_REASONS.includes(problem.params.reason)
        ? [{ roles: SECURITY, place: 'footage', channel: 'footage.scan', control: 'scanNow' }]
        : [];
    case 'runFailed':
      return [{ roles: ADMIN, place: 'retention', channel: 'retention.status' }];
    case 'runMissing':
      return problem.params.job === 'footageScan'
        ? [{ roles: SECURITY, place: 'footage', channel: 'footage.scan', control: 'scanNow' }]
        : [{ roles: ADMIN, place: 'retention', channel: 'retention.run', control: 'purgeNow' }];
    case 'holdsPastReview':
      return [
        { roles: SECURITY, place: 'holds', channel: 'holds.extendReview' },
        { roles: SECURITY, place: 'holds', channel: 'holds.release' },
      ];
    case 'configRefused':
      return [{ roles: ADMIN, place: 'settings', channel: 'settings.save' }];
    case 'enrolmentClosed':
      return [{ roles: ADMIN, place: 'devices', channel: 'devices.reopenEnrolment', control: 'reopenEnrolment' }];
    case 'offlinePastDeadline':
      return [{ roles: ADMIN, place: 'banner', channel: 'health.acknowledgeOffline' }];
    case 'footageNotEnforced':
      return [{ roles: ADMIN, place: 'settings', channel: 'settings.save' }];
    case 'scrubPending':
    case 'mailFailed':
    case 'screenLockedForPins':
      return [];
  }
}
