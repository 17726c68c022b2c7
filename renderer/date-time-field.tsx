import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { datePartsFromIso, isoFromDateParts, type DateParts } from '../shared/date-parts';
import { translate, type Language } from '../shared/messages';
import './date-time-field.css';

// A date (and time) field whose format the app decides, not the browser's locale: Debian's Chromium
// ships only en-US, so a native date input showed mm/dd/yyyy and AM/PM on Dutch screens. Day, month,
// year (and hour, minute: 24-hour) are separate number fields in the screen's language; the value
// is what a native date or datetime-local input would give, so forms keep their parsing.

/**
 * The value of a field with half a date or an impossible one (31-02): not '' (that is "no date", and
 * an optional end date left empty means "until released"), and no ISO date either, so a form that
 * parses it gets an invalid date and refuses, instead of quietly dropping what was typed.
 */
export const INCOMPLETE_DATE = 'incomplete';

interface Segment {
  part: keyof DateParts;
  length: number;
}

const DATE_SEGMENTS: Segment[] = [
  { part: 'day', length: 2 },
  { part: 'month', length: 2 },
  { part: 'year', length: 4 },
];
const TIME_SEGMENTS: Segment[] = [
  { part: 'hour', length: 2 },
  { part: 'minute', length: 2 },
];

const WORDS: Record<Language, Record<keyof DateParts, { name: string; hint: string }> & { separator: string }> = {
  nl: {
    day: { name: 'Dag', hint: 'dd' },
    month: { name: 'Maand', hint: 'mm' },
    year: { name: 'Jaar', hint: 'jjjj' },
    hour: { name: 'Uur', hint: 'uu' },
    minute: { name: 'Minuten', hint: 'mm' },
    separator: '-',
  },
  en: {
    day: { name: 'Day', hint: 'dd' },
    month: { name: 'Month', hint: 'mm' },
    year: { name: 'Year', hint: 'yyyy' },
    hour: { name: 'Hour', hint: 'hh' },
    minute: { name: 'Minutes', hint: 'mm' },
    separator: '/',
  },
};

interface Props {
  label: string;
  /** 2026-11-26, or with `withTime` 2026-11-26T13:05; '' when empty. */
  value: string;
  onChange: (value: string) => void;
  language: Language;
  withTime?: boolean;
  error?: string;
  required?: boolean;
}

export function DateTimeField({ label, value, onChange, language, withTime = false, error, required }: Props) {
  const id = useId();
  const [parts, setParts] = useState<DateParts>(() => datePartsFromIso(value));
  // The value this field last reported; any other value comes from the form (a reset) and is shown.
  const [reported, setReported] = useState(value);
  if (value !== reported) {
    setReported(value);
    setParts(datePartsFromIso(value));
  }
  const [left, setLeft] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const segments = withTime ? [...DATE_SEGMENTS, ...TIME_SEGMENTS] : DATE_SEGMENTS;
  const words = WORDS[language];
  const iso = isoFromDateParts(parts, withTime);
  const ownError =
    left && iso === null ? translate(withTime ? 'dateTime.incomplete' : 'date.incomplete', language) : undefined;
  const shownError = error ?? ownError;

  const update = (index: number, typed: string) => {
    const segment = segments[index]!;
    const digits = typed.replace(/\D/g, '').slice(0, segment.length);
    const next = { ...parts, [segment.part]: digits };
    setParts(next);
    const nextIso = isoFromDateParts(next, withTime) ?? INCOMPLETE_DATE;
    setReported(nextIso);
    if (nextIso !== value) onChange(nextIso);
    if (digits.length === segment.length) inputs.current[index + 1]?.focus();
  };

  const backspaceToPrevious = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Backspace' && event.currentTarget.value === '' && index > 0) {
      event.preventDefault();
      inputs.current[index - 1]?.focus();
    }
  };

  return (
    <fieldset
      className={`field date-time-field ${shownError ? 'has-error' : ''}`}
      aria-describedby={shownError ? `${id}-error` : undefined}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setLeft(true);
      }}
    >
      <legend>{label}</legend>
      <div className="segments">
        {/* The date and the time each stay whole: a narrow field puts the time under the date. */}
        {[segments.slice(0, DATE_SEGMENTS.length), segments.slice(DATE_SEGMENTS.length)].map(
          (group, groupIndex) =>
            group.length > 0 && (
              <span key={groupIndex} className="segment-group">
                {group.map((segment) => {
                  const index = segments.indexOf(segment);
                  return (
                    <span key={segment.part} className="segment">
                      {index > 0 && segment.part !== 'hour' && (
                        <span className="separator" aria-hidden="true">
                          {segment.part === 'minute' ? ':' : words.separator}
                        </span>
                      )}
                      <input
                        ref={(element) => {
                          inputs.current[index] = element;
                        }}
                        className={`segment-${segment.part}`}
                        aria-label={words[segment.part].name}
                        placeholder={words[segment.part].hint}
                        inputMode="numeric"
                        pattern="[0-9]*"
                        maxLength={segment.length}
                        size={segment.length}
                        value={parts[segment.part]}
                        onChange={(event) => update(index, event.target.value)}
                        onKeyDown={backspaceToPrevious(index)}
                        aria-invalid={Boolean(shownError)}
                        aria-required={required}
                        autoComplete="off"
                      />
                    </span>
                  );
                })}
              </span>
            ),
        )}
      </div>
      <div className="message-slot">
        {shownError && (
          <p id={`${id}-error`} className="error" role="alert">
            {shownError}
          </p>
        )}
      </div>
    </fieldset>
  );
}
