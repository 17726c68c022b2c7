import type { JobRun } from '../../shared/api/types';
import { isRunReasonKey, type RunReason } from '../../shared/run-reasons';
import type { Clock } from './clock';
import type { Database } from './database';

export interface JobResult {
  outcome: 'ok' | 'blocked' | 'dry-run' | 'failed';
  counts: Record<string, number>;
  /** Why it was blocked, or what needs a look after a run that went ahead. */
  reason?: RunReason | null;
}

interface JobRunRecord {
  id: number;
  job: string;
  started_at: number;
  finished_at: number | null;
  outcome: JobRun['outcome'];
  counts: string;
  reason: string | null;
  message: string | null;
}

// A run still open after this long no longer blocks its job, even if its process seems alive
// (process ids are reused).
const STALE_RUN_MS = 60 * 60 * 1000;

/** An open run whose process is gone (killed, crashed, power lost) was cut off: it runs no more. */
function isAbandoned(ownerPid: number | null, startedAt: number, now: number): boolean {
  if (now - startedAt > STALE_RUN_MS || ownerPid === null) return true;
  if (ownerPid === process.pid) return false;
  try {
    process.kill(ownerPid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const toJobRun = (record: JobRunRecord): JobRun => ({
  id: record.id,
  job: record.job,
  startedAt: record.started_at,
  finishedAt: record.finished_at,
  outcome: record.outcome,
  counts: JSON.parse(record.counts) as Record<string, number>,
  reason: parseReason(record.reason),
  message: record.message,
});

/** A stored reason whose key this version does not know (written by a newer one) reads as a failure's. */
function parseReason(stored: string | null): RunReason | null {
  if (stored === null) return null;
  const reason = JSON.parse(stored) as RunReason;
  return isRunReasonKey(reason.key) ? reason : { key: 'run.failed' };
}

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

  async function execute(job: string, work: () => Promise<JobResult>, exclusive: boolean): Promise<JobRun> {
    const now = clock.now();
    // The check and the claim happen in one IMMEDIATE transaction, so a second process (the CLI
    // beside the running app) sees the claim and does not start the same job at the same time.
    const claim = await database.transaction(async (tx): Promise<{ running: JobRun } | { id: number }> => {
      const open = await tx.all<JobRunRecord & { owner_pid: number | null }>(
        'SELECT * FROM job_runs WHERE job = ? AND finished_at IS NULL ORDER BY id DESC',
        [job],
      );
      for (const run of open) {
        if (!isAbandoned(run.owner_pid, run.started_at, now)) {
          if (exclusive) return { running: toJobRun(run) };
          continue;
        }
        await tx.run(
          "UPDATE job_runs SET finished_at = ?, outcome = 'failed', reason = ?, message = 'interrupted: the process running it stopped' WHERE id = ?",
          [now, JSON.stringify({ key: 'run.interrupted' } satisfies RunReason), run.id],
        );
      }
      const { lastId } = await tx.run('INSERT INTO job_runs (job, started_at, owner_pid) VALUES (?, ?, ?)', [
        job,
        now,
        process.pid,
      ]);
      return { id: lastId };
    });
    if ('running' in claim) return claim.running;
    const lastId = claim.id;
    let result: JobResult | null = null;
    let failure: string | null = null;
    try {
      result = await work();
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      logError(error, `job ${job}`);
    }
    const reason: RunReason | null = failure !== null ? { key: 'run.failed' } : (result?.reason ?? null);
    await database.run(
      'UPDATE job_runs SET finished_at = ?, outcome = ?, counts = ?, reason = ?, message = ? WHERE id = ?',
      [
        clock.now(),
        result?.outcome ?? 'failed',
        JSON.stringify(result?.counts ?? {}),
        reason && JSON.stringify(reason),
        failure,
        lastId,
      ],
    );
    return toJobRun((await database.get<JobRunRecord>('SELECT * FROM job_runs WHERE id = ?', [lastId]))!);
  }

  return {
    /**
     * Runs `work` as a run of `job`, unless one is already running (here or in another process), in
     * which case that run is returned. A dry run changes nothing and may run beside a real one.
     */
    run(job: string, work: () => Promise<JobResult>, { dryRun = false }: { dryRun?: boolean } = {}): Promise<JobRun> {
      const key = dryRun ? `${job}:dry-run` : job;
      const current = running.get(key);
      if (current) return current;
      const started = execute(job, work, !dryRun).finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },

    /** Waits until no run is in progress in this process, including runs that start meanwhile. */
    async settleAll(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },

    /** Waits for a run of `job` in progress in this process, if any. */
    async settled(job: string): Promise<void> {
      await running.get(job)?.catch(() => undefined);
    },

    async get(id: number): Promise<JobRun | null> {
      const record = await database.get<JobRunRecord>('SELECT * FROM job_runs WHERE id = ?', [id]);
      return record ? toJobRun(record) : null;
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
