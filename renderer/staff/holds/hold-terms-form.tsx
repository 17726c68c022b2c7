import { useState, type FormEvent, type ReactNode } from 'react';
import type { HoldBasis } from '../../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../../shared/messages';
import type { Result } from '../../../shared/result';
import { endOfLocalDate } from '../../../shared/time';
import { DateTimeField } from '../../date-time-field';
import { Field } from '../../field';
import { useSingleFlight } from '../../use-single-flight';
import { ErrorLine } from '../kit/error-line';
import { SubmitButton } from '../kit/submit-button';
import { announceDeskChanged } from '../kit/desk-changed';
import type { StaffText } from '../texts';
import { HoldTermsFields, holdErrorsOf } from './hold-terms-fields';

/** What every hold records, whatever it holds: why, on which ground, until when, and when to look again. */
export interface HoldTerms {
  reason: string;
  basis: HoldBasis;
  endsAt: number | null;
  reviewAt: number | null;
}

/** Problems by field name; `form` for one that belongs to no field. */
export type HoldErrors = Partial<Record<string, MessageKey>>;

interface Props {
  text: StaffText;
  language: Language;
  timeZone: string;
  className: string;
  /** The form's accessible name, by a heading inside it (`labelledBy`) or as text (`label`). */
  labelledBy?: string;
  label?: string;
  /** What the form holds (a visit number, a camera and range): its own fields, shown above the terms. */
  target?: (message: (field: string) => string | undefined) => ReactNode;
  /** The target's own problems, found before anything is sent; nothing when there are none. */
  check?: (terms: { reason: string; basis: HoldBasis | '' }) => HoldErrors | undefined;
  /** Field labels where a page shows two hold forms; without `until` the hold runs until released. */
  labels: { reason: string; basis?: string; review?: string; until?: string; submit: string };
  autoFocus?: boolean;
  place: (terms: HoldTerms) => Promise<Result<unknown>>;
  onPlaced: () => void | Promise<unknown>;
  onCancel?: { label: string; run: () => void };
  /** Headings and a lead above the fields. */
  children?: ReactNode;
  /** Below the buttons, e.g. what was placed. */
  footer?: ReactNode;
}

/**
 * The one form that places a legal hold, on a visit, a camera's range or a file: reason, ground,
 * review date and end date with their checks and errors, and one hold for a double tap.
 */
export function HoldTermsForm({
  text,
  language,
  timeZone,
  className,
  labelledBy,
  label,
  target,
  check,
  labels,
  autoFocus,
  place,
  onPlaced,
  onCancel,
  children,
  footer,
}: Props) {
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [basis, setBasis] = useState<HoldBasis | ''>('');
  const [review, setReview] = useState('');
  const [errors, setErrors] = useState<HoldErrors>({});
  const { busy, start } = useSingleFlight();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start(async () => {
      const problems = check?.({ reason, basis });
      if (problems) return setErrors(problems);
      // "Until 31 March" keeps the data through that whole day in the kiosk's zone.
      const endsAt = until ? endOfLocalDate(until, timeZone) : null;
      if (Number.isNaN(endsAt)) return setErrors({ endsAt: 'date.incomplete' }); // half a date is no "until released"
      const reviewAt = review ? endOfLocalDate(review, timeZone) : null;
      if (Number.isNaN(reviewAt)) return setErrors({ reviewAt: 'date.incomplete' });
      // An empty ground is refused by the channel with hold.basisRequired.
      const result = await place({ reason, basis: basis as HoldBasis, endsAt, reviewAt });
      if (!result.ok) {
        const { fields } = result.error;
        return setErrors(fields ? { ...fields, form: fields._ } : holdErrorsOf(result.error));
      }
      announceDeskChanged();
      setErrors({});
      setReason('');
      setUntil('');
      setBasis('');
      setReview('');
      await onPlaced();
    });
  };

  const message = (field: string) => {
    const key = errors[field];
    return key ? translate(key, language) : undefined;
  };
  return (
    <form
      className={className}
      aria-labelledby={labelledBy}
      aria-label={label}
      onSubmit={submit}
      autoComplete="off"
      noValidate
    >
      {children}
      {target?.(message)}
      <Field
        label={labels.reason}
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={message('reason')}
        autoFocus={autoFocus}
        required
      />
      <HoldTermsFields
        text={text}
        language={language}
        basis={basis}
        onBasis={setBasis}
        review={review}
        onReview={setReview}
        basisError={message('basis')}
        reviewError={message('reviewAt')}
        labels={labels.basis && labels.review ? { basis: labels.basis, review: labels.review } : undefined}
      />
      {labels.until && (
        <div className="field-row keep-columns">
          <DateTimeField
            label={labels.until}
            language={language}
            value={until}
            onChange={setUntil}
            error={message('endsAt')}
          />
        </div>
      )}
      <ErrorLine message={message('form')} />
      <div className="actions">
        <SubmitButton busy={busy} className={onCancel ? 'primary small' : 'primary'}>
          {labels.submit}
        </SubmitButton>
        {onCancel && (
          <button type="button" className="secondary small" onClick={onCancel.run}>
            {onCancel.label}
          </button>
        )}
      </div>
      {footer}
    </form>
  );
}
