import { describe, expect, it } from 'vitest';
import { api, channelNames } from '../../../shared/api/contract';
import { createBridge } from '../../../electron/shell/bridge';
import { handleKioskInvoke } from '../../../electron/shell/ipc';
import { kioskWindowOptions } from '../../../electron/shell/window-options';
import { manualClock, openTestKiosk, visitor } from '../../helpers/kiosk';

describe('the preload bridge', () => {
  it('passes declared channels through and refuses anything else before IPC', async () => {
    const sent: unknown[] = [];
    const bridge = createBridge(async (channel, input) => {
      sent.push([channel, input]);
      return { ok: true, value: null };
    });
    for (const channel of ['ipc:raw', '__proto__', 'constructor', 'visits.delete', '']) {
      expect(await bridge.invoke(channel, {})).toEqual({ ok: false, error: { key: 'api.unknownChannel' } });
    }
    expect(sent).toEqual([]);
    for (const channel of channelNames) await bridge.invoke(channel, { x: 1 });
    expect(sent).toEqual(channelNames.map((channel) => [channel, { x: 1 }]));
    expect(channelNames).toEqual(Object.keys(api));
  });
});

describe('the main process IPC handler', () => {
  it('answers our own top-level page as the kiosk, and refuses frames and foreign pages', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
    const ownPage = { url: 'app://kiosk/index.html', parent: null };
    expect(await handleKioskInvoke(kiosk, { id: 1, frame: ownPage }, 'visits.signIn', visitor())).toMatchObject({
      ok: true,
    });
    // The kiosk page is anonymous until a staff member unlocks it: no staff list through IPC.
    expect(await handleKioskInvoke(kiosk, { id: 1, frame: ownPage }, 'visits.today', {})).toEqual({
      ok: false,
      error: { key: 'api.unauthenticated' },
    });
    for (const frame of [
      { url: 'app://kiosk/index.html', parent: ownPage },
      { url: 'https://evil.example/', parent: null },
      null,
    ]) {
      expect(await handleKioskInvoke(kiosk, { id: 1, frame }, 'visits.signIn', visitor())).toEqual({
        ok: false,
        error: { key: 'api.forbidden' },
      });
    }
    expect(await kiosk.database.all('SELECT id FROM visits')).toHaveLength(1);
  });
});

describe('the kiosk window', () => {
  it('keeps the renderer isolated and sandboxed, with devtools only in development', () => {
    const packaged = kioskWindowOptions('/app/preload.cjs', true);
    expect(packaged).toMatchObject({
      kiosk: true,
      fullscreen: true,
      webPreferences: {
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        webSecurity: true,
        devTools: false,
      },
    });
    expect(kioskWindowOptions('/app/preload.cjs', false).webPreferences?.devTools).toBe(true);
  });
});
