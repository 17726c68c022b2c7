import type { Result } from '../result';

/** What the Electron preload exposes on `window`, and all it exposes: one call, declared channels only. */
export interface KioskBridge {
  /** `background`: a refresh nobody asked for just now; it does not keep a staff session alive. */
  invoke(channel: string, input: unknown, background?: boolean): Promise<Result<unknown>>;
  /** Prints the page (the badge sheet) silently to the configured printer; Electron only. */
  printBadge?(): Promise<Result<null>>;
}

export const BRIDGE_GLOBAL = 'kioskBridge';
export const IPC_INVOKE_CHANNEL = 'kiosk:invoke';
export const IPC_PRINT_BADGE_CHANNEL = 'kiosk:print-badge';

/** Browser mode: POST {API_PATH_PREFIX}<channel> with the per-launch token in this header. */
export const API_PATH_PREFIX = '/api/';
export const TOKEN_HEADER = 'x-kiosk-token';
/** Browser mode: a random id per page load, so each page (kiosk, reception) has its own staff session. */
export const TERMINAL_HEADER = 'x-kiosk-terminal';
export const BACKGROUND_HEADER = 'x-kiosk-background';
/** The token travels in the URL fragment (never sent to a server, never in logs) as #token=... */
export const TOKEN_FRAGMENT_KEY = 'token';

/** Footage playback: a short-lived ticket from `footage.playback`, served with range support. */
export const MEDIA_PATH_PREFIX = '/media/';
export const MEDIA_PROTOCOL = 'media';

export function mediaUrl(ticket: string, inElectron: boolean): string {
  return inElectron ? `${MEDIA_PROTOCOL}://kiosk/${ticket}` : `${MEDIA_PATH_PREFIX}${ticket}`;
}
