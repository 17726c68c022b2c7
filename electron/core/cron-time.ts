import cron from 'node-cron';

const MINUTE_MS = 60_000;
// Every real schedule fires within a year; the bound keeps a never-matching one (30 February) finite.
const SEARCH_LIMIT_MINUTES = 366 * 24 * 60;

export class InvalidScheduleError extends Error {}

export function assertValidSchedule(name: string, expression: string): void {
  if (!cron.validate(expression)) {
    throw new InvalidScheduleError(`schedules.${name}: "${expression}" is not a cron expression such as "0 * * * *"`);
  }
}

/**
 * The first minute strictly after `after` at which `expression` fires in `zone`. Computed from the
 * given time, not the system clock, so KIOSK_NOW and tests see the same schedule as production.
 */
export function nextRunAfter(expression: string, zone: string, after: number): number {
  const matcher = cron.createTask(expression, () => undefined, { timezone: zone });
  try {
    let minute = Math.floor(after / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    for (let step = 0; step < SEARCH_LIMIT_MINUTES; step++, minute += MINUTE_MS) {
      if (matcher.match(new Date(minute))) return minute;
    }
    throw new InvalidScheduleError(`"${expression}" never fires`);
  } finally {
    void matcher.destroy();
  }
}
