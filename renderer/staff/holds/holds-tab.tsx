import { useCallback, useId, useState } from 'react';
import type { LegalHold } from '../../../shared/api/types';
import { translate, type MessageKey } from '../../../shared/messages';
import { formatDateTime, formatIsoDate } from '../../../shared/date-format';
import { endOfLocalDate, localDateThrough } from '../../../shared/time';
import { DateTimeField } from '../../date-time-field';
import { Field } from '../../field';
import { ScreenHeading } from '../../screen-heading';
import { HoldTermsForm } from './hold-terms-form';
import { ConfirmButton } from '../kit/confirm-button';
import { ErrorLine } from '../kit/error-line';
import type { StaffTabProps } from '../kit/tab-props';
import { useAction } from '../kit/use-action';
import './holds-tab.css';
import { holdConfirmText } from './holds-texts';
import { useLoaded } from '../kit/use-loaded';
import { breakable } from '../kit/breakable-text';
import { DataTable, type Column } from '../kit/data-table';
import { keepDatesWhole } from '../kit/whole-dates';

export function HoldsTab({ client, language, text, timeZone }: StaffTabProps) {
  const load = useCallback(() => client.invoke('holds.list', {}), [client]);
  const { value: holds, error, reload } = useLoaded(load);
  const action = useAction(language, reload);
  const [visit, setVisit] = useState('');
  const formHeadingId = useId();
  const [newReview, setNewReview] = useState<Record<number, string>>({});

  async function extendReview(holdId: number) {
    const date = newReview[holdId];
    const result = await action.run(() =>
      client.invoke('holds.extendReview', { holdId, reviewAt: date ? endOfLocalDate(date, timeZone) : 0 }),
    );
    if (result?.ok) setNewReview((dates) => ({ ...dates, [holdId]: '' }));
  }

  const release = (holdId: number) => action.run(() => client.invoke('holds.release', { holdId }));

  const when = (epochMs: number) => formatDateTime(epochMs, timeZone, language);
  const message = (key?: MessageKey) => (key ? translate(key, language) : undefined);
  const target = (hold: LegalHold) => {
    if (hold.kind === 'visit') return text.holdTargetVisit(hold.visitId ?? 0);
    // Camera names and times in the kiosk's zone; the path (a recorder's raw, often UTC, folders) only
    // for a file that is not indexed.
    if (hold.kind === 'footage-file')
      return hold.recordedAt !== null
        ? `${hold.cameraName ?? hold.camera}: ${formatDateTime(hold.recordedAt, timeZone, language)}`
        : (hold.footagePath ?? '');
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

  const columns: Column<LegalHold>[] = [
    {
      key: 'target',
      header: text.holdColumns.visit,
      rowHeader: true,
      // A file's path wraps at its slashes; the whole of it stays in the tooltip.
      cell: (hold) => <span title={hold.footagePath ?? undefined}>{breakable(keepDatesWhole(target(hold)))}</span>,
    },
    {
      key: 'reason',
      header: text.holdColumns.reasonAndBasis,
      cell: (hold) => (
        <>
          {breakable(hold.reason)}
          <br />
          <small>{text.basisNames[hold.basis]}</small>
        </>
      ),
    },
    {
      // When and by whom, one above the other, as the reason above its ground.
      key: 'placed',
      header: (
        <>
          {text.holdColumns.placed}
          <br />
          {text.holdColumns.by}
        </>
      ),
      cell: (hold) => (
        <>
          {keepDatesWhole(when(hold.placedAt))}
          <br />
          <small>{hold.placedBy}</small>
        </>
      ),
    },
    {
      key: 'until',
      header: text.holdColumns.until,
      cell: (hold) => (hold.endsAt ? keepDatesWhole(holdEnd(hold.endsAt)) : text.untilReleased),
    },
    {
      key: 'review',
      header: text.holdColumns.review,
      cell: (hold) => (
        <>
          {keepDatesWhole(reviewDay(hold.reviewAt))}
          {hold.pastReview && <strong> ({text.pastReview})</strong>}
        </>
      ),
    },
  ];

  // Under each hold, across the table: a new review date, and releasing it.
  const holdPanel = (hold: LegalHold) => (
    <div className="hold-actions">
      <div className="inline-edit">
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
          disabled={action.busy}
          aria-busy={action.busy}
          onClick={() => void extendReview(hold.id)}
        >
          {text.extend}
        </button>
      </div>
      <ConfirmButton
        label={text.release}
        ariaLabel={text.releaseHold(hold.id)}
        question={holdConfirmText[language].releaseQuestion(hold.id)}
        confirmLabel={holdConfirmText[language].confirmRelease}
        language={language}
        disabled={action.busy}
        onConfirm={() => release(hold.id)}
      />
    </div>
  );

  return (
    <>
      <ScreenHeading>{text.holdsTitle}</ScreenHeading>
      <p className="lead">{text.holdsLead}</p>
      <ErrorLine message={action.message ?? message(error?.key)} />
      {holds && holds.length === 0 && <p>{text.noHolds}</p>}
      {holds && holds.length > 0 && (
        <DataTable
          caption={text.holdsTitle}
          className="holds-table"
          columns={columns}
          rows={holds}
          rowKey={(hold) => hold.id}
          rowPanel={holdPanel}
        />
      )}
      <HoldTermsForm
        text={text}
        language={language}
        timeZone={timeZone}
        className="hold-form"
        labelledBy={formHeadingId}
        labels={{ reason: text.holdReason, until: text.holdUntil, submit: text.place }}
        target={(fieldMessage) => (
          <div className="field-row keep-columns">
            <Field
              label={text.holdVisit}
              inputMode="numeric"
              value={visit}
              onChange={(value) => setVisit(value.replace(/\D/g, ''))}
              error={fieldMessage('visitId')}
              required
            />
          </div>
        )}
        place={(terms) => client.invoke('holds.placeOnVisit', { visitId: Number(visit) || 0, ...terms })}
        onPlaced={async () => {
          setVisit('');
          await reload();
        }}
      >
        <h2 id={formHeadingId}>{text.placeHold}</h2>
      </HoldTermsForm>
    </>
  );
}
