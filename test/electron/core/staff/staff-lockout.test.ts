import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { createKiosk, type Kiosk } from '../../../../electron/core/kiosk';
import { callers, manualClock, TEST_PIN_PARAMS } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const PIN = '739164';
const OTHER_PIN = '502817';

async function openKiosk(clock = manualClock('2026-11-24T09:00:00Z')) {
  const kiosk = await createKiosk({
    dataDir: makeTempDir(),
    config: defaultConfig,
    clock,
    logError: () => undefined,
    pinParams: TEST_PIN_PARAMS,
  });
  return { kiosk, clock };
}

async function addAccount(kiosk: Kiosk, name: string, pin: string, role: 'receptionist' | 'admin' = 'receptionist') {
  const result = await kiosk.router.invoke('staff.add', { name, role, pin }, callers.operator);
  if (!result.ok) throw new Error(result.error.key);
  return result.value.id;
}

const unlock = (kiosk: Kiosk, staffId: number, pin: string, terminal = 'screen') =>
  kiosk.handle(terminal, 'staff.unlock', { staffId, pin });
const keyOf = (result: Awaited<ReturnType<typeof unlock>>) => (result.ok ? 'ok' : result.error.key);

describe('PIN lockout per account', () => {
  it('five wrong PINs for one account do not lock out another, and the other unlocking does not lift the lock', async () => {
    const { kiosk } = await openKiosk();
    try {
      const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
      const rosa = await addAccount(kiosk, 'Rosa', OTHER_PIN);
      for (let n = 0; n < 5; n++) await unlock(kiosk, ada, `11111${n}`);
      expect(keyOf(await unlock(kiosk, ada, PIN))).toBe('staff.lockedOut');
      expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN))).toBe('ok');
      await kiosk.handle('screen', 'staff.lock', {});
      expect(keyOf(await unlock(kiosk, ada, PIN))).toBe('staff.lockedOut');
    } finally {
      await kiosk.close();
    }
  });

  it('a visitor hammering one account all day leaves the others usable, and the locks grow', async () => {
    const { kiosk, clock } = await openKiosk();
    try {
      const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
      const rosa = await addAccount(kiosk, 'Rosa', OTHER_PIN);
      const checked: string[] = [];
      // One wrong PIN every half minute for a working day of ten hours; every hour the receptionist unlocks.
      for (let tick = 0; tick < 2 * 60 * 10; tick++) {
        clock.advance(30_000);
        const result = await unlock(kiosk, ada, String(200000 + tick));
        checked.push(keyOf(result));
        if (tick % 120 === 0) {
          expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN, 'desk'))).toBe('ok');
          expect(await kiosk.handle('desk', 'visits.evacuation', {})).toMatchObject({ ok: true });
          await kiosk.handle('desk', 'staff.lock', {});
        }
      }
      // Only the PINs that were read count as guesses: a few dozen a day, not thousands.
      const guesses = (await kiosk.audit.list({ action: 'staff.pinFailed', limit: 1000 })).length;
      expect(guesses).toBeGreaterThan(5);
      expect(guesses).toBeLessThan(25);
      expect(checked.filter((key) => key === 'staff.wrongPin').length).toBeLessThan(25);
    } finally {
      await kiosk.close();
    }
  }, 180_000);

  it('wrong PINs spread over accounts slow down tries only for a short while, and never a clean account', async () => {
    const { kiosk, clock } = await openKiosk();
    try {
      const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
      const rosa = await addAccount(kiosk, 'Rosa', OTHER_PIN);
      // Twenty tries against accounts that do not exist, then a typo by Rosa.
      for (let n = 0; n < 20; n++) await unlock(kiosk, 9000 + n, '111111');
      expect(keyOf(await unlock(kiosk, 9999, '111111'))).toBe('staff.tryAgainShortly');
      // Ada has no wrong PIN against her name: the kiosk-wide wait does not hold her back.
      expect(keyOf(await unlock(kiosk, ada, PIN))).toBe('ok');
      // Her correct PIN does not lift the wait for the rest.
      expect(await unlock(kiosk, 9999, '111111')).toMatchObject({
        ok: false,
        error: { key: 'staff.tryAgainShortly', params: { seconds: expect.any(Number) } },
      });
      // Never longer than half a minute.
      clock.advance(30_000);
      expect(keyOf(await unlock(kiosk, rosa, '222222'))).toBe('staff.wrongPin');
      expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN))).toBe('staff.tryAgainShortly');
      clock.advance(30_000);
      expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN))).toBe('ok');
    } finally {
      await kiosk.close();
    }
  });

  it('a correct PIN clears only its own account', async () => {
    const { kiosk } = await openKiosk();
    try {
      const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
      const rosa = await addAccount(kiosk, 'Rosa', OTHER_PIN);
      for (let n = 0; n < 4; n++) await unlock(kiosk, ada, `11111${n}`);
      expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN))).toBe('ok');
      expect(keyOf(await unlock(kiosk, ada, '999990'))).toBe('staff.lockedOut');
    } finally {
      await kiosk.close();
    }
  });
});

describe('PIN hashes', () => {
  it('new PINs are hashed with scrypt N=2^17, and an old N=2^15 hash still unlocks and is rehashed', async () => {
    // The one test at the production cost: a kiosk opened without pinParams.
    const kiosk = await createKiosk({
      dataDir: makeTempDir(),
      config: defaultConfig,
      clock: manualClock('2026-11-24T09:00:00Z'),
      logError: () => undefined,
    });
    try {
      const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
      expect(await kiosk.database.get('SELECT pin_params FROM staff WHERE id = ?', [ada])).toEqual({
        pin_params: JSON.stringify({ N: 2 ** 17, r: 8, p: 1 }),
      });
      const salt = Buffer.from('0123456789abcdef');
      const legacy = scryptSync(OTHER_PIN, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
      const { lastId: old } = await kiosk.database.run(
        "INSERT INTO staff (name, role, pin_salt, pin_hash, created_at) VALUES ('Olga', 'receptionist', ?, ?, 0)",
        [salt, legacy],
      );
      expect(keyOf(await unlock(kiosk, old, '000000'))).toBe('staff.wrongPin');
      expect(keyOf(await unlock(kiosk, old, OTHER_PIN))).toBe('ok');
      const after = await kiosk.database.get<{ pin_params: string; pin_hash: Buffer }>(
        'SELECT pin_params, pin_hash FROM staff WHERE id = ?',
        [old],
      );
      expect(JSON.parse(after!.pin_params)).toEqual({ N: 2 ** 17, r: 8, p: 1 });
      expect(Buffer.compare(after!.pin_hash, legacy)).not.toBe(0);
      await kiosk.handle('screen', 'staff.lock', {});
      expect(keyOf(await unlock(kiosk, old, OTHER_PIN))).toBe('ok');
    } finally {
      await kiosk.close();
    }
  });
});
