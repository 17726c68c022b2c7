import { defaultConfig, type KioskConfig } from '../../shared/config';
import { noticeVersion } from '../../shared/notice';
import type { Clock } from '../../electron/core/clock';
import type { ScryptParams } from '../../electron/core/staff/pin-hash';
import type { ScrubWait } from '../../electron/core/retention/visit-retention';
import type { Caller } from '../../electron/core/router';
import { createKiosk, type Kiosk } from '../../electron/core/kiosk';
import { afterEachTest } from './after-each-test';
import { makeTempDir } from './temp-dir';

/** A clock the test moves by hand. */
export function manualClock(startIso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    set: (iso) => {
      now = Date.parse(iso);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/**
 * A cheap scrypt cost for tests that add and unlock accounts: the production cost (N=2^17, 128 MiB)
 * takes a second per hash on a loaded machine. One test keeps the production cost (staff-lockout's
 * "PIN hashes"); everything else about PINs is the same at either cost.
 */
export const TEST_PIN_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const opened: Kiosk[] = [];

/**
 * Opens a kiosk on a temp folder. Its staff table holds the accounts behind `callers` (with PINs no
 * one can type), so audit rows written for them have someone to point to.
 */
export async function openTestKiosk(options: {
  clock: Clock;
  config?: KioskConfig;
  dataDir?: string;
  scrubWait?: ScrubWait;
}): Promise<Kiosk> {
  const kiosk = await createKiosk({
    dataDir: options.dataDir ?? makeTempDir(),
    config: options.config ?? defaultConfig,
    clock: options.clock,
    logError: () => undefined,
    pinParams: TEST_PIN_PARAMS,
    ...(options.scrubWait && { scrubWait: options.scrubWait }),
  });
  opened.push(kiosk);
  for (const caller of Object.values(callers)) {
    if (caller.kind !== 'staff') continue;
    await kiosk.database.run(
      "INSERT OR IGNORE INTO staff (id, name, role, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, x'00', x'00', 0)",
      [caller.staffId, caller.name, caller.role],
    );
  }
  return kiosk;
}

export const currentNotice = noticeVersion(defaultConfig);

export function visitor(overrides: Record<string, unknown> = {}) {
  return { firstName: 'Anna', lastName: 'de Vries', noticeVersion: currentNotice, ...overrides };
}

afterEachTest(async () => {
  for (const kiosk of opened.splice(0)) await kiosk.close().catch(() => undefined);
});

export const callers = {
  kiosk: { kind: 'kiosk', terminal: 'test-kiosk' },
  receptionist: { kind: 'staff', staffId: 1, name: 'Rita', role: 'receptionist', terminal: 'test-reception' },
  security: { kind: 'staff', staffId: 2, name: 'Sam', role: 'security', terminal: 'test-security' },
  admin: { kind: 'staff', staffId: 3, name: 'Ada', role: 'admin', terminal: 'test-admin' },
  privacy: { kind: 'staff', staffId: 4, name: 'Pia', role: 'privacy', terminal: 'test-privacy' },
  operator: { kind: 'operator' },
} as const satisfies Record<string, Caller>;
