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

describe('PIN lockout per screen', () => {
  it(
    'a visitor typing wrong PINs for every account at the lobby screen locks that screen, not the accounts',
    { timeout: 180_000 },
    async () => {
      const { kiosk, clock } = await openKiosk();
      try {
        const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
        const rosa = await addAccount(kiosk, 'Rosa', OTHER_PIN);
        const sam = await addAccount(kiosk, 'Sam', '584031');
        // The attack of issue 21: five wrong PINs for each staff number, waiting out each delay.
        for (const staffId of [ada, rosa, sam, 4, 5])
          for (let n = 0; n < 5; n++) {
            const result = await unlock(kiosk, staffId, `20${staffId}11${n}`, 'lobby');
            if (!result.ok && result.error.key === 'staff.tryAgainShortly') clock.advance(30_000);
          }
        expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN, 'lobby'))).toBe('staff.lockedOut');
        // Every account still unlocks at another screen, and the evacuation list is there.
        for (const [staffId, pin] of [
          [rosa, OTHER_PIN],
          [ada, PIN],
          [sam, '584031'],
        ] as const) {
          expect(keyOf(await unlock(kiosk, staffId, pin, 'desk'))).toBe('ok');
          await kiosk.handle('desk', 'staff.lock', {});
        }
        expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN, 'desk'))).toBe('ok');
        expect(await kiosk.handle('desk', 'visits.evacuation', {})).toMatchObject({ ok: true });
        // The admin sees the alarm.
        const health = await kiosk.health.current();
        expect(health.problems.map((problem) => problem.key)).toContain('screenLockedForPins');
      } finally {
        await kiosk.close();
      }
    },
  );

  it(
    'from one screen, at most a handful of tries a minute after the first misses, and the lock outlives a restart',
    { timeout: 180_000 },
    async () => {
      const dataDir = makeTempDir();
      const clock = manualClock('2026-11-24T09:00:00Z');
      const open = () =>
        createKiosk({ dataDir, config: defaultConfig, clock, logError: () => undefined, pinParams: TEST_PIN_PARAMS });
      let kiosk = await open();
      try {
        const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
        // A guesser trying once a second for ten minutes gets only a few PINs read.
        for (let second = 0; second < 600; second++) {
          await unlock(kiosk, ada, String(300000 + second), 'lobby');
          clock.advance(1000);
        }
        const guesses = (await kiosk.audit.list({ action: 'staff.pinFailed', limit: 1000 })).length;
        expect(guesses).toBeLessThanOrEqual(10);
        expect(keyOf(await unlock(kiosk, ada, PIN, 'lobby'))).toBe('staff.lockedOut');
        await kiosk.close();
        kiosk = await open();
        expect(keyOf(await unlock(kiosk, ada, PIN, 'lobby'))).toBe('staff.lockedOut');
        expect(keyOf(await unlock(kiosk, ada, PIN, 'desk'))).toBe('ok');
      } finally {
        await kiosk.close();
      }
    },
  );

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
          expect(keyOf(await unlock(kiosk, ada, PIN, 'desk'))).toBe('ok');
          expect(await kiosk.handle('desk', 'visits.evacuation', {})).toMatchObject({ ok: true });
          await kiosk.handle('desk', 'staff.lock', {});
        }
      }
      // Only the PINs that were read count as guesses: a few dozen a day, not thousands.
      const guesses = (await kiosk.audit.list({ action: 'staff.pinFailed', limit: 1000 })).length;
      expect(guesses).toBeGreaterThan(5);
      expect(guesses).toBeLessThan(25);
    } finally {
      await kiosk.close();
    }
  }, 180_000);

  it(
    'wrong PINs spread over screens slow down tries only for a short while, and never a clean screen',
    { timeout: 180_000 },
    async () => {
      const { kiosk, clock } = await openKiosk();
      try {
        const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
        const rosa = await addAccount(kiosk, 'Rosa', OTHER_PIN);
        // Twenty tries against accounts that do not exist, two at each of ten screens.
        for (let n = 0; n < 20; n++) await unlock(kiosk, 9000 + n, '111111', `screen-${n % 10}`);
        expect(keyOf(await unlock(kiosk, 9999, '111111', 'screen-0'))).toBe('staff.tryAgainShortly');
        // A screen without wrong PINs of its own is not held back by the kiosk-wide wait.
        expect(keyOf(await unlock(kiosk, ada, PIN, 'desk'))).toBe('ok');
        // Her correct PIN does not lift the wait for the rest.
        expect(await unlock(kiosk, 9999, '111111', 'screen-1')).toMatchObject({
          ok: false,
          error: { key: 'staff.tryAgainShortly', params: { seconds: expect.any(Number) } },
        });
        // Never longer than half a minute.
        clock.advance(30_000);
        expect(keyOf(await unlock(kiosk, rosa, '222222', 'screen-2'))).toBe('staff.wrongPin');
        expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN, 'screen-2'))).toBe('staff.tryAgainShortly');
        clock.advance(30_000);
        expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN, 'screen-2'))).toBe('ok');
      } finally {
        await kiosk.close();
      }
    },
  );

  it('a correct PIN clears only its own screen', { timeout: 180_000 }, async () => {
    const { kiosk } = await openKiosk();
    try {
      const ada = await addAccount(kiosk, 'Ada', PIN, 'admin');
      const rosa = await addAccount(kiosk, 'Rosa', OTHER_PIN);
      for (let n = 0; n < 3; n++) await unlock(kiosk, ada, `11111${n}`, 'lobby');
      expect(keyOf(await unlock(kiosk, rosa, OTHER_PIN, 'desk'))).toBe('ok');
      expect(keyOf(await unlock(kiosk, ada, '999990', 'lobby'))).toBe('staff.tryAgainShortly');
    } finally {
      await kiosk.close();
    }
  });
});

describe('PIN hashes', () => {
  // Three hashes at 128 MiB each and two at 32: seconds on a quiet machine, many more on a busy one.
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
  }, 180_000);
});
