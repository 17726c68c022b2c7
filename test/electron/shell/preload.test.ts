// electron/preload.ts loaded against a recording stand-in of the `electron` module: the page gets one
// object with one function, never ipcRenderer or any of its methods.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_INVOKE_CHANNEL, IPC_PRINT_BADGE_CHANNEL } from '../../../shared/api/bridge';
import type { MockedElectron, Recorded } from '../../helpers/electron-stand-in';

vi.mock('electron', async () => (await import('../../helpers/electron-stand-in')).mockElectronModule());

let recorded: Recorded;
let ipcRenderer: MockedElectron['ipcRenderer'];

beforeAll(async () => {
  const electron = (await import('electron')) as unknown as MockedElectron;
  recorded = electron.resetStandIn();
  ipcRenderer = electron.ipcRenderer;
  await import('../../../electron/preload');
});

/** Every value reachable from what the page was given, through own properties and prototypes. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue = [root];
  while (queue.length > 0) {
    const value = queue.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    if (value === Object.prototype || value === Function.prototype) continue;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) queue.push(descriptor.value);
    }
    queue.push(Object.getPrototypeOf(value));
  }
  return [...seen];
}

describe('electron/preload.ts', () => {
  it('exposes exactly one object, the bridge, with two functions: invoke and printBadge', () => {
    expect(recorded.exposedInMainWorld.map(([key]) => key)).toEqual([BRIDGE_GLOBAL]);
    const [, bridge] = recorded.exposedInMainWorld[0]!;
    expect(Object.keys(bridge as object)).toEqual(['invoke', 'printBadge']);
    expect(typeof (bridge as { invoke: unknown }).invoke).toBe('function');
    expect(typeof (bridge as { printBadge: unknown }).printBadge).toBe('function');
  });

  it('printBadge asks the main process to print this page, passing nothing the page chose', async () => {
    const { printBadge } = recorded.exposedInMainWorld[0]![1] as {
      printBadge: (...args: unknown[]) => Promise<unknown>;
    };
    recorded.ipcRendererCalls.length = 0;
    await printBadge({ deviceName: 'attacker', silent: false });
    expect(recorded.ipcRendererCalls).toEqual([[IPC_PRINT_BADGE_CHANNEL]]);
  });

  it('exposes neither ipcRenderer nor any of its methods', () => {
    const [, bridge] = recorded.exposedInMainWorld[0]!;
    const ipcParts = [ipcRenderer, ...Object.values(ipcRenderer)];
    for (const value of reachable(bridge)) expect(ipcParts).not.toContain(value);
  });

  it('passes a declared channel to the one IPC channel, and nothing else', async () => {
    const { invoke } = recorded.exposedInMainWorld[0]![1] as {
      invoke: (channel: string, input: unknown) => Promise<unknown>;
    };
    recorded.ipcRendererCalls.length = 0;
    await invoke('visits.signIn', { firstName: 'Anna' });
    await invoke('some-other-ipc-channel', {});
    await invoke(IPC_INVOKE_CHANNEL, {});
    expect(recorded.ipcRendererCalls).toEqual([[IPC_INVOKE_CHANNEL, 'visits.signIn', { firstName: 'Anna' }, false]]);
  });
});
