import { useId } from 'react';
import type { HoldBasis } from '../../../shared/api/types';
import type { MessageKey } from '../../../shared/messages';
import type { ApiError } from '../../../shared/result';
import { DateTimeField } from '../../date-time-field';
import type { Language } from '../../../shared/messages';
import type { StaffText } from '../texts';

export const HOLD_BASES: HoldBasis[] = ['legalObligation', 'necessaryForActivities'];

interface Props {
  text: StaffText;
  language: Language;
  basis: HoldBasis | '';
  onBasis: (basis: HoldBasis | '') => void;
  review: string;
  onReview: (date: string) => void;
  basisError?: string;
  reviewError?: string;
  /** Where a page has two hold forms, each names its own fields. */
  labels?: { basis: string; review: string };
}

/**
 * Why a hold keeps data longer (the privacy statement names two grounds, and the hold records which)
 * and when it must be looked at again. No ground is preselected: someone has to choose.
 */
export function HoldTermsFields({
  text,
  language,
  basis,
  onBasis,
  review,
  onReview,
  basisError,
  reviewError,
  labels,
}: Props) {
  const id = useId();
  const { basis: basisLabel, review: reviewLabel } = labels ?? { basis: text.holdBasis, review: text.holdReview };
  return (
    <div className="field-row">
      <div className={`field ${basisError ? 'has-error' : ''}`}>
        <label htmlFor={id}>{basisLabel}</label>
        <select
          id={id}
          value={basis}
          onChange={(event) => onBasis(event.target.value as HoldBasis | '')}
          required
          aria-required
          aria-invalid={Boolean(basisError)}
          aria-describedby={basisError ? `${id}-error` : undefined}
        >
          <option value="">{text.chooseBasis}</option>
          {HOLD_BASES.map((name) => (
            <option key={name} value={name}>
              {text.basisNames[name]}
            </option>
          ))}
        </select>
        <div className="message-slot">
          {basisError && (
            <p id={`${id}-error`} className="error" role="alert">
              {basisError}
            </p>
          )}
        </div>
      </div>
      <DateTimeField label={reviewLabel} language={language} value={review} onChange={onReview} error={reviewError} />
    </div>
  );
}

/** A refused hold's errors by field; a review date the core refused is shown at the review field. */
export function holdErrorsOf(error: ApiError): Partial<Record<string, MessageKey>> {
  if (error.fields) return { ...error.fields };
  if (error.key === 'hold.reviewInPast' || error.key === 'hold.reviewTooLate') return { reviewAt: error.key };
  return { form: error.key };
}
