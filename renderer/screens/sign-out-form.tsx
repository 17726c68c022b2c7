import { useState, type FormEvent } from 'react';
import type { SignOutReceipt } from '../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../shared/messages';
import { SIGN_OUT_FIELD_MAX_LENGTH } from '../../shared/validation/scanned-code';
import { signOutInput } from '../../shared/validation/visit-schemas';
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

/** A visitor who lost their code: first and last name, and company when they gave one. No list, ever. */
function SignOutByName({ text, language, client, onSignedOut }: Omit<Props, 'onBack'>) {
  const names = signOutByNameText[language];
  const [form, setForm] = useState({ firstName: '', lastName: '', company: '' });
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();
  const bind = (field: keyof typeof form) => ({
    value: form[field],
    onChange: (value: string) => {
      setForm((current) => ({ ...current, [field]: value }));
      setError(null);
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await client.invoke('visits.signOutByName', {
      firstName: form.firstName,
      lastName: form.lastName,
      company: form.company.trim() === '' ? undefined : form.company,
    });
    if (!stillMounted()) return;
    setBusy(false);
    if (result.ok) onSignedOut(result.value);
    else setError(result.error.key === 'visit.signOutThrottled' ? result.error.key : 'visit.nameNotFound');
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
          {translate(error, language)}
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
