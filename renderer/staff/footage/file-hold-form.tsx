import { useState } from 'react';
import type { HoldBasis } from '../../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../../shared/messages';
import { endOfLocalDate } from '../../../shared/time';
import type { ApiClient } from '../../api/client';
import { Field } from '../../field';
import { ErrorLine } from '../kit/error-line';
import { footageTimelineText } from './footage-timeline-texts';
import { HoldTermsFields, holdErrorsOf } from '../holds/hold-terms-fields';
import type { StaffText } from '../texts';

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
  /** The file's path under the footage root (what a file hold names). */
  path: string;
  onPlaced: () => void;
  onCancel: () => void;
}

/** A hold on one footage file, with its own reason, ground and review date, shown where it was asked for. */
export function FileHoldForm({ client, language, text, timeZone, path, onPlaced, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState<HoldBasis | ''>('');
  const [review, setReview] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const [busy, setBusy] = useState(false);
  const own = footageTimelineText[language];
  const message = (key?: MessageKey) => (key ? translate(key, language) : undefined);

  async function place() {
    setBusy(true);
    const result = await client.invoke('holds.placeOnFootage', {
      path,
      reason,
      basis: basis as HoldBasis,
      reviewAt: review ? endOfLocalDate(review, timeZone) : null,
    });
    setBusy(false);
    if (!result.ok) {
      const { fields } = result.error;
      return setErrors(fields ? { ...fields, form: fields._ } : holdErrorsOf(result.error));
    }
    setErrors({});
    onPlaced();
  }

  return (
    <form
      className="file-hold"
      noValidate
      aria-label={own.reasonFor(path)}
      onSubmit={(event) => {
        event.preventDefault();
        void place();
      }}
    >
      <Field
        label={text.holdReasonForFile}
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={message(errors.reason)}
        autoFocus
      />
      <HoldTermsFields
        text={text}
        language={language}
        basis={basis}
        onBasis={setBasis}
        review={review}
        onReview={setReview}
        basisError={message(errors.basis)}
        reviewError={message(errors.reviewAt)}
        labels={{ basis: text.holdBasisForFile, review: text.holdReviewForFile }}
      />
      <ErrorLine message={message(errors.form)} />
      <div className="actions">
        <button type="submit" className="primary small" disabled={busy}>
          {own.place}
        </button>
        <button type="button" className="secondary small" onClick={onCancel}>
          {own.cancel}
        </button>
      </div>
    </form>
  );
}
