import { fail, type Result } from '../../shared/result';
import type { Screen } from '../core/devices/screen';
import type { Kiosk } from '../core/kiosk';
import { isTrustedSender } from './guards';

/** The window stands in the lobby: staff views open there only as lobby.staffViews allows. */
const LOBBY_SCREEN: Screen = { kind: 'lobby' };

/**
 * The main process's side: only our own top-level page reaches the core. Each window is its own
 * terminal, so a staff session unlocked in one window is not shared with another.
 */
export function handleKioskInvoke(
  kiosk: Pick<Kiosk, 'handle'>,
  sender: { id: number; frame: { url: string; parent: unknown } | null | undefined },
  channel: unknown,
  input: unknown,
  background: unknown = false,
): Promise<Result<unknown>> {
  if (!isTrustedSender(sender.frame)) return Promise.resolve(fail('api.forbidden'));
  return kiosk.handle(`window:${sender.id}`, channel, input, {
    background: background === true,
    screen: LOBBY_SCREEN,
  });
}
