import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../../shared/result';
import { LIVE_EVENT, type LiveMessage } from '../../console-device/live-updates';

/**
 * Loads something from the core now and, with `refreshMs`, again and again while the view is open:
 * so the reception list shows a visitor who signs in at the kiosk without anyone pressing a button.
 */
export function useLoaded<T>(load: (background: boolean) => Promise<Result<T>>, refreshMs?: number) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const requested = useRef(0);
  // Each `reload` waits for the load of its own generation (or a later one) to finish.
  const waiting = useRef<{ generation: number; resolve: () => void }[]>([]);

  useEffect(() => {
    let cancelled = false;
    const fetchNow = (background: boolean) =>
      load(background).then((result) => {
        if (cancelled) return;
        if (result.ok) {
          setValue(result.value);
          setError(null);
        } else setError(result.error);
      });
    void fetchNow(false).finally(() => {
      // A load cut short (a newer reload, a new filter) leaves its waiters to the load that replaced it:
      // `reload` resolves only once the list shows what was loaded after it was asked for.
      if (cancelled) return;
      waiting.current = waiting.current.filter((waiter) => {
        if (waiter.generation > generation) return true;
        waiter.resolve();
        return false;
      });
    });
    // The timed refreshes are background calls: they keep the list current, not the session alive.
    const timer = refreshMs ? window.setInterval(() => void fetchNow(true), refreshMs) : undefined;
    // On a console desk, a sign-in or sign-out anywhere loads a refreshing list again at once.
    const onLive = (event: Event) => {
      if ((event as CustomEvent<LiveMessage>).detail?.type === 'visits') void fetchNow(true);
    };
    if (refreshMs) window.addEventListener(LIVE_EVENT, onLive);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      window.removeEventListener(LIVE_EVENT, onLive);
    };
  }, [load, refreshMs, generation]);

  // A view that closes leaves no one waiting.
  useEffect(
    () => () => {
      for (const waiter of waiting.current) waiter.resolve();
      waiting.current = [];
    },
    [],
  );

  /** Loads again now, e.g. after an action changed what the list shows; resolves once it has. */
  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        requested.current += 1;
        waiting.current.push({ generation: requested.current, resolve });
        setGeneration(requested.current);
      }),
    [],
  );
  return { value, error, reload };
}
