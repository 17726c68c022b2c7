import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { assertValidSchedule } from '../../../electron/core/cron-time';

const accepted = (expression: string) => {
  try {
    assertValidSchedule('visitPurge', expression);
    return true;
  } catch {
    return false;
  }
};

describe('a schedule is checked as node-cron checks it', () => {
  // Plain expressions are checked without loading node-cron: the answer must be node-cron's own.
  const values = ['*', ...Array.from({ length: 66 }, (_, n) => [String(n), `*/${n}`]).flat(), '05', '1-5', '*/x', ''];
  const expressions = [0, 1, 2, 3, 4].flatMap((field) =>
    values.map((value) => ['0', '*', '*', '*', '*'].map((other, index) => (index === field ? value : other)).join(' ')),
  );
  expressions.push('0 * * * *', '*/15 * * * *', '30 * * * *', '59 23 31 12 6', '0 0 * * * *', '0 * * *', '0  * * * *');

  it('accepts exactly what node-cron accepts', () => {
    expect(expressions.filter((expression) => accepted(expression) !== cron.validate(expression))).toEqual([]);
    // Both kinds are among them: the check is not vacuous.
    expect(expressions.filter(accepted).length).toBeGreaterThan(100);
    expect(expressions.filter((expression) => !accepted(expression)).length).toBeGreaterThan(100);
  });

  it('refuses what node-cron refuses, with the setting named', () => {
    expect(() => assertValidSchedule('visitPurge', '60 * * * *')).toThrow(/schedules\.visitPurge: "60 \* \* \* \*"/);
    expect(() => assertValidSchedule('visitPurge', '* 24 * * *')).toThrow(/schedules\.visitPurge/);
  });
});
