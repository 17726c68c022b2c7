import { useCallback, useId, useState, type FormEvent } from 'react';
import {
  PRIVACY_PURPOSES,
  type PrivacyExpectedVisit,
  type PrivacyPurpose,
  type PrivacySearchResult,
  type PrivacyVisit,
  type VisitFootage,
} from '../../../shared/api/privacy';
import { translate, type Language, type MessageKey } from '../../../shared/messages';
import { BRIDGE_GLOBAL, mediaUrl } from '../../../shared/api/bridge';
import type { FootageRow, HoldBasis } from '../../../shared/api/types';
import { endOfLocalDate } from '../../../shared/time';
import type { ApiError } from '../../../shared/result';
import { formatDate, formatDateTime, formatIsoDate, formatTime } from '../../../shared/date-format';
import { DateTimeField } from '../../date-time-field';
import { Field } from '../../field';
import { ScreenHeading } from '../../screen-heading';
import { useSingleFlight } from '../../use-single-flight';
import { HoldTermsFields } from '../holds/hold-terms-fields';
import { staffText } from '../texts';
import { PrivacyExportsList } from './privacy-exports-list';
import { privacyText } from './privacy-texts';
import { DataTable } from '../kit/data-table';
import { useLoaded } from '../kit/use-loaded';
import type { StaffTabProps } from '../kit/tab-props';
import './privacy-tab.css';

type Action = 'export' | 'restrict' | 'unrestrict' | 'erase' | 'correct' | 'footage';

/** A row of the results: a visit, or an expected visit (an invitation; the person may never have come). */
type Hit = (PrivacyVisit & { kind: 'visit' }) | PrivacyExpectedVisit;

interface Correction {
  firstName: string;
  lastName: string;
  company: string;
  plate: string;
}

