import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { ExpectedVisit, Invitation } from '../../../shared/api/invitations';
import { formatIsoDate } from '../../../shared/date-format';
import { translate, type Language } from '../../../shared/messages';
import type { ApiError } from '../../../shared/result';
import type { ApiClient } from '../../api/client';
import { DateTimeField } from '../../date-time-field';
import { Field } from '../../field';
import { uiText } from '../../i18n';
import { invitationText } from '../../invitation-texts';
import { ConfirmButton } from '../kit/confirm-button';
import { DataTable, type Column } from '../kit/data-table';
import { ErrorLine } from '../kit/error-line';
import { SubmitButton } from '../kit/submit-button';
import { useAction } from '../kit/use-action';
import { useLoaded } from '../kit/use-loaded';
import { keepDatesWhole } from '../kit/whole-dates';
import './expected-visitors.css';

const REFRESH_MS = 5_000;
const emptyForm = { firstName: '', lastName: '', company: '', plate: '', hostName: '' };

function errorText(error: ApiError | null, language: Language): string | null {
  if (!error) return null;
  // A refused CSV row names its column as the file does; a form field's own label is beside it already.
  const named = error.key === 'invitation.csvInvalid';
  const fields = Object.entries(error.fields ?? {}).map(
    ([field, key]) => `${named ? `${field}: ` : ''}${translate(key!, language, error.params)}`,
  );
  return [translate(error.key, language, error.params), ...fields].join(' ');
}

/** The file's bytes as base64: the core detects the encoding, so the browser must not decode it first. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** The letter for one invitation, with its QR code, to print or to copy into the host's own mail. */
function InvitationLetter({
  invitation,
  language,
  onClose,
}: {
  invitation: Invitation;
  language: Language;
  onClose: () => void;
}) {
  const text = invitationText[language];
  const [copied, setCopied] = useState(false);
  const letter = `${invitation.text[language]}\n\n----\n\n${invitation.text[language === 'nl' ? 'en' : 'nl']}`;
  function print() {
    document.body.classList.add('print-invitation');
    window.print();
    document.body.classList.remove('print-invitation');
  }
  return (
    <section className="invitation-letter" aria-label={text.showInvitation}>
      <h2>
        {text.invitationFor(`${invitation.firstName} ${invitation.lastName}`, formatIsoDate(invitation.date, language))}
      </h2>
      <img
        className="invitation-qr"
        alt={`${text.code} ${invitation.code}`}
        src={`data:image/svg+xml;base64,${btoa(invitation.qrSvg)}`}
      />
      <p className="invitation-code" data-testid="invitation-code">
        {invitation.code}
      </p>
      <pre className="letter">{letter}</pre>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={print}>
          {text.printInvitation}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(letter).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {text.copyInvitation}
        </button>
        <button type="button" className="tertiary" onClick={onClose}>
          {text.closeInvitation}
        </button>
        {copied && <span role="status">{text.copied}</span>}
      </div>
    </section>
  );
}

