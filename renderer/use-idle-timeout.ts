import { useEffect, useRef } from 'react';

/** Dispatched on window by whatever a person is busy with without touching it (a playing video). */
export const WATCHING_EVENT = 'kiosk-watching';
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', WATCHING_EVENT] as const;

/** Calls `onIdle` after `seconds` without a touch, click or key press. Inactive when `seconds` is null. */
export function useIdleTimeout(seconds: number | null, onIdle: () => void): void {
  const latestOnIdle = useRef(onIdle);
  useEffect(() => {
    latestOnIdle.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (seconds === null) return;
    let timer = window.setTimeout(() => latestOnIdle.current(), seconds * 1000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latestOnIdle.current(), seconds * 1000);
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, restart, { capture: true });
    };
  }, [seconds]);
}
