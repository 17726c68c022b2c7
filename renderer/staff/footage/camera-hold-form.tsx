import { DateTime } from 'luxon';
import { useId, useState, type FormEvent } from 'react';
import type { HoldBasis } from '../../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import { endOfLocalDate } from '../../../shared/time';
import type { ApiClient } from '../../api/client';
import { DateTimeField } from '../../date-time-field';
import { Field } from '../../field';
import { ErrorLine } from '../kit/error-line';
import { HoldTermsFields, holdErrorsOf } from '../holds/hold-terms-fields';
import type { StaffText } from '../texts';

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
  /** Each camera's id (what the hold records) and the name people know it by. */
  cameras: { camera: string; cameraName: string }[];
  onPlaced: () => Promise<unknown>;
}

type Errors = Partial<Record<string, MessageKey>>;

/** A `datetime-local` value as a moment in the kiosk's zone, whatever zone the browser is in. */
function millisInZone(value: string, zone: string): number | null {
  const parsed = DateTime.fromISO(value, { zone });
  return parsed.isValid ? parsed.toMillis() : null;
}

/** A legal hold on what one camera recorded over a time range. */
export function CameraHoldForm({ client, language, text, timeZone, cameras, onPlaced }: Props) {
  const [camera, setCamera] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [basis, setBasis] = useState<HoldBasis | ''>('');
  const [review, setReview] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [placed, setPlaced] = useState<string | null>(null);
  const headingId = useId();
  const cameraId = useId();

  async function place(event: FormEvent) {
    event.preventDefault();
    setPlaced(null);
    const start = millisInZone(from, timeZone);
    const end = millisInZone(to, timeZone);
    const problems: Errors = {
      camera: camera ? undefined : 'hold.cameraRequired',
      from: start === null ? 'hold.dateTimeRequired' : undefined,
      to: end === null ? 'hold.dateTimeRequired' : undefined,
      reason: reason.trim() ? undefined : 'hold.reasonRequired',
      basis: basis ? undefined : 'hold.basisRequired',
    };
    if (start !== null && end !== null && end <= start) problems.to = 'hold.rangeEndNotAfterStart';
    if (start === null || end === null || Object.values(problems).some(Boolean)) return setErrors(problems);

    // "Until 31 March" keeps the footage through that whole day in the kiosk's zone, as on the holds tab.
    const endsAt = until ? endOfLocalDate(until, timeZone) : null;
    if (Number.isNaN(endsAt)) return setErrors({ endsAt: 'date.incomplete' }); // half a date is no "until released"
    const reviewAt = review ? endOfLocalDate(review, timeZone) : null;
    if (Number.isNaN(reviewAt)) return setErrors({ review: 'date.incomplete' });
    const result = await client.invoke('holds.placeOnFootage', {
      camera,
      from: start,
      to: end,
      reason,
      endsAt,
      basis: basis as HoldBasis,
      reviewAt,
    });
    if (!result.ok) {
      const { fields } = result.error;
      return setErrors(fields ? { ...fields, form: fields._ } : holdErrorsOf(result.error));
    }
    setErrors({});
    setPlaced(
      text.rangeHoldPlaced(camera, formatDateTime(start, timeZone, language), formatDateTime(end, timeZone, language)),
    );
    setCamera('');
    setFrom('');
    setTo('');
    setReason('');
    setUntil('');
    setBasis('');
    setReview('');
    await onPlaced();
  }

  const message = (key?: MessageKey) => (key ? translate(key, language) : undefined);
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={place} autoComplete="off" noValidate>
      <h2 id={headingId}>{text.rangeHoldTitle}</h2>
      <p>{text.rangeHoldLead}</p>
      <div className="field-row keep-columns">
        <div className={`field ${errors.camera ? 'has-error' : ''}`}>
          <label htmlFor={cameraId}>{text.cameraColumns.camera}</label>
          <select
            id={cameraId}
            value={camera}
            onChange={(event) => setCamera(event.target.value)}
            required
            aria-required
            aria-invalid={Boolean(errors.camera)}
            aria-describedby={errors.camera ? `${cameraId}-error` : undefined}
          >
            <option value="">{text.chooseCamera}</option>
            {cameras.map((option) => (
              <option key={option.camera} value={option.camera}>
                {option.cameraName}
              </option>
            ))}
          </select>
          <div className="message-slot">
            {errors.camera && (
              <p id={`${cameraId}-error`} className="error" role="alert">
                {message(errors.camera)}
              </p>
            )}
          </div>
        </div>
      </div>
      <div className="field-row">
        <DateTimeField
          label={text.rangeFrom}
          withTime
          language={language}
          value={from}
          onChange={setFrom}
          error={message(errors.from)}
          required
        />
        <DateTimeField
          label={text.rangeTo}
          withTime
          language={language}
          value={to}
          onChange={setTo}
          error={message(errors.to)}
          required
        />
      </div>
      <Field
        label={text.holdReason}
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={message(errors.reason)}
        required
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
      />
      <div className="field-row keep-columns">
        <DateTimeField
          label={text.rangeHoldUntil}
          language={language}
          value={until}
          onChange={setUntil}
          error={message(errors.endsAt)}
        />
      </div>
      <ErrorLine message={message(errors.form)} />
      <div className="actions">
        <button type="submit" className="primary">
          {text.place}
        </button>
      </div>
      {placed && (
        <p className="success" role="status">
          {placed}
        </p>
      )}
    </form>
  );
}
