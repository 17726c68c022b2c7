import { useCallback, useRef, useState } from 'react';
import { useStillMounted } from './use-still-mounted';

/**
 * One call at a time from a form or button: a second tap while the first call runs is ignored (a
 * double tap on "Vastleggen" must place one hold, not two). The ref answers at once; `busy` follows
 * on the next render, for the disabled button.
 */
export function useSingleFlight() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();

  /** Runs `work`, or resolves to `undefined` without running it while an earlier call still runs. */
  const start = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      try {
        return await work();
      } finally {
        running.current = false;
        if (stillMounted()) setBusy(false);
      }
    },
    [stillMounted],
  );
  return { busy, start };
}
