import { useState, type FormEvent } from 'react';
import type { InputOf } from '../../shared/api/contract';
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
  onFound: (key: InvitationKey, details: InvitationDetails) => void;
  onBack: () => void;
}

/** How the visitor found their invitation: its code, their first and last name, or text that reads as either. */
export type InvitationKey = InputOf<'invitations.lookup'>;

// Two words or more of letters (with ' . - between): a first and last name, never taken for a code's typo.
const FULL_NAME = /^[\p{L}\p{M}'’.-]+(\s+[\p{L}\p{M}'’.-]+)+$/u;

/**
 * The visitor types their invitation code or their first and last name, or a USB scanner types the
 * QR code and Enter. Text that reads as both (ABJANSEN is "Ab Jansen") goes as both, and the core
 * counts it as one try; a name shows only that one visitor's details.
 */
export function InvitationCodeScreen({ text, invitation, language, client, onFound, onBack }: Props) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = code.trim();
    const parsed = readInvitationCode(typed);
    const name = FULL_NAME.test(typed) ? typed : undefined;
    if (!parsed && !name) {
      setError({ key: 'invitation.codeInvalid' });
      return;
    }
    setBusy(true);
    const key: InvitationKey = { ...(parsed && { code: parsed }), ...(name && { name }) };
    const result = await client.invoke('invitations.lookup', key);
    if (!stillMounted()) return;
    setBusy(false);
    if (result.ok) onFound(key, result.value);
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
            setCode(value);
            setError(null);
          }}
          error={error ? translate(error.fields?.code ?? error.key, language, error.params) : undefined}
          maxLength={80}
          autoCapitalize="none"
          className="code-input name-or-code"
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
