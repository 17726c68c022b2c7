import type { StaffRole } from '../../../shared/api/channel';
import type { Clock } from '../clock';

export interface StaffSession {
  staffId: number;
  name: string;
  role: StaffRole;
  lastSeen: number;
  /** The account's PIN generation at the unlock: a PIN reset since ends the session (callerFor). */
  pinGeneration: number;
  /** Lists with personal data already opened in this session: audited once, not on every refresh. */
  viewed: Set<string>;
}

/**
 * Unlocked staff views, held in the main process (or the browser-mode server) and keyed by terminal:
 * the window or browser-mode launch the view runs in. Nothing of a session lives in the renderer.
 * A session no call has touched for `idleMs` is gone, whatever the renderer does.
 */
// idleMs is read on every check, so a changed idle.staffSeconds applies to open sessions at once.
export function createSessionStore({ clock, idleMs }: { clock: Clock; idleMs: number | (() => number) }) {
  const idleLimit = typeof idleMs === 'function' ? idleMs : () => idleMs;
  const sessions = new Map<string, StaffSession>();
  const endListeners: ((session: StaffSession) => void)[] = [];
  const ended = (session: StaffSession | undefined) => {
    if (session) for (const listener of endListeners) listener(session);
  };
  const isLive = (session: StaffSession) => clock.now() - session.lastSeen <= idleLimit();

  return {
    open(
      terminal: string,
      staff: { staffId: number; name: string; role: StaffRole; pinGeneration?: number },
    ): StaffSession {
      const session = { pinGeneration: 0, ...staff, lastSeen: clock.now(), viewed: new Set<string>() };
      const previous = sessions.get(terminal);
      sessions.set(terminal, session);
      ended(previous);
      return session;
    },

    /**
     * The terminal's live session, or null when locked or expired (`expired` then names whose session
     * just ran out). A call made by a person extends the session; a background refresh of an open
     * list does not, so a view left alone still locks in the core, not only on the screen.
     */
    touch(
      terminal: string,
      { extend = true }: { extend?: boolean } = {},
    ): { session: StaffSession | null; expired?: StaffSession } {
      const session = sessions.get(terminal);
      if (!session) return { session: null };
      if (!isLive(session)) {
        sessions.delete(terminal);
        ended(session);
        return { session: null, expired: session };
      }
      if (extend) session.lastSeen = clock.now();
      return { session };
    },

    /** The terminal's live session, looked at without extending it (what it grants dies with it). */
    peek(terminal: string): StaffSession | null {
      const session = sessions.get(terminal);
      return session && isLive(session) ? session : null;
    },

    close(terminal: string): StaffSession | null {
      const session = sessions.get(terminal) ?? null;
      sessions.delete(terminal);
      ended(session ?? undefined);
      return session;
    },

    /** Ends every session `match` picks (with its terminal), as `close` would: the sessions ended. */
    closeWhere(match: (terminal: string, session: StaffSession) => boolean): StaffSession[] {
      const closing = [...sessions].filter(([terminal, session]) => match(terminal, session));
      for (const [terminal] of closing) sessions.delete(terminal);
      for (const [, session] of closing) ended(session);
      return closing.map(([, session]) => session);
    },

    /** Every session still live: the staff on duty in an evacuation roll call. */
    live(): StaffSession[] {
      return [...sessions.values()].filter(isLive);
    },

    /** Called when a session locks, expires or is replaced: what it was granted ends with it. */
    onEnd(listener: (session: StaffSession) => void): void {
      endListeners.push(listener);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
