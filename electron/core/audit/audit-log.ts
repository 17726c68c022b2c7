import type { AuditEntry } from '../../../shared/api/types';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';

/** Who acts: a staff member, the person at the command line, or the app itself (scheduled jobs). */
export type AuditActor = { staffId: number; name: string } | 'operator' | 'system' | 'kiosk';

export type AuditDetail = Record<string, string | number | null>;

export const auditActorLabel = (actor: AuditActor): string => (typeof actor === 'object' ? actor.name : actor);

export interface AuditFilter {
  action?: string;
  staffId?: number;
  from?: number;
  to?: number;
  limit?: number;
}

const MAX_LIMIT = 1000;

export function createAuditLog({ database, clock }: { database: Database; clock: Clock }) {
  /** Records one entry; pass `tx` to make it part of the change it describes. */
  async function record(actor: AuditActor, action: string, detail: AuditDetail = {}, tx: Statements = database) {
    const staffId = typeof actor === 'object' ? actor.staffId : null;
    const label = auditActorLabel(actor);
    await tx.run('INSERT INTO audit_log (at, staff_id, actor, action, detail) VALUES (?, ?, ?, ?, ?)', [
      clock.now(),
      staffId,
      label,
      action,
      JSON.stringify(detail),
    ]);
  }

  async function list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const conditions: string[] = [];
    const params: (string | number)[] = [];
    if (filter.action) {
      conditions.push("action LIKE ? ESCAPE '\\'");
      params.push(`${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (filter.staffId !== undefined) {
      conditions.push('staff_id = ?');
      params.push(filter.staffId);
    }
    if (filter.from !== undefined) {
      conditions.push('at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      conditions.push('at < ?');
      params.push(filter.to);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const limit = Math.min(filter.limit ?? 200, MAX_LIMIT);
    const rows = await database.all<{
      id: number;
      at: number;
      staff_id: number | null;
      actor: string;
      action: string;
      detail: string;
    }>(`SELECT id, at, staff_id, actor, action, detail FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT ?`, [
      ...params,
      limit,
    ]);
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      staffId: row.staff_id,
      action: row.action,
      detail: JSON.parse(row.detail) as AuditDetail,
    }));
  }

  return { record, list };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
