import { useCallback, useEffect, useRef } from 'react';

/**
 * Whether the screen is still showing. An answer that arrives after the idle reset or "Back" must
 * not put one visitor's sign-in on the next visitor's screen.
 */
export function useStillMounted(): () => boolean {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return useCallback(() => mounted.current, []);
}
