import { useEffect, useRef, type ReactNode } from 'react';

/** Each screen's title; it takes focus when the screen appears, so screen readers announce the change. */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
