import { DateTime } from 'luxon';
import { nodeCron } from './node-cron';

const MINUTE_MS = 60_000;
// Every real schedule fires within a year; the bound keeps a never-matching one (30 February) finite.
const SEARCH_LIMIT_MINUTES = 366 * 24 * 60;

export class InvalidScheduleError extends Error {}

/** Each field's largest plain value: minute, hour, day of month, month, day of week. */
const FIELD_MAXIMA = [59, 23, 31, 12, 6];
const FIELD_MINIMA = [0, 0, 1, 1, 0];

/**
 * "0 * * * *", "*\/15 * * * *", "30 3 * * *": five fields, each `*`, `*\/N` or a number in range.
 * Such an expression is valid without asking node-cron, which a CLI command would otherwise load (with
 * child_process and the rest) to check the configured schedules; anything else goes to node-cron.
 */
function isPlainSchedule(expression: string): boolean {
  const fields = expression.split(' ');
  return (
    fields.length === 5 &&
    fields.every((field, index) => {
      const match = /^(?:\*|\*\/([1-9]\d?)|(0|[1-9]\d?))$/.exec(field);
      if (!match) return false;
      const [, step, value] = match;
      if (step) return Number(step) <= FIELD_MAXIMA[index]!;
      return value === undefined || (Number(value) >= FIELD_MINIMA[index]! && Number(value) <= FIELD_MAXIMA[index]!);
    })
  );
}

export function assertValidSchedule(name: string, expression: string): void {
  if (!isPlainSchedule(expression) && !nodeCron().validate(expression)) {
    throw new InvalidScheduleError(`schedules.${name}: "${expression}" is not a cron expression such as "0 * * * *"`);
  }
}

/**
 * The first minute after `from` (a whole minute) at which a plain schedule fires in `zone`, on the
 * local time luxon gives: `*\/N` counts from the field's least value, and every field must match, as
 * node-cron has it. A fresh process (a CLI command, a first purge) would otherwise load node-cron and
 * warm up its matcher. An hour whose other fields do not match is passed over whole, unless the
 * offset differs at its end (a clock change): then minute by minute, as node-cron walks.
 */
function nextPlainRun(expression: string, zone: string, from: number): number | null {
  const [minute, hour, day, month, weekday] = expression.split(' ').map((field, index) => {
    if (field === '*') return () => true;
    const least = FIELD_MINIMA[index]!;
    if (field.startsWith('*/')) {
      const step = Number(field.slice(2));
      return (value: number) => (value - least) % step === 0;
    }
    const wanted = Number(field);
    return (value: number) => value === wanted;
  }) as ((value: number) => boolean)[];
  const until = from + SEARCH_LIMIT_MINUTES * MINUTE_MS;
  for (let at = from; at < until;) {
    const local = DateTime.fromMillis(at, { zone });
    // luxon counts Monday 1 to Sunday 7, cron Sunday 0.
    if (hour!(local.hour) && day!(local.day) && month!(local.month) && weekday!(local.weekday % 7)) {
      if (minute!(local.minute)) return at;
      at += MINUTE_MS;
      continue;
    }
    const nextHour = at + (60 - local.minute) * MINUTE_MS;
    at = DateTime.fromMillis(nextHour, { zone }).offset === local.offset ? nextHour : at + MINUTE_MS;
  }
  return null;
}

/**
 * The first minute strictly after `after` at which `expression` fires in `zone`. Computed from the
 * given time, not the system clock, so KIOSK_NOW and tests see the same schedule as production.
 */
export function nextRunAfter(expression: string, zone: string, after: number): number {
  const first = Math.floor(after / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  if (isPlainSchedule(expression)) {
    const next = nextPlainRun(expression, zone, first);
    if (next === null) throw new InvalidScheduleError(`"${expression}" never fires`);
    return next;
  }
  const matcher = nodeCron().createTask(expression, () => undefined, { timezone: zone });
  try {
    let minute = first;
    for (let step = 0; step < SEARCH_LIMIT_MINUTES; step++, minute += MINUTE_MS) {
      if (matcher.match(new Date(minute))) return minute;
    }
    throw new InvalidScheduleError(`"${expression}" never fires`);
  } finally {
    void matcher.destroy();
  }
}

/**
 * A retention job must run every day: a schedule that skips a day (weekdays only, the 29th of
 * February, 02:30 on the night the clocks go forward) leaves more than 24 hours between two runs, and
 * data outlives its deadline by that much. Checked for every local day of the year after `from`.
 * When every day has a run, the hour and minute fields repeat daily, so no gap exceeds 24 hours (25
 * on the night the clocks go back).
 */
export function assertRunsDaily(name: string, expression: string, zone: string, from: number): void {
  // Every hour of every day ("0 * * * *", the defaults): a day has at least 23 hours, so each has a run.
  // The year's walk below costs a CLI command most of its start-up.
  if (/^\S+ \*(\/1)? \* \* \*$/.test(expression.trim())) return;
  const matcher = nodeCron().createTask(expression, () => undefined, { timezone: zone });
  const firstRunBetween = (start: number, end: number): number | null => {
    for (let minute = Math.ceil(start / MINUTE_MS) * MINUTE_MS; minute < end; minute += MINUTE_MS) {
      if (matcher.match(new Date(minute))) return minute;
    }
    return null;
  };
  try {
    let day = DateTime.fromMillis(from, { zone }).startOf('day');
    const first = firstRunBetween(day.toMillis(), day.plus({ days: 2 }).toMillis());
    const time = first === null ? null : DateTime.fromMillis(first, { zone });
    for (let index = 0; index < 366; index++, day = day.plus({ days: 1 })) {
      if (time) {
        const sameTime = day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
        if (sameTime.hour === time.hour && sameTime.minute === time.minute && matcher.match(sameTime.toJSDate()))
          continue;
        // That time of day may not exist today (the clocks went forward); any other run today will do.
        if (firstRunBetween(day.toMillis(), day.plus({ days: 1 }).toMillis()) !== null) continue;
      }
      throw new InvalidScheduleError(
        `schedules.${name}: "${expression}" does not run on ${day.toISODate()}, so more than 24 hours could pass ` +
          'between two runs; a retention schedule must run at least once a day, such as "0 * * * *"',
      );
    }
  } finally {
    void matcher.destroy();
  }
}
