import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';
import { createRateLimit } from '../core/public-screen/throttles';

/** The cookie that carries the screen id the server issued with the page (HttpOnly: the page cannot set it). */
export const SCREEN_COOKIE = 'kiosk-screen';
/** New screens a minute, for the whole kiosk: a reception has a few, and ids are what throttles key on. */
export const NEW_SCREENS_PER_MINUTE = 10;
// Ids not used for this long are forgotten, so the table does not grow with every page load.
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
const PRUNE_ABOVE = 1000;
const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/**
 * Which screen a browser-mode request comes from. Throttles and staff sessions key on this id, so it
 * is one the server handed out with the page (in an HttpOnly cookie), never a value the page chooses:
 * a client that makes up ids gets no screen, and new ids come at NEW_SCREENS_PER_MINUTE at most.
 * Another kind of screen (an enrolled console device) resolves its own ids the same way.
 */
export interface ScreenIdentities {
  /** The id for a page load: the one its cookie names when issued here, else a new one; null when too many new ones were asked for just now. */
  forPage(cookieHeader: string | undefined): { id: string; setCookie: string | null } | null;
  /** The screen a request comes from, or null when its cookie names no id issued here. */
  resolve(cookieHeader: string | undefined): string | null;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

export function createScreenIdentities({ clock }: { clock: Clock }): ScreenIdentities {
  const lastSeen = new Map<string, number>();
  const newScreens = createRateLimit({ clock, limit: NEW_SCREENS_PER_MINUTE, windowMs: 60_000 });

  const known = (header: string | undefined): string | null => {
    const id = cookieValue(header, SCREEN_COOKIE);
    if (id === null || !ID_PATTERN.test(id)) return null;
    const seen = lastSeen.get(id);
    const now = clock.now();
    if (seen === undefined || now - seen > FORGET_AFTER_MS) return null;
    lastSeen.set(id, now);
    return id;
  };

  return {
    forPage(cookieHeader) {
      const existing = known(cookieHeader);
      if (existing) return { id: existing, setCookie: null };
      if (!newScreens.take('*').allowed) return null;
      const now = clock.now();
      if (lastSeen.size > PRUNE_ABOVE)
        for (const [id, seen] of lastSeen) if (now - seen > FORGET_AFTER_MS) lastSeen.delete(id);
      const id = randomBytes(24).toString('base64url');
      lastSeen.set(id, now);
      return { id, setCookie: `${SCREEN_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict` };
    },
    resolve: known,
  };
}
