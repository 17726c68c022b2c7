import type { StaffRole } from '../../../shared/api/channel';
import type { StaffAccount } from '../../../shared/api/types';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';
import { checkAgainstNoAccount, CURRENT_PARAMS, hashPin, needsRehash, pinMatches, type ScryptParams } from './pin-hash';
import { UserError } from '../user-error';

// Lockout is per account: a visitor guessing one account's PIN cannot lock out the others, so the
// evacuation list stays reachable for every other member of staff.
export const MAX_PIN_FAILURES = 5;
/** The first lockout of an account; each further wrong PIN doubles it, up to an hour. */
export const PIN_LOCKOUT_MS = 5 * 60 * 1000;
const MAX_PIN_LOCKOUT_MS = 60 * 60 * 1000;
const ACCOUNT_FORGETS_AFTER_MS = 24 * 60 * 60 * 1000;
// Across the kiosk, wrong PINs for any account (or none) bring short waits: they slow down a guesser
// who goes from account to account, but never hold back a correct PIN for more than half a minute,
// and never one for an account without wrong PINs against it.
const KIOSK_FREE_FAILURES = 10;
const KIOSK_FIRST_WAIT_MS = 1000;
const KIOSK_MAX_WAIT_MS = 30 * 1000;
const KIOSK_FORGETS_AFTER_MS = 15 * 60 * 1000;
const KIOSK_SCOPE = 'kiosk';
const accountScope = (staffId: number) => `staff:${staffId}`;
/** "Rosa  Receptie" and "rosa receptie" are one name to the people reading the desk. */
const sameNameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

interface Attempts {
  failures: number;
  lockedUntil: number;
}

