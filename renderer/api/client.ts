import {
  API_PATH_PREFIX,
  BACKGROUND_HEADER,
  TERMINAL_HEADER,
  TOKEN_FRAGMENT_KEY,
  TOKEN_HEADER,
  type KioskBridge,
} from '../../shared/api/bridge';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/result';

/** Carries one call to the core and brings back its Result; Electron IPC or HTTP in browser mode. */
export type Transport = (channel: ChannelName, input: unknown, background: boolean) => Promise<Result<unknown>>;

export interface CallOptions {
  /** A refresh nobody asked for just now (a list updating itself): it does not keep a staff session alive. */
  background?: boolean;
}

export interface ApiClient {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>, options?: CallOptions): Promise<Result<OutputOf<C>>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    invoke: async (channel, input, options) => {
      try {
        return (await transport(channel, input, options?.background === true)) as never;
      } catch {
        return fail('api.unreachable');
      }
    },
  };
}

export function bridgeTransport(bridge: KioskBridge): Transport {
  return (channel, input, background) => bridge.invoke(channel, input, background);
}

export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  // Names this page to the server; lives only in memory, so a reload starts locked.
  const terminal = crypto.randomUUID();
  return async (channel, input, background) => {
    const response = await fetchImpl(`${API_PATH_PREFIX}${channel}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TOKEN_HEADER]: token,
        [TERMINAL_HEADER]: terminal,
        ...(background ? { [BACKGROUND_HEADER]: '1' } : {}),
      },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
    });
    const body = (await response.json()) as Result<unknown>;
    if (typeof body?.ok !== 'boolean') return fail('api.unreachable');
    return body;
  };
}

/** Electron's preload bridge when present, otherwise browser mode with the token from the URL fragment. */
export function transportForThisWindow(bridge: KioskBridge | undefined, fragment: string): Transport | null {
  if (bridge) return bridgeTransport(bridge);
  const token = new URLSearchParams(fragment.replace(/^#/, '')).get(TOKEN_FRAGMENT_KEY);
  return token ? httpTransport(token) : null;
}
