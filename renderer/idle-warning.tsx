import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { UiText } from './i18n';

/** Seconds of warning before an idle screen resets or an idle staff view locks. */
export const IDLE_WARNING_SECONDS = 15;

/**
 * "Do you need more time?": large, over the screen, with the one button that keeps what is on it.
 * The screen behind is inert meanwhile (the caller sets that), so the button is the only target.
 */
export function IdleWarning({
  text,
  secondsLeft,
  onKeep,
  locks = false,
}: {
  text: UiText;
  secondsLeft: number;
  onKeep: () => void;
  /** The staff view locks instead of returning to the start. */
  locks?: boolean;
}) {
  const titleId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Back to where the person was once the warning goes, so typing carries on in the same field.
  useEffect(() => {
    const before = document.activeElement;
    button.current?.focus();
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  // On the body, beside the screen it covers, so the caller can make that screen inert.
  return createPortal(
    <div className="idle-warning-backdrop">
      <div
        className="idle-warning"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="idle-warning"
      >
        <h2 id={titleId}>{text.moreTimeTitle}</h2>
        <p className="lead" aria-live="off">
          {locks ? text.lockingIn(secondsLeft) : text.resettingIn(secondsLeft)}
        </p>
        <button ref={button} type="button" className="primary big" onClick={onKeep}>
          {text.moreTimeKeep}
        </button>
      </div>
    </div>,
    document.body,
  );
}
