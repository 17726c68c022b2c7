import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../shared/config';
import { badgePrintOptions, handleBadgePrint, type BadgePrintOptions } from '../../../electron/shell/badge-print';
import { APP_ORIGIN } from '../../../electron/shell/guards';

const ownPage = { url: `${APP_ORIGIN}/index.html`, parent: null };
const on = { ...defaultConfig.badge, enabled: true };

describe('badge printing in Electron', () => {
  it('prints silently, without margins, on a 62 mm label or A6, to the configured printer', () => {
    expect(badgePrintOptions(on)).toEqual({
      silent: true,
      printBackground: true,
      pageSize: { width: 62_000, height: 100_000 },
      margins: { marginType: 'none' },
    });
    expect(badgePrintOptions({ ...on, printer: 'Brother_QL_820NWB', pageSize: 'A6' })).toMatchObject({
      deviceName: 'Brother_QL_820NWB',
      pageSize: 'A6',
    });
  });

  it('only our own top-level page, only when badges are on; a failed print is never reported as printed', async () => {
    const calls: BadgePrintOptions[] = [];
    const printer = (success: boolean) => async (options: BadgePrintOptions) => {
      calls.push(options);
      return { success, failureReason: success ? '' : 'Print job failed' };
    };
    expect(await handleBadgePrint(ownPage, on, printer(true))).toEqual({ ok: true, value: null });
    expect(await handleBadgePrint(ownPage, on, printer(false))).toEqual({
      ok: false,
      error: { key: 'badge.printFailed' },
    });
    expect(
      await handleBadgePrint(ownPage, on, async () => {
        throw new Error('no printer');
      }),
    ).toEqual({ ok: false, error: { key: 'badge.printFailed' } });
    expect(calls).toHaveLength(2);
    expect(await handleBadgePrint({ url: 'https://evil.example/', parent: null }, on, printer(true))).toMatchObject({
      error: { key: 'api.forbidden' },
    });
    expect(await handleBadgePrint({ ...ownPage, parent: {} }, on, printer(true))).toMatchObject({
      error: { key: 'api.forbidden' },
    });
    expect(await handleBadgePrint(ownPage, defaultConfig.badge, printer(true))).toMatchObject({
      error: { key: 'badge.unavailable' },
    });
    expect(calls).toHaveLength(2);
  });
});
