import { useCallback, useEffect, useRef, useState } from 'react';
import { now } from './clock';

/** Dispatched on window by whatever a person is busy with without touching it (a playing video). */
export const WATCHING_EVENT = 'kiosk-watching';
const PERSON_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;
const ACTIVITY_EVENTS = [...PERSON_EVENTS, WATCHING_EVENT] as const;

/**
 * Calls `onActivity` on a person's touch, click or key press, at most once per `minGapMs`: for what
 * must learn of activity that makes no call of its own (the core's staff session). Watching is left
 * out: the player keeps the core's session with calls of its own.
 */
export function useActivity(onActivity: () => void, minGapMs: number): void {
  const latest = useRef(onActivity);
  useEffect(() => {
    latest.current = onActivity;
  }, [onActivity]);
  useEffect(() => {
    let last = -Infinity;
    const onEvent = () => {
      if (now() - last < minGapMs) return;
      last = now();
      latest.current();
    };
    for (const event of PERSON_EVENTS) window.addEventListener(event, onEvent, { capture: true, passive: true });
    return () => {
      for (const event of PERSON_EVENTS) window.removeEventListener(event, onEvent, { capture: true });
    };
  }, [minGapMs]);
}

export interface IdleState {
  /** Seconds until `onIdle` while the warning shows; null when there is no warning. */
  warningSecondsLeft: number | null;
  /** Starts the idle time again, as a touch would (for the warning's "keep" button). */
  keep: () => void;
}

/**
 * Calls `onIdle` after `seconds` without a touch, click or key press; inactive when `seconds` is
 * null. With `warnSeconds`, the last `warnSeconds` before that are announced (a countdown), so
 * someone still reading or typing can keep what is on the screen.
 */
export function useIdleTimeout(seconds: number | null, onIdle: () => void, warnSeconds = 0): IdleState {
  const latestOnIdle = useRef(onIdle);
  const restartRef = useRef<() => void>(() => undefined);
  const [warningSecondsLeft, setWarningSecondsLeft] = useState<number | null>(null);
  useEffect(() => {
    latestOnIdle.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (seconds === null) return;
    let idleTimer: number | undefined;
    let warningTimer: number | undefined;
    let countdown: number | undefined;
    let deadline = 0;
    const stop = () => {
      window.clearTimeout(idleTimer);
      window.clearTimeout(warningTimer);
      window.clearInterval(countdown);
    };
    const showLeft = () => setWarningSecondsLeft(Math.max(0, Math.ceil((deadline - now()) / 1000)));
    const restart = () => {
      stop();
      setWarningSecondsLeft(null);
      deadline = now() + seconds * 1000;
      idleTimer = window.setTimeout(() => {
        stop();
        setWarningSecondsLeft(null);
        latestOnIdle.current();
      }, seconds * 1000);
      // A short idle time (set for a demo or a test) is warned of in its second half only, so the
      // screen is usable before the warning covers it.
      const warnFor = Math.min(warnSeconds, Math.floor(seconds / 2));
      if (warnFor > 0) {
        warningTimer = window.setTimeout(
          () => {
            showLeft();
            countdown = window.setInterval(showLeft, 1000);
          },
          (seconds - warnFor) * 1000,
        );
      }
    };
    restartRef.current = restart;
    restart();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, restart, { capture: true, passive: true });
    return () => {
      stop();
      restartRef.current = () => undefined;
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, restart, { capture: true });
    };
  }, [seconds, warnSeconds]);

  const keep = useCallback(() => restartRef.current(), []);
  return { warningSecondsLeft: seconds === null ? null : warningSecondsLeft, keep };
}
