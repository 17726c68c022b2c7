import { useCallback, useState, type FormEvent } from 'react';
import type { HoldBasis, LegalHold } from '../../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../../shared/messages';
import { formatDateTime, formatIsoDate } from '../../../shared/date-format';
import { endOfLocalDate, localDateThrough } from '../../../shared/time';
import type { ApiClient } from '../../api/client';
import { DateTimeField } from '../../date-time-field';
import { Field } from '../../field';
import { ScreenHeading } from '../../screen-heading';
import { HoldTermsFields, holdErrorsOf as errorsOf } from './hold-terms-fields';
import type { StaffText } from '../texts';
import { ConfirmButton } from '../kit/confirm-button';
import './holds-tab.css';
import { holdConfirmText } from './holds-texts';
import { useLoaded } from '../kit/use-loaded';

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
}

export function HoldsTab({ client, language, text, timeZone }: Props) {
  const load = useCallback(() => client.invoke('holds.list', {}), [client]);
  const { value: holds, error, reload } = useLoaded(load);
  const [visit, setVisit] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [basis, setBasis] = useState<HoldBasis | ''>('');
  const [review, setReview] = useState('');
  const [newReview, setNewReview] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Partial<Record<string, MessageKey>>>({});

  async function place(event: FormEvent) {
    event.preventDefault();
    // "Until 31 March" keeps the visit through that whole day in the kiosk's zone.
    const endsAt = until ? endOfLocalDate(until, timeZone) : null;
    if (Number.isNaN(endsAt)) return setErrors({ endsAt: 'date.incomplete' }); // half a date is no "until released"
    const reviewAt = review ? endOfLocalDate(review, timeZone) : null;
    if (Number.isNaN(reviewAt)) return setErrors({ review: 'date.incomplete' });
    const result = await client.invoke('holds.placeOnVisit', {
      visitId: Number(visit) || 0,
      reason,
      endsAt,
      basis: basis as HoldBasis, // an empty choice is refused by the channel with hold.basisRequired
      reviewAt,
    });
    if (!result.ok) return setErrors(errorsOf(result.error));
    setErrors({});
    setVisit('');
    setReason('');
    setUntil('');
    setBasis('');
    setReview('');
    await reload();
  }

  async function extendReview(holdId: number) {
    const date = newReview[holdId];
    const result = await client.invoke('holds.extendReview', {
      holdId,
      reviewAt: date ? endOfLocalDate(date, timeZone) : 0,
    });
    setErrors(result.ok ? {} : { form: result.error.key });
    if (result.ok) setNewReview((dates) => ({ ...dates, [holdId]: '' }));
    await reload();
  }

  async function release(holdId: number) {
    const result = await client.invoke('holds.release', { holdId });
    setErrors(result.ok ? {} : { form: result.error.key });
    await reload();
  }

  const message = (key?: MessageKey) => (key ? translate(key, language) : undefined);
  const target = (hold: LegalHold) => {
    if (hold.kind === 'visit') return text.holdTargetVisit(hold.visitId ?? 0);
    // Camera names and times in the kiosk's zone; the path (a recorder's raw, often UTC, folders) only
    // for a file that is not indexed.
    if (hold.kind === 'footage-file')
      return hold.recordedAt !== null
        ? `${hold.cameraName ?? hold.camera}: ${formatDateTime(hold.recordedAt, timeZone, language)}`
        : hold.footagePath;
    return `${hold.cameraName ?? hold.camera}: ${formatDateTime(hold.rangeStart ?? 0, timeZone, language)} – ${formatDateTime(hold.rangeEnd ?? 0, timeZone, language)}`;
  };
  // A hold placed "through 31 March" ends at the start of 1 April: shown as the day that was entered.
  const holdEnd = (endsAt: number) => {
    const through = localDateThrough(endsAt, timeZone);
    return through ? text.throughDay(formatIsoDate(through, language)) : formatDateTime(endsAt, timeZone, language);
  };
  const reviewDay = (reviewAt: number) => {
    const through = localDateThrough(reviewAt, timeZone);
    return through ? formatIsoDate(through, language) : formatDateTime(reviewAt, timeZone, language);
  };

  return (
    <>
      <ScreenHeading>{text.holdsTitle}</ScreenHeading>
      <p className="lead">{text.holdsLead}</p>
      {(error || errors.form) && (
        <p className="form-error" role="alert">
          {message(errors.form ?? error?.key)}
        </p>
      )}
      {holds && holds.length === 0 && <p>{text.noHolds}</p>}
      {holds && holds.length > 0 && (
        <table className="visits">
          <caption className="visually-hidden">{text.holdsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{text.holdColumns.visit}</th>
              <th scope="col">{text.holdColumns.reasonAndBasis}</th>
              <th scope="col">{text.holdColumns.placed}</th>
              <th scope="col">{text.holdColumns.until}</th>
              <th scope="col">{text.holdColumns.review}</th>
              <th scope="col">{text.holdColumns.by}</th>
              <th scope="col">{text.columns.action}</th>
            </tr>
          </thead>
          <tbody>
            {holds.map((hold) => (
              <tr key={hold.id}>
                <th scope="row" title={hold.footagePath ?? undefined}>
                  {target(hold)}
                </th>
                <td>
                  {hold.reason}
                  <br />
                  <small>{text.basisNames[hold.basis]}</small>
                </td>
                <td className="when">{formatDateTime(hold.placedAt, timeZone, language)}</td>
                <td className="when">{hold.endsAt ? holdEnd(hold.endsAt) : text.untilReleased}</td>
                <td className="when">
                  {reviewDay(hold.reviewAt)}
                  {hold.pastReview && <strong> ({text.pastReview})</strong>}
                  <span className="inline-edit">
                    <DateTimeField
                      label={text.extendReviewLabel(hold.id)}
                      language={language}
                      value={newReview[hold.id] ?? ''}
                      onChange={(value) => setNewReview((dates) => ({ ...dates, [hold.id]: value }))}
                    />
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={text.extendReviewButton(hold.id)}
                      onClick={() => extendReview(hold.id)}
                    >
                      {text.extend}
                    </button>
                  </span>
                </td>
                <td>{hold.placedBy}</td>
                <td>
                  <ConfirmButton
                    label={text.release}
                    ariaLabel={text.releaseHold(hold.id)}
                    question={holdConfirmText[language].releaseQuestion(hold.id)}
                    confirmLabel={holdConfirmText[language].confirmRelease}
                    language={language}
                    onConfirm={() => release(hold.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="hold-form" onSubmit={place} autoComplete="off" noValidate>
        <h2>{text.placeHold}</h2>
        <div className="field-row">
          <Field
            label={text.holdVisit}
            inputMode="numeric"
            value={visit}
            onChange={(value) => setVisit(value.replace(/\D/g, ''))}
            error={message(errors.visitId)}
            required
          />
          <DateTimeField
            label={text.holdUntil}
            language={language}
            value={until}
            onChange={setUntil}
            error={message(errors.endsAt)}
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
        <div className="actions">
          <button type="submit" className="primary">
            {text.place}
          </button>
        </div>
      </form>
    </>
  );
}
