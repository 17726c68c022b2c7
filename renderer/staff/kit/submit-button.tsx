import type { ReactNode } from 'react';

/** A form's submit button, out of reach while the form's call runs: one tap sends one call. */
export function SubmitButton({
  busy,
  className = 'primary',
  children,
}: {
  busy: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className={className} disabled={busy} aria-busy={busy}>
      {children}
    </button>
  );
}
