import type { LegalHold } from '../../shared/api/types';
import type { AuditActor, AuditLog } from './audit';
import { auditActorLabel } from './audit';
import type { Clock } from './clock';
import type { Database } from './database';
import { UserError } from './user-error';

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
}

const toHold = (record: HoldRecord): LegalHold => ({
  id: record.id,
  kind: record.kind,
  visitId: record.visit_id,
  footagePath: record.footage_path,
  camera: record.camera,
  rangeStart: record.range_start,
  rangeEnd: record.range_end,
  reason: record.reason,
  placedBy: record.placed_by,
  placedAt: record.placed_at,
  endsAt: record.ends_at,
  releasedAt: record.released_at,
});

/** SQL for "this hold still protects": not released, and its end date (if any) not yet reached. */
export const ACTIVE_HOLD = '(released_at IS NULL AND (ends_at IS NULL OR ends_at > ?))';

/** Legal holds: while one is active, what it covers is never erased, whatever its deadline. */
export function createHoldsService({ database, clock, audit }: { database: Database; clock: Clock; audit: AuditLog }) {
  return {
    async placeOnVisit(actor: AuditActor, visitId: number, reason: string, endsAt: number | null): Promise<LegalHold> {
      const now = clock.now();
      return database.transaction(async (tx) => {
        const visit = await tx.get('SELECT id FROM visits WHERE id = ?', [visitId]);
        if (!visit) throw new UserError({ key: 'visit.unknown' });
        if (endsAt !== null && endsAt <= now) throw new UserError({ key: 'hold.endInPast' });
        const { lastId } = await tx.run(
          "INSERT INTO legal_holds (kind, visit_id, reason, placed_by, placed_at, ends_at) VALUES ('visit', ?, ?, ?, ?, ?)",
          [visitId, reason, auditActorLabel(actor), now, endsAt],
        );
        await audit.record(actor, 'holds.placed', { holdId: lastId, visitId }, tx);
        return toHold((await tx.get<HoldRecord>('SELECT * FROM legal_holds WHERE id = ?', [lastId]))!);
      });
    },

    /** A hold on one footage file (by its path under the root), or on a camera's recordings in a time range. */
    async placeOnFootage(
      actor: AuditActor,
      target: { path: string } | { camera: string; from: number; to: number },
      reason: string,
      endsAt: number | null,
    ): Promise<LegalHold> {
      const now = clock.now();
      if (endsAt !== null && endsAt <= now) throw new UserError({ key: 'hold.endInPast' });
      if ('camera' in target && target.to <= target.from) throw new UserError({ key: 'hold.rangeEndNotAfterStart' });
      return database.transaction(async (tx) => {
        const { lastId } =
          'path' in target
            ? await tx.run(
                "INSERT INTO legal_holds (kind, footage_path, reason, placed_by, placed_at, ends_at) VALUES ('footage-file', ?, ?, ?, ?, ?)",
                [target.path, reason, auditActorLabel(actor), now, endsAt],
              )
            : await tx.run(
                "INSERT INTO legal_holds (kind, camera, range_start, range_end, reason, placed_by, placed_at, ends_at) VALUES ('footage-range', ?, ?, ?, ?, ?, ?, ?)",
                [target.camera, target.from, target.to, reason, auditActorLabel(actor), now, endsAt],
              );
        await audit.record(
          actor,
          'holds.placed',
          { holdId: lastId, kind: 'path' in target ? 'footage-file' : 'footage-range' },
          tx,
        );
        return toHold((await tx.get<HoldRecord>('SELECT * FROM legal_holds WHERE id = ?', [lastId]))!);
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
        return toHold({ ...record, released_at: now });
      });
    },

    async listActive(): Promise<LegalHold[]> {
      const records = await database.all<HoldRecord>(
        `SELECT * FROM legal_holds WHERE ${ACTIVE_HOLD} ORDER BY placed_at DESC, id DESC`,
        [clock.now()],
      );
      return records.map(toHold);
    },
  };
}

export type HoldsService = ReturnType<typeof createHoldsService>;
