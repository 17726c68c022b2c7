import { useState, type FormEvent } from 'react';
import type { SignOutReceipt } from '../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../shared/messages';
import { SIGN_OUT_CODE_LENGTH } from '../../shared/validation/sign-out-code';
import { signOutInput } from '../../shared/validation/visit-schemas';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import { FormActions } from '../form-actions';
import type { UiText } from '../i18n';
import { ScreenHeading } from '../screen-heading';
import { useStillMounted } from '../use-still-mounted';

interface Props {
  text: UiText;
  language: Language;
  client: ApiClient;
  onSignedOut: (receipt: SignOutReceipt) => void;
  onBack: () => void;
}

export function SignOutFormScreen({ text, language, client, onSignedOut, onBack }: Props) {
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
          maxLength={SIGN_OUT_CODE_LENGTH + 3}
          autoCapitalize="characters"
          className="code-input"
          required
        />
        <FormActions submit={text.submitSignOut} busy={busy} back={text.back} onBack={onBack} />
      </form>
    </section>
  );
}
