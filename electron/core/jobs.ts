import type { JobRun } from '../../shared/api/types';
import type { Clock } from './clock';
import type { Database } from './database';

export interface JobResult {
  outcome: 'ok' | 'blocked' | 'dry-run';
  counts: Record<string, number>;
  message?: string | null;
}

interface JobRunRecord {
  id: number;
  job: string;
  started_at: number;
  finished_at: number | null;
  outcome: JobRun['outcome'];
  counts: string;
  message: string | null;
}

const toJobRun = (record: JobRunRecord): JobRun => ({
  id: record.id,
  job: record.job,
  startedAt: record.started_at,
  finishedAt: record.finished_at,
  outcome: record.outcome,
  counts: JSON.parse(record.counts) as Record<string, number>,
  message: record.message,
});

/**
 * Runs jobs and records every run (job, start, end, outcome, counts, error). A job never runs twice
 * at once: a second start while one runs gets the running one. A failure is recorded and reported,
 * never thrown at the scheduler, so one job's failure does not stop the others.
 */
export function createJobRunner({
  database,
  clock,
  logError,
}: {
  database: Database;
  clock: Clock;
  logError: (error: unknown, context: string) => void;
}) {
  const running = new Map<string, Promise<JobRun>>();

  async function execute(job: string, work: () => Promise<JobResult>): Promise<JobRun> {
    const { lastId } = await database.run('INSERT INTO job_runs (job, started_at) VALUES (?, ?)', [job, clock.now()]);
    let result: JobResult | null = null;
    let failure: string | null = null;
    try {
      result = await work();
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      logError(error, `job ${job}`);
    }
    await database.run('UPDATE job_runs SET finished_at = ?, outcome = ?, counts = ?, message = ? WHERE id = ?', [
      clock.now(),
      result?.outcome ?? 'failed',
      JSON.stringify(result?.counts ?? {}),
      failure ?? result?.message ?? null,
      lastId,
    ]);
    return toJobRun((await database.get<JobRunRecord>('SELECT * FROM job_runs WHERE id = ?', [lastId]))!);
  }

  return {
    run(job: string, work: () => Promise<JobResult>): Promise<JobRun> {
      const current = running.get(job);
      if (current) return current;
      const started = execute(job, work).finally(() => running.delete(job));
      running.set(job, started);
      return started;
    },

    async lastRun(job: string, outcomes?: JobRun['outcome'][]): Promise<JobRun | null> {
      const filter = outcomes ? `AND outcome IN (${outcomes.map(() => '?').join(',')})` : '';
      const record = await database.get<JobRunRecord>(
        `SELECT * FROM job_runs WHERE job = ? ${filter} ORDER BY id DESC LIMIT 1`,
        [job, ...(outcomes ?? [])],
      );
      return record ? toJobRun(record) : null;
    },

    async recent(limit = 20): Promise<JobRun[]> {
      return (await database.all<JobRunRecord>('SELECT * FROM job_runs ORDER BY id DESC LIMIT ?', [limit])).map(
        toJobRun,
      );
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
