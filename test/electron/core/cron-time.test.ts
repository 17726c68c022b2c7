import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { assertValidSchedule, nextRunAfter } from '../../../electron/core/cron-time';

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

describe('the next run of a plain schedule is node-cron’s', () => {
  // Plain schedules are matched without node-cron; its own matcher, walked minute by minute, is the answer.
  const nodeCronNextRun = (expression: string, zone: string, after: number) => {
    const task = cron.createTask(expression, () => undefined, { timezone: zone });
    try {
      for (let minute = Math.floor(after / 60_000) * 60_000 + 60_000; ; minute += 60_000) {
        if (task.match(new Date(minute))) return minute;
      }
    } finally {
      void task.destroy();
    }
  };
  const expressions = [
    '0 * * * *',
    '*/15 * * * *',
    '7 * * * *',
    '*/59 * * * *',
    '30 2 * * *', // 02:30 is missing on the night the clocks go forward in Amsterdam
    '0 3 * * *',
    '45 23 * * *',
    '0 */5 * * *',
    '15 0 * * 0',
    '0 12 * * */2',
    '50 3 * * *', // Chatham's clocks change at 02:45 and 03:45: within an hour, not on it
  ];
  // Half-hour and 45-minute offsets, a 30-minute daylight saving step, clocks changed off the hour.
  const zones = [
    'Europe/Amsterdam',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Sao_Paulo',
    'UTC',
  ];
  const starts = [
    '2027-03-27T23:10:00Z', // the evening before the clocks go forward in Europe
    '2027-10-30T23:59:30Z', // and back
    '2027-04-03T14:20:00Z', // Lord Howe's clocks go back half an hour that night
    '2027-10-02T14:45:00Z', // and forward
    '2027-09-25T13:20:00Z', // 02:05 in Chatham, 40 minutes before its clocks go forward
    '2027-04-03T13:20:00Z', // 03:05 in Chatham, 40 minutes before they go back
    '2026-12-31T23:30:00Z',
    '2027-02-28T12:00:00Z',
  ].map((iso) => Date.parse(iso));

  it.each(zones)(
    'in %s',
    (zone) => {
      const differing = expressions.flatMap((expression) =>
        starts
          .filter((after) => nextRunAfter(expression, zone, after) !== nodeCronNextRun(expression, zone, after))
          .map((after) => `${expression} after ${new Date(after).toISOString()}`),
      );
      expect(differing).toEqual([]);
    },
    120_000,
  );

  it('every tenth day and once a month, across a year-end', () => {
    const after = Date.parse('2026-12-01T05:30:00Z');
    expect(nextRunAfter('0 6 1 * *', 'Europe/Amsterdam', after)).toBe(Date.parse('2027-01-01T05:00:00Z'));
    expect(nextRunAfter('0 6 1 * *', 'Europe/Amsterdam', after)).toBe(
      nodeCronNextRun('0 6 1 * *', 'Europe/Amsterdam', after),
    );
    expect(nextRunAfter('0 0 */10 * *', 'Australia/Lord_Howe', after)).toBe(
      nodeCronNextRun('0 0 */10 * *', 'Australia/Lord_Howe', after),
    );
  }, 120_000);
});
