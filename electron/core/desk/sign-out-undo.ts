import type { VisitRow } from '../../../shared/api/types';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { UserError } from '../user-error';

/** How long the desk may take back a sign-out it made on a visitor's behalf. */
export const STAFF_SIGN_OUT_UNDO_MS = 10_000;

interface SignedOutRecord {
  id: number;
  first_name: string;
  last_name: string;
  company: string | null;
  plate: string | null;
  plate_kind: 'nl' | 'foreign' | null;
  signed_in_at: number;
  signed_out_at: number | null;
  sign_out_method: string | null;
}

/**
 * A receptionist who tapped the wrong row puts the visitor back on the evacuation list, within
 * 10 seconds and only for a sign-out made at the desk. The visitor's own code comes back with them
 * when it can be told apart (the code spent at that very moment), so they can still sign out at the kiosk.
 */
export function createSignOutUndo({ database, clock, audit }: { database: Database; clock: Clock; audit: AuditLog }) {
  async function undoStaffSignOut(actor: AuditActor, visitId: number): Promise<VisitRow> {
    const now = clock.now();
    return database.transaction(async (tx) => {
      const record = await tx.get<SignedOutRecord>(
        `SELECT id, first_name, last_name, company, plate, plate_kind, signed_in_at, signed_out_at, sign_out_method
         FROM visits WHERE id = ?`,
        [visitId],
      );
      if (!record) throw new UserError({ key: 'visit.unknown' });
      const signedOutAt = record.signed_out_at;
      if (record.sign_out_method !== 'staff' || signedOutAt === null || now - signedOutAt > STAFF_SIGN_OUT_UNDO_MS) {
        throw new UserError({ key: 'visit.undoExpired' });
      }
      const spent = await tx.all<{ code: string }>(
        `SELECT code FROM spent_sign_out_codes WHERE spent_at = ?
         AND code NOT IN (SELECT sign_out_code FROM visits WHERE sign_out_code IS NOT NULL)`,
        [signedOutAt],
      );
      const code = spent.length === 1 ? (spent[0]?.code ?? null) : null;
      if (code) await tx.run('DELETE FROM spent_sign_out_codes WHERE code = ?', [code]);
      await tx.run('UPDATE visits SET signed_out_at = NULL, sign_out_method = NULL, sign_out_code = ? WHERE id = ?', [
        code,
        visitId,
      ]);
      await audit.record(actor, 'visits.staffSignOutUndone', { visitId }, tx);
      return {
        id: record.id,
        firstName: record.first_name,
        lastName: record.last_name,
        company: record.company,
        plate: record.plate,
        plateKind: record.plate_kind,
        signedInAt: record.signed_in_at,
        signedOutAt: null,
        signOutMethod: null,
      };
    });
  }
  return { undoStaffSignOut };
}

export type SignOutUndo = ReturnType<typeof createSignOutUndo>;
