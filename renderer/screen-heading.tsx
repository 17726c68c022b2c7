import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Each screen's title; it takes focus when the screen appears, so screen readers announce the change,
 * unless the screen asks for a code and its field took focus first (a scanner types into it).
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!(document.activeElement instanceof HTMLInputElement)) heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
