import type { StaffRole } from '../../../shared/api/channel';
import type { StaffAccount } from '../../../shared/api/types';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';
import { checkAgainstNoAccount, CURRENT_PARAMS, hashPin, needsRehash, pinMatches, type ScryptParams } from './pin-hash';
import { UserError } from '../user-error';

// Wrong PINs count against the screen they were typed at, not the account: staff numbers are small
// and sequential, so a lock per account would let a visitor at the lobby screen lock every account
// (and with them the evacuation list) on every screen. A screen's first few misses are free; then it
// takes one try per SCREEN_WAIT_MS, and at SCREEN_LOCK_AFTER misses its unlock is locked, which raises
// an alarm for the admin. Kept in the database, so a restart lifts nothing.
export const SCREEN_FREE_FAILURES = 3;
export const SCREEN_WAIT_MS = 20 * 1000;
export const SCREEN_LOCK_AFTER = 10;
/** The first lock of a screen; each further wrong PIN there doubles it, up to an hour. */
export const PIN_LOCKOUT_MS = 15 * 60 * 1000;
const MAX_PIN_LOCKOUT_MS = 60 * 60 * 1000;
const SCREEN_FORGETS_AFTER_MS = 24 * 60 * 60 * 1000;
// Across the kiosk, wrong PINs on any screens bring short waits: they slow down a guesser who goes
// from screen to screen, but hold back only screens that have wrong PINs of their own, never for more
// than half a minute.
const KIOSK_FREE_FAILURES = 10;
const KIOSK_FIRST_WAIT_MS = 1000;
const KIOSK_MAX_WAIT_MS = 30 * 1000;
const KIOSK_FORGETS_AFTER_MS = 15 * 60 * 1000;
const KIOSK_SCOPE = 'kiosk';
const SCREEN_PREFIX = 'screen:';
const screenScope = (terminal: string) => `${SCREEN_PREFIX}${terminal}`;
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
  pin_generation: number;
}

/** An account whose PIN was just checked, with the PIN generation it was checked against (see callerFor). */
export type VerifiedAccount = StaffAccount & { pinGeneration: number };

