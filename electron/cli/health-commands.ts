import { problemId, type HealthState } from '../../shared/api/health';
import { describeProblem } from '../../shared/health-texts';
import { translate } from '../../shared/messages';
import type { Kiosk } from '../core/kiosk';
import { command } from './command';
import { EXIT_BLOCKED } from './run-outcome';

/** Monitoring reads the exit code: 3 while any alarm is open (text and --json alike), 0 when none. */
export const healthExitCode = (health: HealthState): number => (health.problems.length > 0 ? EXIT_BLOCKED : 0);

/** The retention alarms as the operator (who can read the data folder anyway) sees them. */
export async function currentHealth(kiosk: Kiosk): Promise<HealthState> {
  const result = await kiosk.router.invoke('health.current', {}, { kind: 'operator' });
  if (!result.ok) throw new Error(translate(result.error.key, 'en'));
  return result.value;
}

export function formatHealth(health: HealthState, timeZone: string): string {
  if (health.problems.length === 0) return 'Retention health: no problems.';
  return [
    `Retention health: ${health.problems.length} ${health.problems.length === 1 ? 'problem' : 'problems'}`,
    ...health.problems.flatMap((problem) => {
      const { what, todo } = describeProblem(problem, 'en', timeZone);
      return [`- [${problemId(problem)}] ${what}`, `  What to do: ${todo}`];
    }),
  ].join('\n');
}

export const healthCommands = [
  command({
    name: 'health',
    summary: 'the retention alarms: what is wrong, what to do',
    usage: [''],
    notes: ['Exits 3 while any alarm is open, 0 when there is none.'],
    options: {},
    run: async ({ kiosk, print }) => {
      const health = await currentHealth(kiosk);
      print(health, () => formatHealth(health, kiosk.config.timeZone));
      return healthExitCode(health);
    },
  }),
];
