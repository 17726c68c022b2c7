import { useState, type FormEvent } from 'react';
import type { InvitationDetails } from '../../shared/api/invitations';
import { translate, type Language } from '../../shared/messages';
import type { ApiError } from '../../shared/result';
import { readInvitationCode } from '../../shared/validation/scanned-code';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import { FormActions } from '../form-actions';
import type { UiText } from '../i18n';
import type { InvitationText } from '../invitation-texts';
import { ScreenHeading } from '../screen-heading';
import { useStillMounted } from '../use-still-mounted';

interface Props {
  text: UiText;
  invitation: InvitationText;
  language: Language;
  client: ApiClient;
  onFound: (code: string, details: InvitationDetails) => void;
  onBack: () => void;
}

/** The visitor types their invitation code, or a USB scanner types its QR code and Enter. */
export function InvitationCodeScreen({ text, invitation, language, client, onFound, onBack }: Props) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = readInvitationCode(code);
    if (!parsed) {
      setError({ key: 'invitation.codeInvalid' });
      return;
    }
    setBusy(true);
    const result = await client.invoke('invitations.lookup', { code: parsed });
    if (!stillMounted()) return;
    setBusy(false);
    if (result.ok) onFound(parsed, result.value);
    else setError(result.error);
  }

  return (
    <section className="screen sign-out invitation-code">
      <ScreenHeading>{invitation.codeTitle}</ScreenHeading>
      <form onSubmit={submit} noValidate autoComplete="off">
        <Field
          label={invitation.codeLabel}
          value={code}
          onChange={(value) => {
            setCode(value.toUpperCase());
            setError(null);
          }}
          error={error ? translate(error.fields?.code ?? error.key, language, error.params) : undefined}
          maxLength={20}
          autoCapitalize="characters"
          className="code-input"
          autoFocus
          required
        />
        <FormActions
          submit={busy ? invitation.checking : invitation.next}
          busy={busy}
          back={text.back}
          onBack={onBack}
        />
      </form>
    </section>
  );
}
