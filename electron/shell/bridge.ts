// Bundled into the sandboxed preload, where nothing but 'electron' can be required: this file and
// what it imports must stay free of Node modules (a test checks the preload bundle).
import type { KioskBridge } from '../../shared/api/bridge';
import { channelNames } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/result';

type Invoke = (channel: string, input: unknown, background: boolean) => Promise<Result<unknown>>;

const declared = new Set<string>(channelNames);

/** The preload's bridge: declared channels go through, anything else is refused before IPC. */
export function createBridge(invoke: Invoke, printBadge?: () => Promise<Result<null>>): KioskBridge {
  return {
    invoke: (channel, input, background) =>
      declared.has(channel) ? invoke(channel, input, background === true) : Promise.resolve(fail('api.unknownChannel')),
    ...(printBadge ? { printBadge: () => printBadge() } : {}),
  };
}
