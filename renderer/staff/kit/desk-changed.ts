import { useEffect } from 'react';

/**
 * Said in this window after a staff action changed something in the core: the alarms above every
 * view look again at once, instead of at their next timed refresh (an alarm an admin just dealt
 * with would otherwise stay up for seconds after the screen said it was done).
 */
const DESK_CHANGED_EVENT = 'kiosk:desk-changed';

export function announceDeskChanged(): void {
  window.dispatchEvent(new Event(DESK_CHANGED_EVENT));
}

/** Calls `listener` after each announced change, while mounted. */
export function useOnDeskChanged(listener: () => void): void {
  useEffect(() => {
    window.addEventListener(DESK_CHANGED_EVENT, listener);
    return () => window.removeEventListener(DESK_CHANGED_EVENT, listener);
  }, [listener]);
}
