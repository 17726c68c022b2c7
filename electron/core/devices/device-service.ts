import type { Device, DeviceKind, EnrolmentCode } from '../../../shared/api/devices';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { UserError } from '../user-error';
import { looksLikeCredential, newCredential, newEnrolmentCode, normaliseCode, sha256 } from './device-codes';

export const CODE_VALID_MS = 15 * 60 * 1000;
/** Wrong codes accepted per minute across the kiosk, and in all before enrolment closes. */
export const WRONG_CODES_PER_MINUTE = 5;
export const WRONG_CODES_BEFORE_CLOSING = 20;
const MINUTE_MS = 60 * 1000;
/** last_seen_at is written at most this often per device: not a write on every request. */
const LAST_SEEN_RESOLUTION_MS = MINUTE_MS;

interface DeviceRecord {
  id: number;
  name: string;
  kind: DeviceKind;
  enrolled_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

const toDevice = (row: DeviceRecord): Device => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  enrolledAt: row.enrolled_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
});

export interface EnrolledDevice {
  id: number;
  name: string;
  kind: DeviceKind;
}

/**
 * Console devices: one-time codes, enrolment (the credential is returned once, stored as a hash),
 * the lookup on every console request, revocation. Wrong codes are limited across the kiosk.
 */
export function createDeviceService({
  database,
  clock,
  audit,
  consoleUrl,
}: {
  database: Database;
  clock: Clock;
  audit: AuditLog;
  consoleUrl: () => string | null;
}) {
  const wrongAt: number[] = [];
  let codesBeingChecked = 0;
  const revokeListeners = new Set<(deviceId: number) => void>();
  // Kept in memory once read: the health check asks on every alarm check and staff banner refresh.
  let closure: { since: number; wrongCodes: number } | null | undefined;

  async function enrolmentState() {
    return (await database.get<{ wrong_codes: number; closed_at: number | null }>(
      'SELECT wrong_codes, closed_at FROM device_enrolment WHERE id = 1',
    ))!;
  }

  async function wrongCode(): Promise<never> {
    wrongAt.push(clock.now());
    const closed = await database.transaction(async (tx) => {
      await tx.run('UPDATE device_enrolment SET wrong_codes = wrong_codes + 1 WHERE id = 1');
      const state = (await tx.get<{ wrong_codes: number; closed_at: number | null }>(
        'SELECT wrong_codes, closed_at FROM device_enrolment WHERE id = 1',
      ))!;
      if (state.closed_at !== null || state.wrong_codes < WRONG_CODES_BEFORE_CLOSING) return false;
      await tx.run('UPDATE device_enrolment SET closed_at = ? WHERE id = 1', [clock.now()]);
      await audit.record('system', 'devices.enrolmentClosed', { wrongCodes: state.wrong_codes }, tx);
      return true;
    });
    if (closed) closure = undefined;
    throw new UserError({ key: closed ? 'device.enrolmentClosed' : 'device.codeWrong' });
  }

  return {
    async createCode(name: string, kind: DeviceKind, actor: AuditActor): Promise<EnrolmentCode> {
      const code = newEnrolmentCode();
      const expiresAt = clock.now() + CODE_VALID_MS;
      await database.transaction(async (tx) => {
        const { lastId } = await tx.run(
          'INSERT INTO device_codes (code_hash, name, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
          [sha256(normaliseCode(code)), name, kind, clock.now(), expiresAt],
        );
        await audit.record(actor, 'devices.codeCreated', { codeId: lastId, kind }, tx);
      });
      return { code, name, kind, expiresAt, consoleUrl: consoleUrl() };
    },

    /** A code typed on the device: the new device and its credential, or a typed refusal. */
    async enroll(typed: string): Promise<{ device: EnrolledDevice; credential: string }> {
      const state = await enrolmentState();
      if (state.closed_at !== null) throw new UserError({ key: 'device.enrolmentClosed' });
      const now = clock.now();
      while (wrongAt.length > 0 && wrongAt[0]! <= now - MINUTE_MS) wrongAt.shift();
      // Codes still being looked up count as wrong until they are known not to be: a burst of guesses
      // sent at once gets no more looked at than one sent after the other.
      if (wrongAt.length + codesBeingChecked >= WRONG_CODES_PER_MINUTE)
        throw new UserError({ key: 'device.enrolmentThrottled' });

      const code = normaliseCode(typed);
      if (!/^[A-Z0-9]{12}$/.test(code)) return wrongCode();
      const credential = newCredential();
      codesBeingChecked++;
      const lookUp = database.transaction(async (tx) => {
        const row = await tx.get<{ id: number; name: string; kind: DeviceKind }>(
          'SELECT id, name, kind FROM device_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
          [sha256(code), now],
        );
        if (!row) return null;
        await tx.run('UPDATE device_codes SET used_at = ? WHERE id = ?', [now, row.id]);
        const { lastId } = await tx.run(
          'INSERT INTO devices (name, kind, credential_hash, enrolled_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
          [row.name, row.kind, sha256(credential), now, now],
        );
        await audit.record('kiosk', 'devices.enrolled', { deviceId: lastId, codeId: row.id, kind: row.kind }, tx);
        return { id: lastId, name: row.name, kind: row.kind };
      });
      let device: EnrolledDevice | null;
      try {
        device = await lookUp;
      } finally {
        codesBeingChecked--;
      }
      if (!device) return wrongCode();
      return { device, credential };
    },

    /** The enrolled, unrevoked device a credential belongs to, or null. */
    async authenticate(credential: string | undefined): Promise<EnrolledDevice | null> {
      if (!credential || !looksLikeCredential(credential)) return null;
      const row = await database.get<DeviceRecord>(
        'SELECT id, name, kind, enrolled_at, last_seen_at, revoked_at FROM devices WHERE credential_hash = ?',
        [sha256(credential)],
      );
      if (!row || row.revoked_at !== null) return null;
      const now = clock.now();
      if (row.last_seen_at === null || now - row.last_seen_at >= LAST_SEEN_RESOLUTION_MS)
        await database.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [now, row.id]);
      return { id: row.id, name: row.name, kind: row.kind };
    },

    async list(): Promise<Device[]> {
      const rows = await database.all<DeviceRecord>(
        'SELECT id, name, kind, enrolled_at, last_seen_at, revoked_at FROM devices ORDER BY id',
      );
      return rows.map(toDevice);
    },

    async revoke(deviceId: number, actor: AuditActor): Promise<Device> {
      const device = await database.transaction(async (tx) => {
        const row = await tx.get<DeviceRecord>(
          'SELECT id, name, kind, enrolled_at, last_seen_at, revoked_at FROM devices WHERE id = ?',
          [deviceId],
        );
        if (!row) throw new UserError({ key: 'device.notFound' });
        if (row.revoked_at !== null) return toDevice(row);
        const revokedAt = clock.now();
        await tx.run('UPDATE devices SET revoked_at = ? WHERE id = ?', [revokedAt, deviceId]);
        await audit.record(actor, 'devices.revoked', { deviceId, kind: row.kind }, tx);
        return toDevice({ ...row, revoked_at: revokedAt });
      });
      for (const listener of revokeListeners) listener(deviceId);
      return device;
    },

    /** Since when enrolment is closed, and after how many wrong codes; null while it is open. */
    async enrolmentClosure(): Promise<{ since: number; wrongCodes: number } | null> {
      if (closure !== undefined) return closure;
      const state = await enrolmentState();
      closure = state.closed_at === null ? null : { since: state.closed_at, wrongCodes: state.wrong_codes };
      return closure;
    },

    async enrolmentClosed(): Promise<boolean> {
      return (await enrolmentState()).closed_at !== null;
    },

    async reopenEnrolment(actor: AuditActor): Promise<void> {
      await database.transaction(async (tx) => {
        await tx.run('UPDATE device_enrolment SET wrong_codes = 0, closed_at = NULL WHERE id = 1');
        await audit.record(actor, 'devices.enrolmentOpened', {}, tx);
      });
      wrongAt.length = 0;
      closure = null;
    },

    /** A revoked device's open connections (the live updates) are closed at once. */
    onRevoke(listener: (deviceId: number) => void): () => void {
      revokeListeners.add(listener);
      return () => revokeListeners.delete(listener);
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
