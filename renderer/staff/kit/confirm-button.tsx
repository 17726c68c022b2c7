import { useState } from 'react';
import type { Language } from '../../../shared/messages';
import { kitText } from './kit-texts';

interface Props {
  label: string;
  /** The accessible name of the first button, e.g. "Disable Rosa Receptie". */
  ariaLabel?: string;
  /** The question, e.g. "Disable Rosa Receptie? They can no longer unlock the staff view." */
  question: string;
  /** The button that does it, e.g. "Yes, disable". */
  confirmLabel: string;
  language: Language;
  disabled?: boolean;
  onConfirm: () => void | Promise<unknown>;
}

/** A button for an action that changes who may do what: a second, explicit tap before it happens. */
export function ConfirmButton({ label, ariaLabel, question, confirmLabel, language, disabled, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const text = kitText[language];
  if (!asking) {
    return (
      <button
        type="button"
        className="secondary small"
        aria-label={ariaLabel}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="primary small"
        disabled={disabled}
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="secondary small" onClick={() => setAsking(false)}>
        {text.cancel}
      </button>
    </span>
  );
}