/** What the staff list and the API show of an account: not its PIN generation. */
const toPublicAccount = ({ id, name, role, createdAt, disabledAt }: StaffAccount): StaffAccount => ({
  id,
  name,
  role,
  createdAt,
  disabledAt,
});

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
  ): Promise<VerifiedAccount> {
    await refuseActiveNameTwice(tx, name);
    const { salt, hash, params } = await hashPin(pin, pinParams);
    const createdAt = clock.now();
    const { lastId } = await tx.run(
      'INSERT INTO staff (name, role, pin_salt, pin_hash, pin_params, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [name, role, salt, hash, params, createdAt],
    );
    await audit.record(actor, 'staff.added', { staffId: lastId, role }, tx);
    return { id: lastId, name, role, createdAt, disabledAt: null, pinGeneration: 0 };
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

  /** The wait or lock after a screen's `failures` wrong PINs. */
  const screenWaitMs = (failures: number) =>
    failures <= SCREEN_FREE_FAILURES
      ? 0
      : failures < SCREEN_LOCK_AFTER
        ? SCREEN_WAIT_MS
        : Math.min(MAX_PIN_LOCKOUT_MS, PIN_LOCKOUT_MS * 2 ** (failures - SCREEN_LOCK_AFTER));
  const kioskWaitMs = (failures: number) =>
    failures <= KIOSK_FREE_FAILURES
      ? 0
      : Math.min(KIOSK_MAX_WAIT_MS, KIOSK_FIRST_WAIT_MS * 2 ** (failures - KIOSK_FREE_FAILURES - 1));

  /** A refusal for a screen that must wait: seconds for a short wait, minutes for a lock. */
  const waitError = (until: number, now: number) =>
    until - now > SCREEN_WAIT_MS
      ? new UserError({ key: 'staff.lockedOut', params: { minutes: Math.ceil((until - now) / 60_000) } })
      : new UserError({ key: 'staff.tryAgainShortly', params: { seconds: Math.ceil((until - now) / 1000) } });

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
      return database.transaction(async (tx) => toPublicAccount(await insert(tx, actor, name, role, pin)));
    },

    /**
     * The first-run screen, only while the staff table is empty. Anyone at the kiosk can reach it, so
     * it must not become a way back in when the admin is merely disabled (receptionists and visitor
     * data are there by then); `kiosk staff add --role admin` needs the data folder instead.
     */
    createFirstAdmin(actor: AuditActor, name: string, pin: string): Promise<VerifiedAccount> {
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

    /** Sets a new PIN and raises the account's PIN generation; returns the new generation. */
    async resetPin(actor: AuditActor, staffId: number, pin: string): Promise<number> {
      const { salt, hash, params } = await hashPin(pin, pinParams);
      return database.transaction(async (tx) => {
        const record = await find(staffId, tx);
        await tx.run(
          'UPDATE staff SET pin_salt = ?, pin_hash = ?, pin_params = ?, pin_generation = pin_generation + 1 WHERE id = ?',
          [salt, hash, params, staffId],
        );
        await audit.record(actor, 'staff.pinReset', { staffId }, tx);
        return record.pin_generation + 1;
      });
    },

    /**
     * Checks a PIN typed at screen `terminal`. Wrong PINs there slow and then lock that screen's
     * unlock (see SCREEN_LOCK_AFTER), never an account: staff at another screen still unlock. A
     * refused try is turned away before the PIN is read, and does not count.
     */
    async verify(staffId: number, pin: string, terminal: string): Promise<VerifiedAccount> {
      const scope = screenScope(terminal);
      const now = clock.now();
      // The try is counted against the screen before the PIN is read, in one transaction: tries made
      // in parallel each take their own turn, so none gets past the screen's wait.
      type Claim = { refused: UserError } | { record: StaffRecord | undefined; failures: number; lockedNow: boolean };
      const claim = await database.transaction(async (tx): Promise<Claim> => {
        const screen = await readAttempts(tx, scope, now, SCREEN_FORGETS_AFTER_MS);
        if (screen.lockedUntil > now) return { refused: waitError(screen.lockedUntil, now) };
        const kiosk = await readAttempts(tx, KIOSK_SCOPE, now, KIOSK_FORGETS_AFTER_MS);
        if (screen.failures > 0 && kiosk.lockedUntil > now) return { refused: waitError(kiosk.lockedUntil, now) };
        const record = await tx.get<StaffRecord>('SELECT * FROM staff WHERE id = ? AND disabled_at IS NULL', [staffId]);
        // An unknown or disabled account costs a try like a wrong PIN, and says nothing more.
        const failures = screen.failures + 1;
        const waitMs = screenWaitMs(failures);
        await writeAttempts(tx, scope, { failures, lockedUntil: now + waitMs }, now);
        return { record, failures, lockedNow: failures >= SCREEN_LOCK_AFTER };
      });
      if ('refused' in claim) throw claim.refused;

      const { record, failures, lockedNow } = claim;
      const matches = record
        ? await pinMatches(pin, record.pin_salt, record.pin_hash, record.pin_params)
        : await checkAgainstNoAccount(pin, pinParams);
      if (record && matches) {
        // The try was counted before the PIN was read: a correct PIN clears this screen's count only.
        await database.run('DELETE FROM pin_attempts WHERE scope = ?', [scope]);
        if (needsRehash(record.pin_params, pinParams)) await rehash(record, pin);
        return { ...toAccount(record), pinGeneration: record.pin_generation };
      }
      await database.transaction(async (tx) => {
        await countKioskFailure(tx, now);
        await audit.record('kiosk', 'staff.pinFailed', { staffId }, tx);
        if (lockedNow) await audit.record('kiosk', 'staff.screenLocked', { terminal, failures }, tx);
        // Screens long without a wrong PIN are forgotten: the table does not grow with every screen id.
        await tx.run(
          `DELETE FROM pin_attempts WHERE scope LIKE '${SCREEN_PREFIX}%' AND last_failed_at < ? AND coalesce(locked_until, 0) <= ?`,
          [now - SCREEN_FORGETS_AFTER_MS, now],
        );
      });
      const waitMs = screenWaitMs(failures);
      throw waitMs > 0 ? waitError(now + waitMs, now) : new UserError({ key: 'staff.wrongPin' });
    },

    /** When each screen now locked for wrong PINs was locked: an alarm for the admin. */
    async screensLockedForPins(): Promise<number[]> {
      const now = clock.now();
      const rows = await database.all<{ since: number }>(
        `SELECT last_failed_at AS since FROM pin_attempts
          WHERE scope LIKE '${SCREEN_PREFIX}%' AND failures >= ? AND locked_until > ? ORDER BY since`,
        [SCREEN_LOCK_AFTER, now],
      );
      return rows.map((row) => row.since);
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