interface StaffRecord {
  id: number;
  name: string;
  role: StaffRole;
  pin_salt: Buffer;
  pin_hash: Buffer;
  pin_params: string | null;
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

export function createStaffService({
  database,
  clock,
  audit,
  pinParams = CURRENT_PARAMS,
}: {
  database: Database;
  clock: Clock;
  audit: AuditLog;
  /** The scrypt cost of new PIN hashes (see KioskOptions.pinParams). */
  pinParams?: ScryptParams;
}) {
  const activeAdminCount = async (tx: Statements = database) =>
    (await tx.get<{ count: number }>(
      "SELECT count(*) AS count FROM staff WHERE role = 'admin' AND disabled_at IS NULL",
    ))!.count;

  const staffCount = async (tx: Statements = database) =>
    (await tx.get<{ count: number }>('SELECT count(*) AS count FROM staff'))!.count;

  async function find(staffId: number, tx: Statements = database): Promise<StaffRecord> {
    const record = await tx.get<StaffRecord>('SELECT * FROM staff WHERE id = ?', [staffId]);
    if (!record) throw new UserError({ key: 'staff.unknown' });
    return record;
  }

  /** Two active accounts with one name cannot be told apart in the audit log or on the desk. */
  async function refuseActiveNameTwice(tx: Statements, name: string, exceptId?: number): Promise<void> {
    const active = await tx.all<{ id: number; name: string }>(
      'SELECT id, name FROM staff WHERE disabled_at IS NULL AND id IS NOT ?',
      [exceptId ?? null],
    );
    const key = sameNameKey(name);
    if (active.some((account) => sameNameKey(account.name) === key)) {
      throw new UserError({ key: 'staff.nameTaken', fields: { name: 'staff.nameTaken' } });
    }
  }

  async function insert(
    tx: Statements,
    actor: AuditActor,
    name: string,
    role: StaffRole,
    pin: string,
  ): Promise<StaffAccount> {
    await refuseActiveNameTwice(tx, name);
    const { salt, hash, params } = await hashPin(pin, pinParams);
    const createdAt = clock.now();
    const { lastId } = await tx.run(
      'INSERT INTO staff (name, role, pin_salt, pin_hash, pin_params, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [name, role, salt, hash, params, createdAt],
    );
    await audit.record(actor, 'staff.added', { staffId: lastId, role }, tx);
    return { id: lastId, name, role, createdAt, disabledAt: null };
  }

  async function readAttempts(tx: Statements, scope: string, now: number, forgetAfterMs: number): Promise<Attempts> {
    const row = await tx.get<{ failures: number; locked_until: number | null; last_failed_at: number | null }>(
      'SELECT failures, locked_until, last_failed_at FROM pin_attempts WHERE scope = ?',
      [scope],
    );
    const lockedUntil = row?.locked_until ?? 0;
    if (!row || (now - (row.last_failed_at ?? 0) > forgetAfterMs && lockedUntil <= now)) {
      return { failures: 0, lockedUntil: 0 };
    }
    return { failures: row.failures, lockedUntil };
  }

  async function writeAttempts(tx: Statements, scope: string, attempts: Attempts, now: number) {
    await tx.run(
      `INSERT INTO pin_attempts (scope, failures, locked_until, last_failed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
         last_failed_at = excluded.last_failed_at`,
      [scope, attempts.failures, attempts.lockedUntil, now],
    );
  }

  /** The lock after `failures` wrong PINs: none before the fifth, then 5 minutes doubling to an hour. */
  const accountLockMs = (failures: number) =>
    failures < MAX_PIN_FAILURES ? 0 : Math.min(MAX_PIN_LOCKOUT_MS, PIN_LOCKOUT_MS * 2 ** (failures - MAX_PIN_FAILURES));
  const kioskWaitMs = (failures: number) =>
    failures <= KIOSK_FREE_FAILURES
      ? 0
      : Math.min(KIOSK_MAX_WAIT_MS, KIOSK_FIRST_WAIT_MS * 2 ** (failures - KIOSK_FREE_FAILURES - 1));

  /** A wrong PIN (or an unknown account) counts once at the kiosk; the result is never a lock for long. */
  async function countKioskFailure(tx: Statements, now: number) {
    const kiosk = await readAttempts(tx, KIOSK_SCOPE, now, KIOSK_FORGETS_AFTER_MS);
    const failures = kiosk.failures + 1;
    await writeAttempts(tx, KIOSK_SCOPE, { failures, lockedUntil: now + kioskWaitMs(failures) }, now);
  }

  /** Stores a hash with the current scrypt parameters, unless the PIN changed meanwhile. */
  async function rehash(record: StaffRecord, pin: string) {
    const { salt, hash, params } = await hashPin(pin, pinParams);
    await database.run('UPDATE staff SET pin_salt = ?, pin_hash = ?, pin_params = ? WHERE id = ? AND pin_hash = ?', [
      salt,
      hash,
      params,
      record.id,
      record.pin_hash,
    ]);
  }

  return {
    /** Only a fresh install: once anyone has an account, a missing admin is restored from the CLI. */
    async needsFirstAdmin(): Promise<boolean> {
      return (await staffCount()) === 0;
    },

    async list(): Promise<StaffAccount[]> {
      return (await database.all<StaffRecord>('SELECT * FROM staff ORDER BY name COLLATE NOCASE, id')).map(toAccount);
    },

    add(actor: AuditActor, name: string, role: StaffRole, pin: string): Promise<StaffAccount> {
      return database.transaction((tx) => insert(tx, actor, name, role, pin));
    },

    /**
     * The first-run screen, only while the staff table is empty. Anyone at the kiosk can reach it, so
     * it must not become a way back in when the admin is merely disabled (receptionists and visitor
     * data are there by then); `kiosk staff add --role admin` needs the data folder instead.
     */
    createFirstAdmin(actor: AuditActor, name: string, pin: string): Promise<StaffAccount> {
      return database.transaction(async (tx) => {
        if ((await staffCount(tx)) > 0) throw new UserError({ key: 'staff.adminExists' });
        return insert(tx, actor, name, 'admin', pin);
      });
    },

    async setDisabled(actor: AuditActor, staffId: number, disabled: boolean): Promise<StaffAccount> {
      return database.transaction(async (tx) => {
        const record = await find(staffId, tx);
        if (disabled && record.role === 'admin' && record.disabled_at === null && (await activeAdminCount(tx)) <= 1) {
          throw new UserError({ key: 'staff.lastAdmin' });
        }
        if (!disabled && record.disabled_at !== null) await refuseActiveNameTwice(tx, record.name, staffId);
        const disabledAt = disabled ? (record.disabled_at ?? clock.now()) : null;
        await tx.run('UPDATE staff SET disabled_at = ? WHERE id = ?', [disabledAt, staffId]);
        await audit.record(actor, disabled ? 'staff.disabled' : 'staff.enabled', { staffId }, tx);
        return toAccount({ ...record, disabled_at: disabledAt });
      });
    },

    async resetPin(actor: AuditActor, staffId: number, pin: string): Promise<void> {
      const { salt, hash, params } = await hashPin(pin, pinParams);
      await database.transaction(async (tx) => {
        await find(staffId, tx);
        await tx.run('UPDATE staff SET pin_salt = ?, pin_hash = ?, pin_params = ? WHERE id = ?', [
          salt,
          hash,
          params,
          staffId,
        ]);
        await tx.run('DELETE FROM pin_attempts WHERE scope = ?', [accountScope(staffId)]);
        await audit.record(actor, 'staff.pinReset', { staffId }, tx);
      });
    },

    /**
     * Checks a PIN at the kiosk. Five wrong PINs lock that account (see MAX_PIN_FAILURES); wrong PINs
     * across the kiosk bring short waits for accounts with wrong PINs against them and unknown ones.
     * A refused try is turned away before the PIN is read, and does not count.
     */
    async verify(staffId: number, pin: string): Promise<StaffAccount> {
      const scope = accountScope(staffId);
      const now = clock.now();
      // The try is counted against the account before the PIN is read, in one transaction: tries made
      // in parallel each take their own turn, so no more than five get through before the lock.
      type Claim = { refused: UserError } | { record: StaffRecord | undefined; failures: number; lockedNow: boolean };
      const claim = await database.transaction(async (tx): Promise<Claim> => {
        const account = await readAttempts(tx, scope, now, ACCOUNT_FORGETS_AFTER_MS);
        if (account.lockedUntil > now) {
          const minutes = Math.ceil((account.lockedUntil - now) / 60_000);
          return { refused: new UserError({ key: 'staff.lockedOut', params: { minutes } }) };
        }
        const record = await tx.get<StaffRecord>('SELECT * FROM staff WHERE id = ? AND disabled_at IS NULL', [staffId]);
        const kiosk = await readAttempts(tx, KIOSK_SCOPE, now, KIOSK_FORGETS_AFTER_MS);
        if ((!record || account.failures > 0) && kiosk.lockedUntil > now) {
          const seconds = Math.ceil((kiosk.lockedUntil - now) / 1000);
          return { refused: new UserError({ key: 'staff.tryAgainShortly', params: { seconds } }) };
        }
        // An unknown or disabled account costs a try at the kiosk like a wrong PIN, and says nothing more.
        if (!record) return { record, failures: 0, lockedNow: false };
        const failures = account.failures + 1;
        const lockMs = accountLockMs(failures);
        await writeAttempts(tx, scope, { failures, lockedUntil: now + lockMs }, now);
        return { record, failures, lockedNow: lockMs > 0 };
      });
      if ('refused' in claim) throw claim.refused;

      const { record, failures, lockedNow } = claim;
      const matches = record
        ? await pinMatches(pin, record.pin_salt, record.pin_hash, record.pin_params)
        : await checkAgainstNoAccount(pin, pinParams);
      if (record && matches) {
        // Only this account's count is cleared: not another's, and not the kiosk-wide one.
        await database.run('DELETE FROM pin_attempts WHERE scope = ?', [scope]);
        if (needsRehash(record.pin_params, pinParams)) await rehash(record, pin);
        return toAccount(record);
      }
      await database.transaction(async (tx) => {
        await countKioskFailure(tx, now);
        await audit.record('kiosk', 'staff.pinFailed', { staffId }, tx);
        if (lockedNow) await audit.record('kiosk', 'staff.lockedOut', { staffId, failures }, tx);
      });
      throw new UserError(
        lockedNow
          ? { key: 'staff.lockedOut', params: { minutes: Math.ceil(accountLockMs(failures) / 60_000) } }
          : { key: 'staff.wrongPin' },
      );
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
