// Runs sandboxed in the kiosk page. Exposes one narrow call for declared channels only; the main
// process checks again, since a compromised page could call ipcRenderer some other way.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_INVOKE_CHANNEL, type KioskBridge } from '../shared/api/bridge';
import { channelNames } from '../shared/api/contract';
import { fail } from '../shared/result';

const declared = new Set<string>(channelNames);

const bridge: KioskBridge = {
  invoke: (channel, input) =>
    declared.has(channel)
      ? ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, input)
      : Promise.resolve(fail('api.unknownChannel')),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
