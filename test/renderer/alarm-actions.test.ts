import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api/contract';
import type { StaffRole } from '../../shared/api/channel';
import type { HealthProblem } from '../../shared/api/health';
import { alarmActions, alarmControls, type AlarmControl } from '../../shared/health-actions';
import { describeProblem } from '../../shared/health-texts';
import { COMMANDS } from '../../electron/cli/commands';
import { STAFF_TABS, TABS_BY_ROLE } from '../../renderer/staff/tabs';
import { staffText } from '../../renderer/staff/texts';
import { retentionText } from '../../renderer/staff/retention/retention-texts';
import { devicesText } from '../../renderer/staff/devices/devices-texts';
import { footagePurgeText } from '../../renderer/staff/footage/footage-purge-texts';
import { BANNER_CHANNELS } from '../../renderer/staff/health/banner-controls';

const since = Date.parse('2026-11-24T09:00:00Z');
const blockReasons = [
  'clockFarAhead',
  'clockBehindLastRun',
  'awaitingConfirmation',
  'clockConfirmed',
  'tooManyAtOnce',
  'somethingNew',
];
const rootReasons = ['missing', 'notDirectory', 'unreadable', 'markerMissing', 'otherDevice', 'emptyWhileIndexed'];

// Every alarm key (the compiler refuses a key without samples), with every branch its texts take.
const samples: { [K in HealthProblem['key']]: Extract<HealthProblem, { key: K }>[] } = {
  retentionBlocked: (['visitPurge', 'footagePurge'] as const).flatMap((job) =>
    blockReasons.map((reason) => ({
      key: 'retentionBlocked' as const,
      params: { job, reason, waiting: 3 },
      since,
    })),
  ),
  runFailed: (['visitPurge', 'footageScan', 'footagePurge'] as const).map((job) => ({
    key: 'runFailed' as const,
    params: { job, failures: 2 },
    since,
  })),
  runMissing: (['visitPurge', 'footageScan'] as const).map((job) => ({
    key: 'runMissing' as const,
    params: { job, hours: 30 },
    since,
  })),
  scrubPending: [{ key: 'scrubPending', params: {}, since }],
  footageRootUnavailable: rootReasons.map((reason) => ({
    key: 'footageRootUnavailable' as const,
    params: { reason },
    since,
  })),
  footageNotEnforced: [{ key: 'footageNotEnforced', params: { days: 28 }, since }],
  holdsPastReview: [{ key: 'holdsPastReview', params: { count: 2 }, since }],
  configRefused: [{ key: 'configRefused', params: { problem: 'retention.visitMonths: too high' }, since }],
  enrolmentClosed: [{ key: 'enrolmentClosed', params: { wrongCodes: 20 }, since }],
  mailFailed: [{ key: 'mailFailed', params: { error: '535 authentication failed' }, since }],
  offlinePastDeadline: [
    {
      key: 'offlinePastDeadline',
      params: { from: since - 86_400_000, to: since, visits: 2, files: 10, overdueMs: 3_600_000 },
      since,
    },
  ],
  screenLockedForPins: [{ key: 'screenLockedForPins', params: { count: 1 }, since }],
};
const every: HealthProblem[] = Object.values(samples).flat();
const name = (problem: HealthProblem) => `${problem.key} ${JSON.stringify(problem.params)}`;

// How each language names the roles an alarm asks to act; IT is no role in the app.
const roleWords: Record<'nl' | 'en', Partial<Record<StaffRole, RegExp>>> = {
  nl: { admin: /\bbeheerder\b/, security: /\bbeveiliging\b/ },
  en: { admin: /\badmin\b/, security: /\bsecurity\b/ },
};

// The buttons themselves, as the views show them: an alarm's quoted words must be these.
const buttonLabels: Record<AlarmControl, (language: 'nl' | 'en') => string> = {
  footagePurgeNow: (language) => footagePurgeText[language].start,
  scanNow: (language) => staffText[language].scanNow,
  purgeNow: (language) => retentionText[language].runNow,
  confirmClock: (language) => retentionText[language].confirmClock,
  reopenEnrolment: (language) => devicesText[language].reopen,
};

function mayCall(role: StaffRole, channel: keyof typeof api): boolean {
  const access = api[channel].access;
  return access !== 'public' && access.includes(role);
}

describe('every alarm’s "what to do" names an action its role has', () => {
  it.each(every.map((problem) => [name(problem), problem] as const))(
    '%s: the tabs, buttons and roles it names exist for that role',
    (_name, problem) => {
      const actions = alarmActions(problem);
      for (const action of actions) {
        expect(action.roles.length).toBeGreaterThan(0);
        for (const role of action.roles) {
          expect(mayCall(role, action.channel), `${role} may call ${action.channel}`).toBe(true);
          if (action.place === 'banner') {
            expect(mayCall(role, 'health.current'), `${role} sees the banner`).toBe(true);
            expect(BANNER_CHANNELS as readonly string[]).toContain(action.channel);
          } else expect(TABS_BY_ROLE[role], `${role} has the ${action.place} tab`).toContain(action.place);
        }
      }
      for (const language of ['nl', 'en'] as const) {
        const { todo } = describeProblem(problem, language, 'UTC');
        // "Settings → Camera footage and recorder": after the arrow a section of the tab just named.
        const places = todo.replace(/→[^,.;]+/g, '');
        // Every tab it names is a place an action of this alarm is, and every such place is named.
        for (const tab of STAFF_TABS) {
          const named = places.includes(tab.label(staffText[language]));
          const acted = actions.some((action) => action.place === tab.id);
          expect(named, `"${todo}" names ${tab.id} exactly when an action is there`).toBe(acted);
        }
        // Every button it quotes is an action's control, worded as the button is.
        const quoted = [...todo.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
        const controls = actions.flatMap((action) => (action.control ? [action.control] : []));
        expect(new Set(quoted)).toEqual(new Set(controls.map((control) => alarmControls[control][language])));
        for (const control of controls) expect(alarmControls[control][language]).toBe(buttonLabels[control](language));
        // Every role it asks to act has an action, and every role with an action is asked.
        for (const [role, word] of Object.entries(roleWords[language]) as [StaffRole, RegExp][]) {
          const asked = word.test(todo);
          const acts = actions.some((action) => action.roles.includes(role));
          expect(asked, `"${todo}" asks ${role} exactly when ${role} has an action`).toBe(acts);
        }
        // A command it names is one the CLI has.
        for (const [, command] of todo.matchAll(/\((?:of|or): kiosk ([a-z -]+)\)/g)) {
          expect(COMMANDS.map((known) => known.name)).toContain(command);
        }
      }
    },
  );
});