/** The Today view's expected visitors: who is still to come, adding one or a CSV file, their invitations. */
export function ExpectedVisitors({
  client,
  language,
  today,
  onChanged,
}: {
  client: ApiClient;
  language: Language;
  today: string;
  /** Called when a visitor was signed in here, so today's list shows them at once. */
  onChanged?: () => void;
}) {
  const text = invitationText[language];
  const load = useCallback(
    (background: boolean) => client.invoke('invitations.expectedToday', {}, { background }),
    [client],
  );
  const { value: expected, reload } = useLoaded(load, REFRESH_MS);
  const [form, setForm] = useState({ ...emptyForm, date: today });
  const [shown, setShown] = useState<Invitation | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState(false);
  const bind = (field: keyof typeof form) => ({
    value: form[field],
    onChange: (value: string) => setForm((current) => ({ ...current, [field]: value })),
  });

  // Every call here shows its refusal the same way and loads the list again after.
  const action = useAction(language, reload);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const { date, firstName, lastName, company, plate, hostName } = form;
    void action
      .run(() => client.invoke('invitations.add', { date, firstName, lastName, company, plate, hostName }))
      .then((result) => {
        if (!result) return;
        setStatus(null);
        if (result.ok) {
          setShown(result.value);
          setForm({ ...emptyForm, date });
        }
      });
  };

  const addCsv = async (file: File | undefined) => {
    if (!file) return;
    const result = await action.run(async () =>
      client.invoke('invitations.addCsv', { date: form.date, file: await base64Of(file) }),
    );
    if (!result?.ok) return;
    const { invitations, encoding, delimiter, unknownColumns } = result.value;
    const encodingName = encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8';
    setStatus(
      [
        text.csvAdded(invitations.length),
        text.csvRead(encodingName, text.csvDelimiters[delimiter]),
        unknownColumns.length ? text.csvIgnored(unknownColumns.join(', ')) : '',
      ].join(' '),
    );
    setShown(null);
  };

  async function show(id: number) {
    const result = await action.run(() => client.invoke('invitations.get', { id }));
    if (result?.ok) setShown(result.value);
  }

  async function signIn(visit: ExpectedVisit) {
    const result = await action.run(() => client.invoke('invitations.signInAtDesk', { id: visit.id }));
    if (!result) return;
    setStatus(result.ok ? text.signedInExpected(`${visit.firstName} ${visit.lastName}`) : null);
    onChanged?.();
  }

  async function remove(visit: ExpectedVisit) {
    const result = await action.run(() => client.invoke('invitations.remove', { id: visit.id }));
    if (result?.ok && shown?.id === visit.id) setShown(null);
  }

  const nameOf = (visit: ExpectedVisit) => `${visit.firstName} ${visit.lastName}`;
  const columns: Column<ExpectedVisit>[] = [
    { key: 'name', header: text.columns.name, cell: nameOf, rowHeader: true },
    { key: 'company', header: text.columns.company, cell: (visit) => visit.company },
    { key: 'host', header: text.columns.host, cell: (visit) => visit.hostName },
    {
      key: 'action',
      header: text.columns.action,
      noPrint: true,
      cell: (visit) => (
        <span className="row-actions">
          <button
            type="button"
            className="primary small"
            aria-label={text.signInExpectedLabel(nameOf(visit))}
            onClick={() => void signIn(visit)}
          >
            {text.signInExpected}
          </button>
          <button type="button" className="secondary small" onClick={() => void show(visit.id)}>
            {text.showInvitation}
          </button>
          <ConfirmButton
            label={text.removeExpected}
            ariaLabel={text.removeExpectedLabel(nameOf(visit))}
            question={text.removeExpectedQuestion(nameOf(visit))}
            confirmLabel={text.removeExpected}
            language={language}
            onConfirm={() => remove(visit)}
          />
        </span>
      ),
    },
  ];

  const title = keepDatesWhole(text.expectedTitle(formatIsoDate(today, language)));
  return (
    <div className="expected-visitors">
      <div className="no-print">
        {expected && expected.length > 0 ? (
          <DataTable caption={title} showCaption columns={columns} rows={expected} rowKey={(visit) => visit.id} />
        ) : (
          // Nobody (more) to come: the heading and one plain line, not an empty table.
          <h2 className="expected-title">{title}</h2>
        )}
        {expected && expected.length === 0 && <p className="lead">{text.noneExpected}</p>}
      </div>
      {status && (
        <p role="status" className="no-print">
          {status}
        </p>
      )}
      <ErrorLine message={errorText(action.error, language)} />

      <button
        type="button"
        className="secondary expected-add no-print"
        aria-expanded={adding}
        onClick={() => setAdding((open) => !open)}
      >
        {text.addExpected}
      </button>
      {adding && (
        <form className="expected-form no-print" onSubmit={add} noValidate autoComplete="off">
          <div className="field-row">
            <DateTimeField
              label={text.date}
              language={language}
              value={form.date}
              onChange={(date) => setForm((current) => ({ ...current, date }))}
              required
            />
            <Field label={text.host} {...bind('hostName')} />
          </div>
          <div className="field-row">
            <Field label={uiText[language].firstName} {...bind('firstName')} required />
            <Field label={uiText[language].lastName} {...bind('lastName')} required />
          </div>
          <div className="field-row">
            <Field label={uiText[language].company} {...bind('company')} />
            <Field label={uiText[language].plate} {...bind('plate')} />
          </div>
          <div className="actions">
            <SubmitButton busy={action.busy}>{text.add}</SubmitButton>
            <div className="csv-file">
              <p id="csv-file-hint">{text.csvFile}</p>
              {/* The app's own button: the browser's file input says "Choose File" in its own language. */}
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.txt,text/csv"
                hidden
                tabIndex={-1}
                aria-hidden="true"
                onChange={(event) => {
                  const input = event.target;
                  void addCsv(input.files?.[0]).finally(() => {
                    input.value = '';
                  });
                }}
              />
              <button
                type="button"
                className="secondary"
                aria-describedby="csv-file-hint"
                onClick={() => fileInput.current?.click()}
              >
                {text.chooseFile}
              </button>
            </div>
          </div>
        </form>
      )}
      {shown && <InvitationLetter invitation={shown} language={language} onClose={() => setShown(null)} />}
    </div>
  );
}
