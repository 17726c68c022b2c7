import type { HoldBasis, LegalHold } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { cameraDisplayName } from '../../../shared/footage-path';
import { localDayBounds } from '../../../shared/time';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import { auditActorLabel } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';
import { UserError } from '../user-error';

interface HoldRecord {
  id: number;
  kind: LegalHold['kind'];
  visit_id: number | null;
  footage_path: string | null;
  camera: string | null;
  range_start: number | null;
  range_end: number | null;
  reason: string;
  placed_by: string;
  placed_at: number;
  ends_at: number | null;
  released_at: number | null;
  basis: HoldBasis;
  review_at: number;
}

/** A file hold's file as indexed: its camera and recording start. */
interface HeldFile {
  camera: string;
  recorded_at: number;
}

const toHold = (record: HoldRecord, now: number, file: HeldFile | null = null): LegalHold => ({
  id: record.id,
  kind: record.kind,
  visitId: record.visit_id,
  footagePath: record.footage_path,
  camera: record.camera ?? file?.camera ?? null,
  cameraName: null,
  recordedAt: file?.recorded_at ?? null,
  rangeStart: record.range_start,
  rangeEnd: record.range_end,
  reason: record.reason,
  placedBy: record.placed_by,
  placedAt: record.placed_at,
  endsAt: record.ends_at,
  releasedAt: record.released_at,
  basis: record.basis,
  reviewAt: record.review_at,
  pastReview: record.released_at === null && record.review_at <= now,
});

/** SQL for "this hold still protects": not released, and its end date (if any) not yet reached. */
export const ACTIVE_HOLD = '(released_at IS NULL AND (ends_at IS NULL OR ends_at > ?))';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * SQL: the range hold `hold` covers the footage row `file` when the file's recording overlaps the
 * range: it starts in it, or started before and was still recording at its start. The index stores
 * no duration, so a file's end is its mtime (a recorder writes until the segment ends), cut at the
 * start of the camera's next live segment (a file copied later has a late mtime). When in doubt, it
 * holds: an unknown end errs on keeping evidence.
 */
export function rangeHoldCovers(hold: string, file: string): string {
  return `(${file}.camera = ${hold}.camera AND ${file}.recorded_at < ${hold}.range_end
    AND (${file}.recorded_at >= ${hold}.range_start
      OR (${file}.mtime > ${hold}.range_start AND NOT EXISTS (SELECT 1 FROM footage_files later
           WHERE later.status = 'kept' AND later.recorded_at > ${file}.recorded_at
             AND later.recorded_at <= ${hold}.range_start AND later.camera = ${file}.camera))))`;
}

/** Why a hold keeps data longer (the privacy statement's two grounds), and when to look at it again. */
export interface HoldTerms {
  basis: HoldBasis;
  /** Defaults to holds.reviewDays from now; at most holds.maxReviewDays (through that local day). */
  reviewAt?: number | null;
}

/** A footage hold's reason may name people: once released and its files are gone, so is the reason. */
export const FOOTAGE_REASON_ERASED = '(erased with the footage)';
const FOOTAGE_OF_HOLD = `SELECT 1 FROM footage_files f WHERE f.status IN ('kept', 'deleting') AND (
     (legal_holds.kind = 'footage-file' AND f.path = legal_holds.footage_path)
  OR (legal_holds.kind = 'footage-range' AND ${rangeHoldCovers('legal_holds', 'f')}))`;

/**
 * Clears the reasons of released (or ended) footage holds whose files are all gone. Run by the
 * hourly visit purge and at release.
 */
export async function clearFootageHoldReasons(tx: Statements, now: number): Promise<number> {
  return (
    await tx.run(
      `UPDATE legal_holds SET reason = '${FOOTAGE_REASON_ERASED}'
        WHERE kind IN ('footage-file', 'footage-range') AND NOT ${ACTIVE_HOLD}
          AND reason <> '${FOOTAGE_REASON_ERASED}' AND NOT EXISTS (${FOOTAGE_OF_HOLD})`,
      [now],
    )
  ).changes;
}

