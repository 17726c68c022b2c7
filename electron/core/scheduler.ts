import type { JobRun } from '../../shared/api/types';
import type { Clock } from './clock';
import { nextRunAfter } from './cron-time';
import { nodeCron } from './node-cron';

/** What a capability asks the scheduler to run: a job's name, its cron expression in the configured zone. */
export interface ScheduledRun {
  name: string;
  schedule: string;
  run: () => Promise<JobRun>;
}

export interface ScheduledJob extends ScheduledRun {
  lastStartedAt: () => Promise<number | null>;
}

/** Whether a run was due while the app was off: the job's next time after its last run has passed. */
export function missedRun(
  job: Pick<ScheduledJob, 'schedule'>,
  zone: string,
  lastStartedAt: number | null,
  now: number,
): boolean {
  return lastStartedAt === null || nextRunAfter(job.schedule, zone, lastStartedAt) <= now;
}

/**
 * Starts the jobs on their schedules with node-cron, in the configured zone, and makes up at once
 * for a run missed while the app was off. Overlap and failures are the job runner's concern.
 * Returns a function that stops every schedule.
 */
export async function startScheduler({ jobs, zone, clock }: { jobs: ScheduledJob[]; zone: string; clock: Clock }) {
  const cron = nodeCron();
  const tasks = jobs.map((job) =>
    cron.schedule(job.schedule, () => job.run(), { timezone: zone, noOverlap: true, name: job.name }),
  );
  for (const job of jobs) {
    if (missedRun(job, zone, await job.lastStartedAt(), clock.now())) void job.run();
  }
  return () => {
    for (const task of tasks) void task.destroy();
  };
}
