import { afterEach } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../shared/config';
import { noticeVersion } from '../../shared/notice';
import type { Clock } from '../../electron/core/clock';
import { createKiosk, type Kiosk } from '../../electron/core/kiosk';
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

const opened: Kiosk[] = [];

export async function openTestKiosk(options: { clock: Clock; config?: KioskConfig; dataDir?: string }): Promise<Kiosk> {
  const kiosk = await createKiosk({
    dataDir: options.dataDir ?? makeTempDir(),
    config: options.config ?? defaultConfig,
    clock: options.clock,
    logError: () => undefined,
  });
  opened.push(kiosk);
  return kiosk;
}

export const currentNotice = noticeVersion(defaultConfig);

export function visitor(overrides: Record<string, unknown> = {}) {
  return { firstName: 'Anna', lastName: 'de Vries', noticeVersion: currentNotice, ...overrides };
}

afterEach(async () => {
  for (const kiosk of opened.splice(0)) await kiosk.close().catch(() => undefined);
});