/** Legal holds: while one is active, what it covers is never erased, whatever its deadline. */
export function createHoldsService({
  database,
  clock,
  audit,
  config,
}: {
  database: Database;
  clock: Clock;
  audit: AuditLog;
  config: KioskConfig;
}) {
  /**
   * A review date from the form, or the default: through the local day holds.reviewDays ahead, a whole
   * day as a typed date is. Past ones and ones beyond the maximum are refused.
   */
  function reviewDate(requested: number | null | undefined, now: number): number {
    if (requested === null || requested === undefined)
      return localDayBounds(now + config.holds.reviewDays * DAY_MS, config.timeZone).end;
    if (requested <= now) throw new UserError({ key: 'hold.reviewInPast' });
    const latest = localDayBounds(now + config.holds.maxReviewDays * DAY_MS, config.timeZone).end;
    if (requested > latest)
      throw new UserError({ key: 'hold.reviewTooLate', params: { days: config.holds.maxReviewDays } });
    return requested;
  }

  /** The holds as people read them: camera names as configured, a held file's recording start. */
  async function described(records: HoldRecord[], now: number): Promise<LegalHold[]> {
    const holds: LegalHold[] = [];
    for (const record of records) {
      let file: HeldFile | null = null;
      if (record.kind === 'footage-file' && record.footage_path !== null) {
        const slash = record.footage_path.lastIndexOf('/');
        // Folder and name as the live files' unique index has them (a held file is not deleted).
        file =
          (await database.get<HeldFile>(
            `SELECT camera, recorded_at FROM footage_files
              WHERE folder = ? AND name = ? AND status IN ('kept', 'deleting')`,
            [slash < 0 ? '' : record.footage_path.slice(0, slash), record.footage_path.slice(slash + 1)],
          )) ?? null;
      }
      const hold = toHold(record, now, file);
      hold.cameraName = hold.camera === null ? null : cameraDisplayName(config.footage.cameraNames, hold.camera);
      holds.push(hold);
    }
    return holds;
  }

  return {
    async placeOnVisit(
      actor: AuditActor,
      visitId: number,
      reason: string,
      endsAt: number | null,
      terms: HoldTerms,
    ): Promise<LegalHold> {
      const now = clock.now();
      const reviewAt = reviewDate(terms.reviewAt, now);
      return database.transaction(async (tx) => {
        const visit = await tx.get('SELECT id FROM visits WHERE id = ?', [visitId]);
        if (!visit) throw new UserError({ key: 'visit.unknown' });
        if (endsAt !== null && endsAt <= now) throw new UserError({ key: 'hold.endInPast' });
        const { lastId } = await tx.run(
          `INSERT INTO legal_holds (kind, visit_id, reason, placed_by, placed_at, ends_at, basis, review_at)
           VALUES ('visit', ?, ?, ?, ?, ?, ?, ?)`,
          [visitId, reason, auditActorLabel(actor), now, endsAt, terms.basis, reviewAt],
        );
        await audit.record(actor, 'holds.placed', { holdId: lastId, visitId }, tx);
        return toHold((await tx.get<HoldRecord>('SELECT * FROM legal_holds WHERE id = ?', [lastId]))!, now);
      });
    },

    /** A hold on one footage file (by its path under the root), or on a camera's recordings in a time range. */
    async placeOnFootage(
      actor: AuditActor,
      target: { path: string } | { camera: string; from: number; to: number },
      reason: string,
      endsAt: number | null,
      terms: HoldTerms,
      /** From the holds form: a file already under an active hold is refused, naming that hold. */
      { refuseIfHeld = false }: { refuseIfHeld?: boolean } = {},
    ): Promise<LegalHold> {
      const now = clock.now();
      if (endsAt !== null && endsAt <= now) throw new UserError({ key: 'hold.endInPast' });
      if ('camera' in target && target.to <= target.from) throw new UserError({ key: 'hold.rangeEndNotAfterStart' });
      const reviewAt = reviewDate(terms.reviewAt, now);
      return database.transaction(async (tx) => {
        if (refuseIfHeld && 'path' in target) {
          const held = await tx.get<{ id: number }>(
            "SELECT id FROM legal_holds WHERE kind = 'footage-file' AND footage_path = ? AND released_at IS NULL",
            [target.path],
          );
          if (held) throw new UserError({ key: 'hold.fileAlreadyHeld', params: { holdId: held.id } });
        }
        const { lastId } =
          'path' in target
            ? await tx.run(
                `INSERT INTO legal_holds (kind, footage_path, reason, placed_by, placed_at, ends_at, basis, review_at)
                 VALUES ('footage-file', ?, ?, ?, ?, ?, ?, ?)`,
                [target.path, reason, auditActorLabel(actor), now, endsAt, terms.basis, reviewAt],
              )
            : await tx.run(
                `INSERT INTO legal_holds (kind, camera, range_start, range_end, reason, placed_by, placed_at, ends_at, basis, review_at)
                 VALUES ('footage-range', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                [
                  target.camera,
                  target.from,
                  target.to,
                  reason,
                  auditActorLabel(actor),
                  now,
                  endsAt,
                  terms.basis,
                  reviewAt,
                ],
              );
        await audit.record(
          actor,
          'holds.placed',
          { holdId: lastId, kind: 'path' in target ? 'footage-file' : 'footage-range' },
          tx,
        );
        return toHold((await tx.get<HoldRecord>('SELECT * FROM legal_holds WHERE id = ?', [lastId]))!, now);
      });
    },

    async release(actor: AuditActor, holdId: number): Promise<LegalHold> {
      const now = clock.now();
      return database.transaction(async (tx) => {
        const record = await tx.get<HoldRecord>('SELECT * FROM legal_holds WHERE id = ?', [holdId]);
        if (!record) throw new UserError({ key: 'hold.unknown' });
        if (record.released_at !== null) throw new UserError({ key: 'hold.alreadyReleased' });
        await tx.run('UPDATE legal_holds SET released_at = ?, released_by = ? WHERE id = ?', [
          now,
          auditActorLabel(actor),
          holdId,
        ]);
        await audit.record(actor, 'holds.released', { holdId, visitId: record.visit_id }, tx);
        await clearFootageHoldReasons(tx, now);
        return toHold((await tx.get<HoldRecord>('SELECT * FROM legal_holds WHERE id = ?', [holdId]))!, now);
      });
    },

    /** Moves an active hold's review date: someone looked at it and it is still needed. */
    async extendReview(actor: AuditActor, holdId: number, reviewAt: number): Promise<LegalHold> {
      const now = clock.now();
      const review = reviewDate(reviewAt, now);
      return database.transaction(async (tx) => {
        const record = await tx.get<HoldRecord>(`SELECT * FROM legal_holds WHERE id = ? AND ${ACTIVE_HOLD}`, [
          holdId,
          now,
        ]);
        if (!record) {
          const exists = await tx.get('SELECT 1 FROM legal_holds WHERE id = ?', [holdId]);
          throw new UserError({ key: exists ? 'hold.alreadyReleased' : 'hold.unknown' });
        }
        await tx.run('UPDATE legal_holds SET review_at = ? WHERE id = ?', [review, holdId]);
        await audit.record(actor, 'holds.reviewExtended', { holdId }, tx);
        return toHold({ ...record, review_at: review }, now);
      });
    },

    async listActive(): Promise<LegalHold[]> {
      const now = clock.now();
      const records = await database.all<HoldRecord>(
        `SELECT * FROM legal_holds WHERE ${ACTIVE_HOLD} ORDER BY placed_at DESC, id DESC`,
        [now],
      );
      return described(records, now);
    },

    /** Active holds past their review date: they still hold, and the health state raises the alarm. */
    async pastReview(): Promise<LegalHold[]> {
      const now = clock.now();
      const records = await database.all<HoldRecord>(
        `SELECT * FROM legal_holds WHERE ${ACTIVE_HOLD} AND review_at <= ? ORDER BY review_at, id`,
        [now, now],
      );
      return records.map((record) => toHold(record, now));
    },
  };
}

export type HoldsService = ReturnType<typeof createHoldsService>;
