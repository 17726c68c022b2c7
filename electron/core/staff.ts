import type { StaffRole } from '../../shared/api/channel';
import type { StaffAccount, StaffDirectoryEntry } from '../../shared/api/types';
import type { AuditActor, AuditLog } from './audit';
import type { Clock } from './clock';
import type { Database, Statements } from './database';
import { hashPin, pinMatches } from './pin-hash';
import { UserError } from './user-error';

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 5 * 60 * 1000;
const KIOSK_SCOPE = 'kiosk';
const accountScope = (staffId: number) => `staff:${staffId}`;

interface StaffRecord {
  id: number;
  name: string;
  role: StaffRole;
  pin_salt: Buffer;
  pin_hash: Buffer;
  created_at: number;
  disabled_at: number | null;
}

const toAccount = (record: StaffRecord): StaffAccount => ({
  id: record.id,
  name: record.name,
  role: record.role,
  createdAt: record.created_at,
  disabledAt: record.disabled_at,
});

export function createStaffService({ database, clock, audit }: { database: Database; clock: Clock; audit: AuditLog }) {
  const activeAdminCount = async (tx: Statements = database) =>
    (await tx.get<{ count: number }>(
      "SELECT count(*) AS count FROM staff WHERE role = 'admin' AND disabled_at IS NULL",
    ))!.count;

  async function find(staffId: number, tx: Statements = database): Promise<StaffRecord> {
    const record = await tx.get<StaffRecord>('SELECT * FROM staff WHERE id = ?', [staffId]);
    if (!record) throw new UserError({ key: 'staff.unknown' });
    return record;
  }

  async function insert(
    tx: Statements,
    actor: AuditActor,
    name: string,
    role: StaffRole,
    pin: string,
  ): Promise<StaffAccount> {
    const { salt, hash } = await hashPin(pin);
    const createdAt = clock.now();
    const { lastId } = await tx.run(
      'INSERT INTO staff (name, role, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      [name, role, salt, hash, createdAt],
    );
    await audit.record(actor, 'staff.added', { staffId: lastId, role }, tx);
    return { id: lastId, name, role, createdAt, disabledAt: null };
  }

  /** The lockout still running for any of these scopes, in whole minutes left, or 0. */
  async function lockedMinutes(tx: Statements, scopes: string[], now: number): Promise<number> {
    const rows = await tx.all<{ locked_until: number | null }>(
      `SELECT locked_until FROM pin_attempts WHERE scope IN (${scopes.map(() => '?').join(', ')})`,
      scopes,
    );
    const until = Math.max(0, ...rows.map((row) => row.locked_until ?? 0));
    return until > now ? Math.ceil((until - now) / 60_000) : 0;
  }

  /** Counts one try against each scope; the fifth locks the scope. Returns whether this try locked one. */
  async function countAttempt(tx: Statements, scopes: string[], now: number): Promise<boolean> {
    let locked = false;
    for (const scope of scopes) {
      const row = await tx.get<{ failures: number }>('SELECT failures FROM pin_attempts WHERE scope = ?', [scope]);
      const failures = (row?.failures ?? 0) + 1;
      const locks = failures >= MAX_PIN_FAILURES;
      locked ||= locks;
      await tx.run(
        'INSERT INTO pin_attempts (scope, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (scope) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
        [scope, locks ? 0 : failures, locks ? now + PIN_LOCKOUT_MS : null],
      );
    }
    return locked;
  }

  return {
    async needsFirstAdmin(): Promise<boolean> {
      return (await activeAdminCount()) === 0;
    },

    /** Who can unlock the staff view: active accounts, by name. */
    async directory(): Promise<StaffDirectoryEntry[]> {
      return database.all<StaffDirectoryEntry>(
        'SELECT id, name FROM staff WHERE disabled_at IS NULL ORDER BY name COLLATE NOCASE, id',
      );
    },

    async list(): Promise<StaffAccount[]> {
      return (await database.all<StaffRecord>('SELECT * FROM staff ORDER BY name COLLATE NOCASE, id')).map(toAccount);
    },

    add(actor: AuditActor, name: string, role: StaffRole, pin: string): Promise<StaffAccount> {
      return database.transaction((tx) => insert(tx, actor, name, role, pin));
    },

    /** Only while no active admin exists: the first-run screen and `staff add` on a fresh install. */
    createFirstAdmin(actor: AuditActor, name: string, pin: string): Promise<StaffAccount> {
      return database.transaction(async (tx) => {
        if ((await activeAdminCount(tx)) > 0) throw new UserError({ key: 'staff.adminExists' });
        return insert(tx, actor, name, 'admin', pin);
      });
    },

    async setDisabled(actor: AuditActor, staffId: number, disabled: boolean): Promise<StaffAccount> {
      return database.transaction(async (tx) => {
        const record = await find(staffId, tx);
        if (disabled && record.role === 'admin' && record.disabled_at === null && (await activeAdminCount(tx)) <= 1) {
          throw new UserError({ key: 'staff.lastAdmin' });
        }
        const disabledAt = disabled ? (record.disabled_at ?? clock.now()) : null;
        await tx.run('UPDATE staff SET disabled_at = ? WHERE id = ?', [disabledAt, staffId]);
        await audit.record(actor, disabled ? 'staff.disabled' : 'staff.enabled', { staffId }, tx);
        return toAccount({ ...record, disabled_at: disabledAt });
      });
    },

    async resetPin(actor: AuditActor, staffId: number, pin: string): Promise<void> {
      const { salt, hash } = await hashPin(pin);
      await database.transaction(async (tx) => {
        await find(staffId, tx);
        await tx.run('UPDATE staff SET pin_salt = ?, pin_hash = ? WHERE id = ?', [salt, hash, staffId]);
        await tx.run('DELETE FROM pin_attempts WHERE scope = ?', [accountScope(staffId)]);
        await audit.record(actor, 'staff.pinReset', { staffId }, tx);
      });
    },

    /**
     * Checks a PIN at the kiosk. Five wrong PINs for one account, or five at the kiosk for any
     * accounts, lock further tries for five minutes; a locked try is refused before the PIN is read.
     */
    async verify(staffId: number, pin: string): Promise<StaffAccount> {
      const scopes = [accountScope(staffId), KIOSK_SCOPE];
      const now = clock.now();
      // The try is counted before the PIN is read, in one transaction: tries made in parallel each
      // take their own turn, so no more than five get through before the lock.
      type Claim = { minutes: number } | { record: StaffRecord | undefined; lockedNow: boolean };
      const claim = await database.transaction(async (tx): Promise<Claim> => {
        const minutes = await lockedMinutes(tx, scopes, now);
        if (minutes > 0) return { minutes };
        const record = await tx.get<StaffRecord>('SELECT * FROM staff WHERE id = ? AND disabled_at IS NULL', [staffId]);
        // An unknown or disabled account costs a try at the kiosk like a wrong PIN, and says nothing more.
        const lockedNow = await countAttempt(tx, record ? scopes : [KIOSK_SCOPE], now);
        return { record, lockedNow };
      });
      if ('minutes' in claim) throw new UserError({ key: 'staff.lockedOut', params: { minutes: claim.minutes } });

      const { record, lockedNow } = claim;
      if (record && (await pinMatches(pin, record.pin_salt, record.pin_hash))) {
        await database.run('DELETE FROM pin_attempts WHERE scope IN (?, ?)', scopes);
        return toAccount(record);
      }
      await database.transaction(async (tx) => {
        await audit.record('kiosk', 'staff.pinFailed', { staffId }, tx);
        if (lockedNow) await audit.record('kiosk', 'staff.lockedOut', { staffId }, tx);
      });
      throw new UserError(
        lockedNow
          ? { key: 'staff.lockedOut', params: { minutes: PIN_LOCKOUT_MS / 60_000 } }
          : { key: 'staff.wrongPin' },
      );
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
