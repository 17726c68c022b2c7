import type { ScreenInfo } from '../../../shared/api/devices';
import type { StaffViewName } from '../../../shared/staff-views';

/**
 * Which screen a call comes from, as the shell resolved it (never as the page says): the loopback
 * browser mode, the lobby's own Electron window, or an enrolled console device.
 */
export type Screen =
  { kind: 'browser' } | { kind: 'lobby' } | { kind: 'desk' | 'kiosk'; deviceId: number; name: string };

export const BROWSER_SCREEN: Screen = { kind: 'browser' };

/** The terminal an enrolled device's calls and staff session are keyed by. */
export const deviceTerminal = (deviceId: number): string => `device:${deviceId}`;

/** A screen in a public place: staff views open there only as `lobby.staffViews` allows. */
export const isLobbyScreen = (screen: Screen): boolean => screen.kind === 'lobby' || screen.kind === 'kiosk';

export function screenInfo(screen: Screen, lobbyViews: readonly StaffViewName[]): ScreenInfo {
  return {
    kind: screen.kind,
    deviceName: screen.kind === 'desk' || screen.kind === 'kiosk' ? screen.name : null,
    staffViews: isLobbyScreen(screen) ? [...lobbyViews] : null,
  };
}
