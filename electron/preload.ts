// Runs sandboxed in the kiosk page. Exposes one narrow call for declared channels only; the main
// process checks again, since a compromised page could reach ipcRenderer some other way.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_INVOKE_CHANNEL, IPC_PRINT_BADGE_CHANNEL } from '../shared/api/bridge';
import { createBridge } from './shell/bridge';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge(
    (channel, input, background) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, input, background),
    () => ipcRenderer.invoke(IPC_PRINT_BADGE_CHANNEL),
  ),
);
