import fs from 'node:fs';
import path from 'node:path';
import type { PrivacyPurpose } from '../../../shared/api/privacy';
import type { ExportRecord, ExportTerms } from '../../../shared/api/privacy-exports';
import type { JobRun } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import {
  expectedVisitErasureDeadline,
  footageDeletionDeadline,
  footageRetentionDays,
  isDueBy,
  recordsKeptSince,
  visitErasureDeadline,
} from '../../../shared/retention';
import { clockGuardReason } from '../../../shared/run-reasons';
import { isInside } from '../../common/path-inside';
import { auditActorLabel, type AuditActor, type AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { nextRunAfter } from '../cron-time';
import type { Database, Statements } from '../database';
import { FOOTAGE_NOT_HELD } from '../footage/purge';
import { ACTIVE_HOLD } from '../holds/holds-service';
import type { JobResult, JobRunner } from '../jobs';
import type { ClockCheck } from '../retention/clock-guard';
import { UserError } from '../user-error';
import { removeExportPath } from './export-removal';

export const EXPORT_PURGE_JOB = 'exportPurge';
/** Where exports go when `privacy.exportFolder` is not set: inside the data folder, readable by the kiosk only. */
export const DEFAULT_EXPORT_FOLDER_NAME = 'exports';
const DAY_MS = 24 * 60 * 60 * 1000;

interface ExportRow {
  id: number;
  kind: 'access' | 'footage';
  purpose: PrivacyPurpose;
  paths: string;
  export_root: string;
  exported_by: string;
  created_at: number;
  expires_at: number;
  visit_ids: string;
  expected_ids: string;
  file_count: number;
  hold_ids: string;
  deleted_at: number | null;
  deleted_why: ExportRecord['deletedWhy'];
  held: number;
}

const ids = (list: string): number[] => (list === '' ? [] : list.split(',').map(Number));

// A police export's copy stays while one of the holds on its originals is active.
const HELD = `EXISTS (SELECT 1 FROM legal_holds h WHERE ',' || e.hold_ids || ',' LIKE '%,' || h.id || ',%'
  AND ${ACTIVE_HOLD.replaceAll('released_at', 'h.released_at').replaceAll('ends_at', 'h.ends_at')})`;

const toRecord = (row: ExportRow): ExportRecord => ({
  id: row.id,
  kind: row.kind,
  purpose: row.purpose,
  paths: JSON.parse(row.paths) as string[],
  exportRoot: row.export_root,
  exportedBy: row.exported_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  visitIds: ids(row.visit_ids),
  expectedIds: ids(row.expected_ids),
  fileCount: row.file_count,
  holdIds: ids(row.hold_ids),
  heldByActiveHold: row.held === 1,
  deletedAt: row.deleted_at,
  deletedWhy: row.deleted_why,
});

export interface NewExport {
  kind: 'access' | 'footage';
  purpose: PrivacyPurpose;
  actor: AuditActor;
  /** Absolute paths written, each inside the export folder. */
  written: string[];
  visitIds: number[];
  /** The expected visits (invitations) an access copy holds. */
  expectedIds?: number[];
  /** The footage files a footage export copies. */
  footage?: { id: number }[];
  fileCount: number;
  holdIds: number[];
}

/**
 * Every copy the kiosk writes for a person or the police, as records with an expiry: written only
 * inside the export folder, deleted `privacy.exportDays` after it was made or when the first thing it
 * copies is due, if sooner (or, for a police request, once the holds on its originals are released)
 * by the export purge, through the footage purge's safe deletion, audited; and with the person's
 * visits when they are erased.
 */
export function createExportRecords({
  database,
  config,
  clock,
  audit,
  jobs,
  clockCheck,
  dataDir,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
  jobs: JobRunner;
  clockCheck: (now: number) => Promise<ClockCheck>;
  dataDir: string;
}) {
  const exportFolder = path.resolve(config.privacy.exportFolder ?? path.join(dataDir, DEFAULT_EXPORT_FOLDER_NAME));

  /** The export folder, created (readable by the kiosk's account only) when it is not there yet. */
  function root(): string {
    fs.mkdirSync(exportFolder, { recursive: true, mode: 0o700 });
    return exportFolder;
  }

  /**
   * `target` when it lies inside the export folder (also after resolving the links of the part that
   * exists), else a clear refusal: an export never goes elsewhere on this computer.
   */
  function inside(target: string): string {
    const resolved = path.resolve(target);
    const realRoot = fs.realpathSync(root());
    let existing = resolved;
    while (!fs.existsSync(existing)) existing = path.dirname(existing);
    const real = path.join(fs.realpathSync(existing), path.relative(existing, resolved));
    if (!isInside(realRoot, real) || real === realRoot) throw new UserError({ key: 'privacy.outsideExportFolder' });
    return real;
  }

  /**
   * The first moment a purge may erase anything the export copies (a visit, an expected visit, a
   * footage file): a copy never outlives the period the privacy notice promises for its originals.
   * An original a hold keeps past its deadline sets none: a copy made of it then keeps its
   * privacy.exportDays, not an expiry already past. (A police export stays while its own holds do:
   * HELD; the originals' deadlines still count for after the release.)
   */
  async function originalsDeadline(
    tx: Statements,
    entry: Pick<NewExport, 'visitIds' | 'expectedIds' | 'footage'>,
    now: number,
  ): Promise<number> {
    const { visitMonths } = config.retention;
    const zone = config.timeZone;
    const marks = (ids: number[]) => ids.map(() => '?').join(',');
    const visits = entry.visitIds.length
      ? await tx.all<{ at: number; months: number | null; held: 0 | 1 }>(
          `SELECT signed_in_at AS at, retention_months AS months,
                  id IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD}) AS held
             FROM visits WHERE id IN (${marks(entry.visitIds)})`,
          [now, ...entry.visitIds],
        )
      : [];
    const expectedIds = entry.expectedIds ?? [];
    const expected = expectedIds.length
      ? await tx.all<{ date: string }>(
          `SELECT visit_date AS date FROM expected_visits WHERE id IN (${marks(expectedIds)})`,
          expectedIds,
        )
      : [];
    const fileIds = (entry.footage ?? []).map((file) => file.id);
    const footage = fileIds.length
      ? await tx.all<{ camera: string; recordedAt: number; held: 0 | 1 }>(
          `SELECT camera, recorded_at AS recordedAt, NOT (${FOOTAGE_NOT_HELD}) AS held
             FROM footage_files f WHERE id IN (${marks(fileIds)})`,
          [now, ...fileIds],
        )
      : [];
    const deadlines = [
      // A visit keeps the shorter of the period shown at its sign-in and today's (visit-purge.ts).
      ...visits.map(({ at, months, held }) => ({
        held,
        deadline: visitErasureDeadline(at, Math.min(months ?? visitMonths, visitMonths), zone),
      })),
      ...expected.map(({ date }) => ({
        held: 0,
        deadline: expectedVisitErasureDeadline(date, config.invitations.unarrivedDays, zone),
      })),
      ...footage.map(({ camera, recordedAt, held }) => ({
        held,
        deadline: footageDeletionDeadline(recordedAt, footageRetentionDays(config, camera)),
      })),
    ];
    return Math.min(
      ...deadlines.filter(({ held, deadline }) => !(held && deadline <= now)).map(({ deadline }) => deadline),
    );
  }

  async function record(entry: NewExport, tx: Statements = database): Promise<{ id: number; expiresAt: number }> {
    const realRoot = fs.realpathSync(root());
    const now = clock.now();
    const expiresAt = Math.min(now + config.privacy.exportDays * DAY_MS, await originalsDeadline(tx, entry, now));
    const paths = entry.written.map((file) => path.relative(realRoot, file).split(path.sep).join('/'));
    const { lastId } = await tx.run(
      `INSERT INTO privacy_exports (kind, purpose, paths, export_root, exported_by, staff_id, created_at, expires_at,
                                    visit_ids, expected_ids, file_count, hold_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        entry.kind,
        entry.purpose,
        JSON.stringify(paths),
        realRoot,
        auditActorLabel(entry.actor),
        typeof entry.actor === 'object' ? entry.actor.staffId : null,
        now,
        expiresAt,
        entry.visitIds.join(','),
        (entry.expectedIds ?? []).join(','),
        entry.fileCount,
        entry.holdIds.join(','),
      ],
    );
    return { id: lastId, expiresAt };
  }

  /**
   * A live export's expiry as the settings stand now: never later than the one it was recorded with,
   * nor privacy.exportDays after it was made, nor its visits' and expected visits' deadlines under
   * today's periods (a shorter period saved later shortens the copies made before); and now once a
   * visit it copies is erased (the purge or an erasure took it). Footage copies keep their recorded
   * expiry for the files' part: which files they copy is not recorded.
   */
  async function expiryNow(row: ExportRow, now: number): Promise<number> {
    const expiry = Math.min(row.expires_at, row.created_at + config.privacy.exportDays * DAY_MS);
    const visitIds = ids(row.visit_ids);
    const expectedIds = ids(row.expected_ids);
    if (visitIds.length === 0 && expectedIds.length === 0) return expiry;
    if (visitIds.length > 0) {
      const present = await database.get<{ n: number }>(
        `SELECT count(*) AS n FROM visits WHERE id IN (${visitIds.map(() => '?').join(',')})`,
        visitIds,
      );
      if (present!.n < visitIds.length) return Math.min(expiry, now);
    }
    return Math.min(expiry, await originalsDeadline(database, { visitIds, expectedIds }, now));
  }

  async function list({ includeDeleted = false }: { includeDeleted?: boolean } = {}): Promise<ExportRecord[]> {
    const now = clock.now();
    const rows = await database.all<ExportRow>(
      `SELECT e.*, ${HELD} AS held FROM privacy_exports e
        ${includeDeleted ? '' : 'WHERE e.deleted_at IS NULL'} ORDER BY e.created_at DESC, e.id DESC`,
      [now],
    );
    const shown: ExportRecord[] = [];
    for (const row of rows) {
      shown.push(toRecord(row.deleted_at === null ? { ...row, expires_at: await expiryNow(row, now) } : row));
    }
    return shown;
  }

  /** Removes an export's files; it counts as deleted when nothing of it is left on disk. */
  function removeFiles(row: { paths: string; export_root: string }): boolean {
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(row.export_root);
    } catch {
      return false; // the export folder itself is not there (a share not mounted): try again later
    }
    const outcomes = (JSON.parse(row.paths) as string[]).map((relative) => removeExportPath(realRoot, relative));
    return outcomes.every((outcome) => outcome === 'removed' || outcome === 'gone');
  }

  async function markDeleted(id: number, why: 'expired' | 'erased', actor: AuditActor): Promise<void> {
    await database.run('UPDATE privacy_exports SET deleted_at = ?, deleted_why = ? WHERE id = ?', [
      clock.now(),
      why,
      id,
    ]);
    await audit.record(actor, 'privacy.exportDeleted', { exportId: id, why });
  }

  /**
   * The export purge: every export whose expiry (as the settings stand now) falls before the next run
   * and that no active hold keeps goes; the visit purge erases by the same rule, so a copy goes at
   * the run its originals go, not an hour or a day after.
   */
  function purge({ dryRun = false }: { dryRun?: boolean } = {}): Promise<JobRun> {
    return jobs.run(
      EXPORT_PURGE_JOB,
      async (): Promise<JobResult> => {
        const now = clock.now();
        const guard = await clockCheck(now);
        if (!guard.ok && !dryRun)
          return {
            outcome: 'blocked',
            counts: {},
            reason: clockGuardReason(guard.reason, config.retention.clockGuardDays),
          };
        const nextRunAt = nextRunAfter(config.schedules.visitPurge, config.timeZone, now);
        const live = await database.all<ExportRow>(
          `SELECT e.*, ${HELD} AS held FROM privacy_exports e WHERE e.deleted_at IS NULL`,
          [now],
        );
        const due: ExportRow[] = [];
        for (const row of live) if (isDueBy(await expiryNow(row, now), nextRunAt)) due.push(row);
        const held = due.filter((row) => row.held === 1).length;
        if (dryRun) return { outcome: 'dry-run', counts: { due: due.length, held, deleted: 0, failed: 0 } };
        let deleted = 0;
        let failed = 0;
        for (const row of due.filter((candidate) => candidate.held === 0)) {
          if (removeFiles(row)) {
            await markDeleted(row.id, 'expired', 'system');
            deleted++;
          } else failed++;
        }
        // The record of a deleted export is kept as long as the audit log, then goes too.
        const since = recordsKeptSince(now, config.retention.recordMonths, config.timeZone);
        const recordsErased = (
          await database.run('DELETE FROM privacy_exports WHERE deleted_at IS NOT NULL AND deleted_at < ?', [since])
        ).changes;
        return {
          outcome: failed > 0 ? 'failed' : 'ok',
          counts: { due: due.length, held, deleted, failed, recordsErased },
          reason: failed > 0 ? { key: 'run.failed' } : null,
        };
      },
      { dryRun },
    );
  }

  /**
   * An erasure takes the person's exports with it, held or not: every copy that holds one of the
   * erased visits or expected visits, since the copies hold their data.
   */
  async function eraseForVisits(
    actor: AuditActor,
    visitIds: readonly number[],
    expectedIds: readonly number[] = [],
  ): Promise<number> {
    const wantedVisits = new Set(visitIds);
    const wantedExpected = new Set(expectedIds);
    const live = await database.all<ExportRow>(
      `SELECT e.*, 0 AS held FROM privacy_exports e
        WHERE e.deleted_at IS NULL AND (e.visit_ids <> '' OR e.expected_ids <> '')`,
    );
    const holdsErased = (row: ExportRow) =>
      ids(row.visit_ids).some((id) => wantedVisits.has(id)) ||
      ids(row.expected_ids).some((id) => wantedExpected.has(id));
    let erased = 0;
    for (const row of live.filter(holdsErased)) {
      if (!removeFiles(row)) throw new UserError({ key: 'privacy.exportNotErased', params: { exportId: row.id } });
      await markDeleted(row.id, 'erased', actor);
      erased++;
    }
    return erased;
  }

  /** Read per call: a changed setting applies to the next copy. */
  const terms = (): ExportTerms => ({ exportDays: config.privacy.exportDays });

  return { root, inside, record, list, terms, purge, eraseForVisits };
}

export type ExportRecords = ReturnType<typeof createExportRecords>;

/** Exports go on the visit purge's schedule, behind the same clock guard. */
export function exportJobs({ config, exports }: { config: KioskConfig; exports: ExportRecords }) {
  return [{ name: EXPORT_PURGE_JOB, schedule: config.schedules.visitPurge, run: () => exports.purge() }];
}
