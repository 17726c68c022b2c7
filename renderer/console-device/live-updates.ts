import { useEffect, useState } from 'react';

/** What the console's live connection announces; the lists listen for it (renderer/staff/use-loaded.ts). */
export const LIVE_EVENT = 'kiosk:live';
export type LiveMessage = { type: 'visits' } | { type: 'arrival' };

const REVOKED_CLOSE_CODE = 4401;
const RETRY_MS = 3_000;

/**
 * Keeps a WebSocket to /live open while `enabled`; each message becomes a window event. A close for
 * revocation calls `onRevoked`; any other close is retried.
 */
export function useLiveUpdates(enabled: boolean, onRevoked: () => void): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | null = null;
    let retry: number | undefined;
    let stopped = false;
    const connect = () => {
      socket = new WebSocket(`wss://${window.location.host}/live`);
      socket.onopen = () => setConnected(true);
      socket.onmessage = (message) => {
        try {
          const data = JSON.parse(String(message.data)) as LiveMessage;
          window.dispatchEvent(new CustomEvent<LiveMessage>(LIVE_EVENT, { detail: data }));
        } catch {
          // not ours: ignored
        }
      };
      socket.onclose = (event) => {
        setConnected(false);
        if (stopped) return;
        if (event.code === REVOKED_CLOSE_CODE) return onRevoked();
        retry = window.setTimeout(connect, RETRY_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      socket?.close();
    };
  }, [enabled, onRevoked]);
  return connected;
}

/** Calls `listener` for each live message of this type, while mounted. */
export function useLiveMessage(type: LiveMessage['type'], listener: () => void): void {
  useEffect(() => {
    const onEvent = (event: Event) => {
      if ((event as CustomEvent<LiveMessage>).detail?.type === type) listener();
    };
    window.addEventListener(LIVE_EVENT, onEvent);
    return () => window.removeEventListener(LIVE_EVENT, onEvent);
  }, [type, listener]);
}
