import { useId, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Shown under the field, announced politely (e.g. the plate in its normalised form). */
  note?: string;
  /** Keep the note's live region in place before there is a note, so screen readers announce it. */
  announcesNote?: boolean;
}

/** A labelled text field that never offers anything an earlier visitor typed. */
export function Field({ label, value, onChange, error, note, announcesNote = false, required, ...rest }: Props) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, note ? `${id}-note` : null].filter(Boolean).join(' ');
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        aria-required={required}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy || undefined}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        {...rest}
      />
      {/* One line is always kept for the message, so a message appearing on blur does not move the
          control the visitor is reaching for. */}
      <div className="message-slot">
        {error ? (
          <p id={`${id}-error`} className="error" role="alert">
            {error}
          </p>
        ) : (
          announcesNote && (
            <p id={`${id}-note`} className="note" aria-live="polite">
              {note}
            </p>
          )
        )}
      </div>
    </div>
  );
}