/** Data-subject requests: find a person's visits, then act on the selection, each step confirmed. */
export function PrivacyTab({ client, language }: StaffTabProps) {
  const text = privacyText[language];
  const purposeId = useId();
  const copyLanguageId = useId();
  const [query, setQuery] = useState('');
  const [purpose, setPurpose] = useState<PrivacyPurpose | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<PrivacySearchResult | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [selectedExpected, setSelectedExpected] = useState<Set<number>>(new Set());
  const [copyLanguage, setCopyLanguage] = useState<Language>(language);
  const terms = useLoaded(useCallback(() => client.invoke('privacy.exportTerms', {}), [client]));
  const exportDays = terms.value?.exportDays ?? null;
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<Action | null>(null);
  const [correction, setCorrection] = useState<Correction | null>(null);
  const [footage, setFootage] = useState<VisitFootage | null>(null);
  const [playing, setPlaying] = useState<{ url: string; row: FootageRow } | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A police request's hold on the originals: the ground the officer picks, and its review date.
  const [basis, setBasis] = useState<HoldBasis | ''>('');
  const [review, setReview] = useState('');
  const [exportsShown, setExportsShown] = useState(0);

  const zone = result?.timeZone ?? 'Europe/Amsterdam';
  const visits = result?.visits ?? [];
  const expected = result?.expected ?? [];
  const hits: Hit[] = [...visits, ...expected];
  const chosen = visits.filter((visit) => selected.has(visit.id));
  const chosenExpected = expected.filter((hit) => selectedExpected.has(hit.id));
  const chosenCount = chosen.length + chosenExpected.length;
  // Correcting and footage are for one visit; an expected visit has neither.
  const only = chosen.length === 1 && chosenExpected.length === 0 ? chosen[0]! : null;
  const isChosen = (hit: Hit) => (hit.kind === 'visit' ? selected : selectedExpected).has(hit.id);
  const message = (key?: MessageKey) => (key ? translate(key, language) : undefined);

  const updateVisits = (change: (visits: PrivacyVisit[]) => PrivacyVisit[]) =>
    setResult((current) =>
      current
        ? { ...current, visits: change(current.visits).map((visit) => ({ ...visit, kind: 'visit' as const })) }
        : current,
    );

  function showError(error: ApiError) {
    setDone(null);
    // The list may predate the hold: show it now.
    const heldId = error.key === 'privacy.visitHeld' ? error.params?.visitId : undefined;
    if (heldId !== undefined)
      updateVisits((list) => list.map((visit) => (visit.id === heldId ? { ...visit, held: true } : visit)));
    setErrors(error.fields ?? {});
    setFormError(
      error.fields ? translate('validation.failed', language) : translate(error.key, language, error.params),
    );
  }

  function clearMessages() {
    setErrors({});
    setFormError(null);
    setDone(null);
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    clearMessages();
    const found = await client.invoke('privacy.searchVisits', {
      query,
      purpose: purpose as PrivacyPurpose,
      from: from || undefined,
      to: to || undefined,
    });
    if (!found.ok) return showError(found.error);
    setResult(found.value);
    setSelected(new Set());
    setSelectedExpected(new Set());
    setPending(null);
    setCorrection(null);
    setFootage(null);
  }

  function ask(action: Action) {
    clearMessages();
    // Each step is audited with its own reason: none carries over from the step before.
    setReason('');
    if (action === 'correct' && only)
      setCorrection({
        firstName: only.firstName,
        lastName: only.lastName,
        company: only.company ?? '',
        plate: only.plate ?? '',
      });
    setPending(action);
  }

  const { busy, start } = useSingleFlight();
  // Erasing, restricting or exporting twice for one tap is never what was meant.
  const confirm = () => void start(confirmPending);

  async function confirmPending() {
    const ids = chosen.map((visit) => visit.id);
    const expectedIds = chosenExpected.map((hit) => hit.id);
    const action = pending;
    clearMessages();
    if (action === 'export') {
      const copy = await client.invoke('privacy.exportVisits', {
        visitIds: ids,
        expectedIds,
        language: copyLanguage,
        purpose: (purpose || 'other') as PrivacyPurpose,
      });
      if (!copy.ok) return showError(copy.error);
      // The copy is written into the export folder and recorded there, never downloaded elsewhere.
      setDone(
        text.exported(
          copy.value.count,
          copy.value.expectedCount,
          copy.value.htmlFile,
          formatDateTime(copy.value.expiresAt, zone, language),
        ),
      );
      setExportsShown((count) => count + 1);
    } else if (action === 'restrict' || action === 'unrestrict') {
      const changed =
        action === 'restrict'
          ? await client.invoke('privacy.restrictVisits', { visitIds: ids, reason })
          : await client.invoke('privacy.unrestrictVisits', { visitIds: ids, reason: reason || undefined });
      if (!changed.ok) return showError(changed.error);
      updateVisits((list) =>
        list.map((visit) => (selected.has(visit.id) ? { ...visit, restricted: action === 'restrict' } : visit)),
      );
      setDone(action === 'restrict' ? text.restrictedDone(ids.length) : text.unrestrictedDone(ids.length));
    } else if (action === 'erase') {
      const erased = await client.invoke('privacy.eraseVisits', { visitIds: ids, expectedIds, reason });
      if (!erased.ok) return showError(erased.error);
      setResult((current) =>
        current
          ? {
              ...current,
              visits: current.visits.filter((visit) => !selected.has(visit.id)),
              expected: current.expected.filter((hit) => !selectedExpected.has(hit.id)),
            }
          : current,
      );
      setSelected(new Set());
      setSelectedExpected(new Set());
      setFootage(null);
      setDone(text.erased(erased.value.erased, erased.value.erasedExpected));
      setExportsShown((count) => count + 1);
    } else if (action === 'correct' && only && correction) {
      const corrected = await client.invoke('privacy.correctVisit', { visitId: only.id, ...correction });
      if (!corrected.ok) return showError(corrected.error);
      updateVisits((list) => list.map((visit) => (visit.id === only.id ? corrected.value : visit)));
      setCorrection(null);
      setDone(text.corrected(only.id));
    } else if (action === 'footage' && footage) {
      const police = purpose === 'policeRequest';
      const exported = await client.invoke('privacy.exportFootage', {
        visitId: footage.visitId,
        reason,
        purpose: (purpose || 'other') as PrivacyPurpose,
        ...(police ? { basis: basis || undefined, reviewAt: review ? endOfLocalDate(review, zone) : null } : {}),
      });
      if (!exported.ok) return showError(exported.error);
      const shown = await client.invoke('privacy.visitFootage', { visitId: footage.visitId });
      if (shown.ok) setFootage(shown.value);
      setDone(
        text.footageExported(
          exported.value.manifest.files.length,
          exported.value.folder,
          exported.value.manifest.holdIds.length > 0,
          formatDateTime(exported.value.expiresAt, zone, language),
        ),
      );
      setExportsShown((count) => count + 1);
    }
    setPending(null);
  }

  async function play(row: FootageRow) {
    clearMessages();
    const ticket = await client.invoke('privacy.playFootage', { fileId: row.id, visitId: footage?.visitId });
    if (!ticket.ok) return showError(ticket.error);
    setPlaying({ url: mediaUrl(ticket.value.ticket, window[BRIDGE_GLOBAL] !== undefined), row });
  }

  async function showFootage() {
    if (!only) return;
    clearMessages();
    const shown = await client.invoke('privacy.visitFootage', { visitId: only.id });
    if (!shown.ok) return showError(shown.error);
    setFootage(shown.value);
    setPlaying(null);
  }

  function toggle(hit: Hit) {
    setPending(null);
    (hit.kind === 'visit' ? setSelected : setSelectedExpected)((current) => {
      const id = hit.id;
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const confirmation = (() => {
    switch (pending) {
      case 'export':
        return text.confirmExport(chosen.length, chosenExpected.length, text.languages[copyLanguage], exportDays);
      case 'restrict':
        return text.confirmRestrict(chosen.length);
      case 'unrestrict':
        return text.confirmUnrestrict(chosen.length);
      case 'erase':
        return text.confirmErase(chosen.length, chosenExpected.length);
      case 'correct':
        return only ? text.confirmCorrect(only.id) : null;
      case 'footage':
        return footage ? text.confirmFootage(footage.files.length, purpose === 'policeRequest') : null;
      default:
        return null;
    }
  })();
  const needsReason = pending === 'restrict' || pending === 'erase' || pending === 'footage';

  return (
    <>
      <ScreenHeading>{text.title}</ScreenHeading>
      <p className="lead">{text.lead}</p>
      <form className="privacy-section" onSubmit={search} autoComplete="off" noValidate role="search">
        <div className="field-row">
          <Field
            label={text.query}
            value={query}
            onChange={setQuery}
            maxLength={200}
            error={message(errors.query)}
            required
          />
          <div className={`field ${errors.purpose ? 'has-error' : ''}`}>
            <label htmlFor={purposeId}>{text.purpose}</label>
            <select
              id={purposeId}
              value={purpose}
              required
              aria-required
              aria-invalid={Boolean(errors.purpose)}
              onChange={(event) => setPurpose(event.target.value as PrivacyPurpose)}
            >
              <option value="">{text.choosePurpose}</option>
              {PRIVACY_PURPOSES.map((option) => (
                <option key={option} value={option}>
                  {text.purposes[option]}
                </option>
              ))}
            </select>
            <div className="message-slot">
              {errors.purpose && (
                <p className="error" role="alert">
                  {message(errors.purpose)}
                </p>
              )}
            </div>
          </div>
        </div>
        <div className="field-row">
          <DateTimeField
            label={text.from}
            language={language}
            value={from}
            onChange={setFrom}
            error={message(errors.from)}
          />
          <DateTimeField label={text.to} language={language} value={to} onChange={setTo} error={message(errors.to)} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {text.search}
          </button>
        </div>
      </form>

      {formError && !pending && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}

      {result && (
        <>
          <p className="count">{text.hits(visits.length, expected.length)}</p>
          {result.truncated && <p>{text.truncated}</p>}
          {hits.length === 0 && <p className="lead">{text.noHits}</p>}
          {hits.length > 0 && (
            <DataTable<Hit>
              className="privacy-results"
              caption={text.resultsCaption}
              columns={[
                {
                  key: 'select',
                  header: (
                    <input
                      type="checkbox"
                      className="select-visit"
                      aria-label={text.selectAll}
                      checked={chosenCount === hits.length}
                      onChange={(event) => {
                        setPending(null);
                        setSelected(new Set(event.target.checked ? visits.map((visit) => visit.id) : []));
                        setSelectedExpected(new Set(event.target.checked ? expected.map((hit) => hit.id) : []));
                      }}
                    />
                  ),
                  cell: (hit) => (
                    <input
                      type="checkbox"
                      className="select-visit"
                      aria-label={hit.kind === 'visit' ? text.selectVisit(hit.id) : text.selectExpected(hit.id)}
                      checked={isChosen(hit)}
                      onChange={() => toggle(hit)}
                    />
                  ),
                },
                {
                  key: 'visit',
                  header: text.columns.visit,
                  cell: (hit) => (hit.kind === 'visit' ? hit.id : `${text.expectedMark} ${hit.id}`),
                },
                {
                  key: 'date',
                  header: text.columns.date,
                  cell: (hit) =>
                    hit.kind === 'visit'
                      ? formatDate(hit.signedInAt, zone, language)
                      : formatIsoDate(hit.visitDate, language),
                },
                {
                  key: 'in',
                  header: text.columns.in,
                  cell: (hit) => (hit.kind === 'visit' ? formatTime(hit.signedInAt, zone) : null),
                  nowrap: true,
                },
                {
                  key: 'out',
                  header: text.columns.out,
                  cell: (hit) =>
                    hit.kind !== 'visit'
                      ? null
                      : hit.signedOutAt === null
                        ? text.onSite
                        : formatDateTime(hit.signedOutAt, zone, language),
                },
                {
                  key: 'name',
                  header: text.columns.name,
                  cell: (hit) => `${hit.firstName} ${hit.lastName}`,
                  rowHeader: true,
                },
                { key: 'company', header: text.columns.company, cell: (hit) => hit.company },
                { key: 'plate', header: text.columns.plate, cell: (hit) => hit.plate },
                {
                  key: 'status',
                  header: text.columns.status,
                  cell: (hit) =>
                    hit.kind === 'visit'
                      ? [hit.held ? text.held : '', hit.restricted ? text.restricted : ''].filter(Boolean).join(', ')
                      : null,
                },
              ]}
              rows={hits}
              rowKey={(hit) => `${hit.kind}:${hit.id}`}
              rowClassName={(hit) => (hit.kind === 'expected' ? 'expected-visit' : undefined)}
            />
          )}
        </>
      )}

      {chosenCount > 0 && (
        <section className="privacy-section" aria-label={text.selected(chosen.length, chosenExpected.length)}>
          <p className="count">{text.selected(chosen.length, chosenExpected.length)}</p>
          <div className="field-row">
            <div className="field">
              <label htmlFor={copyLanguageId}>{text.copyLanguage}</label>
              <select
                id={copyLanguageId}
                value={copyLanguage}
                onChange={(event) => setCopyLanguage(event.target.value as Language)}
              >
                <option value="nl">{text.languages.nl}</option>
                <option value="en">{text.languages.en}</option>
              </select>
              <div className="message-slot" />
            </div>
          </div>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => ask('export')}>
              {text.exportCopy}
            </button>
            {only && (
              <button type="button" className="secondary" onClick={() => ask('correct')}>
                {text.correct}
              </button>
            )}
            {/* Restriction keeps a visit out of the usual lists; an expected visit is erased or kept. */}
            {chosen.length > 0 && (
              <button type="button" className="secondary" onClick={() => ask('restrict')}>
                {text.restrict}
              </button>
            )}
            {chosen.length > 0 && (
              <button type="button" className="secondary" onClick={() => ask('unrestrict')}>
                {text.unrestrict}
              </button>
            )}
            {only && (
              <button type="button" className="secondary" onClick={showFootage}>
                {text.showFootage}
              </button>
            )}
            <button type="button" className="secondary danger" onClick={() => ask('erase')}>
              {text.erase}
            </button>
          </div>
        </section>
      )}

      {pending === 'correct' && only && correction && (
        <section className="privacy-section" aria-label={text.correctTitle(only.id)}>
          <h2>{text.correctTitle(only.id)}</h2>
          <div className="field-row">
            <Field
              label={text.firstName}
              value={correction.firstName}
              onChange={(firstName) => setCorrection({ ...correction, firstName })}
              error={message(errors.firstName)}
            />
            <Field
              label={text.lastName}
              value={correction.lastName}
              onChange={(lastName) => setCorrection({ ...correction, lastName })}
              error={message(errors.lastName)}
            />
          </div>
          <div className="field-row">
            <Field
              label={text.companyField}
              value={correction.company}
              onChange={(company) => setCorrection({ ...correction, company })}
              error={message(errors.company)}
            />
            <Field
              label={text.plateField}
              value={correction.plate}
              onChange={(plate) => setCorrection({ ...correction, plate })}
              error={message(errors.plate)}
            />
          </div>
        </section>
      )}

      {footage && (
        <section aria-label={text.footageTitle(footage.visitId)}>
          <h2>{text.footageTitle(footage.visitId)}</h2>
          <p>
            {text.footageWindow(
              formatDateTime(footage.from, zone, language),
              formatDateTime(footage.to, zone, language),
            )}
          </p>
          {footage.files.length === 0 && <p>{text.noFootage}</p>}
          {footage.files.length > 0 && (
            <>
              <table className="visits">
                <caption className="visually-hidden">{text.footageTitle(footage.visitId)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.footageColumns.camera}</th>
                    <th scope="col">{text.footageColumns.start}</th>
                    <th scope="col">{text.footageColumns.size}</th>
                    <th scope="col">{text.footageColumns.held}</th>
                    <th scope="col">{text.footageColumns.play}</th>
                  </tr>
                </thead>
                <tbody>
                  {footage.files.map((file) => (
                    <tr key={file.id}>
                      <th scope="row">{file.camera}</th>
                      <td className="when">{formatDateTime(file.recordedAt, zone, language)}</td>
                      <td>{`${Math.max(1, Math.round(file.size / 1024))} kB`}</td>
                      <td>{file.held ? text.yes : text.no}</td>
                      <td>
                        <button
                          type="button"
                          className="secondary small"
                          aria-label={text.playFile(file.camera, formatDateTime(file.recordedAt, zone, language))}
                          onClick={() => play(file)}
                        >
                          {text.play}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {playing && (
                <figure className="player">
                  <video
                    src={playing.url}
                    controls
                    autoPlay
                    aria-label={text.playing(
                      playing.row.camera,
                      formatDateTime(playing.row.recordedAt, zone, language),
                    )}
                  />
                  <figcaption>
                    {text.playing(playing.row.camera, formatDateTime(playing.row.recordedAt, zone, language))}{' '}
                    <button type="button" className="secondary small" onClick={() => setPlaying(null)}>
                      {text.closePlayer}
                    </button>
                  </figcaption>
                </figure>
              )}
              <div className="actions">
                <button type="button" className="secondary" onClick={() => ask('footage')}>
                  {text.exportFootage}
                </button>
              </div>
            </>
          )}
        </section>
      )}

      {confirmation && (
        <section className="privacy-section confirmation" role="alertdialog" aria-label={text.confirmQuestion}>
          <p className="lead">
            <strong>{confirmation}</strong>
          </p>
          {needsReason && (
            <Field
              label={text.reason}
              value={reason}
              onChange={setReason}
              maxLength={500}
              error={message(errors.reason)}
              required
            />
          )}
          {pending === 'footage' && purpose === 'policeRequest' && (
            <HoldTermsFields
              text={staffText[language]}
              language={language}
              basis={basis}
              onBasis={setBasis}
              review={review}
              onReview={setReview}
              basisError={message(errors.basis)}
              reviewError={message(errors.reviewAt)}
            />
          )}
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={busy} aria-busy={busy} onClick={confirm}>
              {text.confirm}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              {text.cancel}
            </button>
          </div>
        </section>
      )}
      <PrivacyExportsList
        client={client}
        language={language}
        zone={zone}
        refreshKey={exportsShown}
        exportDays={exportDays}
      />
    </>
  );
}
