import { useState, type FormEvent } from 'react';
import type { SignOutReceipt } from '../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../shared/messages';
import { SIGN_OUT_FIELD_MAX_LENGTH } from '../../shared/validation/scanned-code';
import type { ApiError } from '../../shared/result';
import { signOutByNameInput, signOutInput } from '../../shared/validation/visit-schemas';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import { FormActions } from '../form-actions';
import type { UiText } from '../i18n';
import { ScreenHeading } from '../screen-heading';
import { useStillMounted } from '../use-still-mounted';
import { signOutByNameText } from './sign-out-texts';

interface Props {
  text: UiText;
  language: Language;
  client: ApiClient;
  onSignedOut: (receipt: SignOutReceipt) => void;
  onBack: () => void;
}

type NameField = 'firstName' | 'lastName' | 'company';

/** One field's verdict from the same schema the router applies (an empty company is no company). */
function checkNameField(field: NameField, value: string): MessageKey | undefined {
  if (field === 'company' && value.trim() === '') return undefined;
  const result = signOutByNameInput.shape[field].safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message as MessageKey);
}

/**
 * A visitor who lost their code: first and last name, and company when they gave one. No list, ever.
 * A field typed wrong is marked, as at sign-in; a failure of the screen itself (no connection) says
 * so; only "no one on site by that name" sends the visitor to reception.
 */
function SignOutByName({ text, language, client, onSignedOut }: Omit<Props, 'onBack'>) {
  const names = signOutByNameText[language];
  const [form, setForm] = useState({ firstName: '', lastName: '', company: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<NameField, MessageKey>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();
  const bind = (field: NameField) => ({
    value: form[field],
    onChange: (value: string) => {
      setForm((current) => ({ ...current, [field]: value }));
      setFieldErrors((current) => ({ ...current, [field]: undefined }));
      setError(null);
    },
    error: fieldErrors[field] ? translate(fieldErrors[field], language) : undefined,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = Object.fromEntries(
      (['firstName', 'lastName', 'company'] as const).map((field) => [field, checkNameField(field, form[field])]),
    ) as Partial<Record<NameField, MessageKey>>;
    if (Object.values(checked).some(Boolean)) {
      setFieldErrors(checked);
      setError({ key: 'validation.failed' });
      return;
    }
    setBusy(true);
    const result = await client.invoke('visits.signOutByName', {
      firstName: form.firstName,
      lastName: form.lastName,
      company: form.company.trim() === '' ? undefined : form.company,
    });
    if (!stillMounted()) return;
    setBusy(false);
    if (result.ok) {
      onSignedOut(result.value);
      return;
    }
    // The core tells nothing of who is on site beyond "not found" (visit.nameNotFound); what it says is shown as it is.
    setFieldErrors((result.error.fields ?? {}) as Partial<Record<NameField, MessageKey>>);
    setError(result.error);
  }

  return (
    <form className="lost-code" onSubmit={submit} noValidate autoComplete="off" aria-labelledby="lost-code-title">
      <h2 id="lost-code-title">{names.lostCode}</h2>
      <p className="lead">{names.lostCodeLead}</p>
      <div className="field-row">
        <Field label={text.firstName} {...bind('firstName')} required autoFocus />
        <Field label={text.lastName} {...bind('lastName')} required />
      </div>
      <Field label={names.company} {...bind('company')} />
      {error && (
        <p className="error" role="alert">
          {translate(error.key, language, error.params)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {names.submit}
        </button>
      </div>
    </form>
  );
}

export function SignOutFormScreen({ text, language, client, onSignedOut, onBack }: Props) {
  const [byName, setByName] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = signOutInput.safeParse({ code });
    if (!parsed.success) {
      setError('code.invalid');
      return;
    }
    setBusy(true);
    const result = await client.invoke('visits.signOut', { code });
    if (!stillMounted()) return;
    setBusy(false);
    if (result.ok) onSignedOut(result.value);
    else setError(result.error.fields?.code ?? result.error.key);
  }

  return (
    <section className="screen sign-out">
      <ScreenHeading>{text.signOutTitle}</ScreenHeading>
      <form onSubmit={submit} noValidate autoComplete="off">
        <Field
          label={text.codeLabel}
          value={code}
          onChange={(value) => {
            setCode(value.toUpperCase());
            setError(null);
          }}
          error={error ? translate(error, language) : undefined}
          maxLength={SIGN_OUT_FIELD_MAX_LENGTH}
          autoCapitalize="characters"
          className="code-input"
          autoFocus
          required
        />
        <FormActions submit={text.submitSignOut} busy={busy} back={text.back} onBack={onBack} />
      </form>
      {byName ? (
        <SignOutByName text={text} language={language} client={client} onSignedOut={onSignedOut} />
      ) : (
        <button type="button" className="secondary lost-code" onClick={() => setByName(true)}>
          {signOutByNameText[language].lostCode}
        </button>
      )}
    </section>
  );
}
