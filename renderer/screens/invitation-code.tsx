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
  onFound: (key: InvitationKey, details: InvitationDetails) => void;
  onBack: () => void;
}

/** How the visitor found their invitation: its code, or their last name (one expected today). */
export type InvitationKey = { code: string } | { lastName: string };

/**
 * The visitor types their invitation code or their last name, or a USB scanner types the QR code and
 * Enter. What reads as a code is tried as one first; a name shows only that one visitor's details.
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
    if (!parsed && !/\p{L}/u.test(typed)) {
      setError({ key: 'invitation.codeInvalid' });
      return;
    }
    setBusy(true);
    let key: InvitationKey = parsed ? { code: parsed } : { lastName: typed };
    let result = await client.invoke('invitations.lookup', key);
    // "Kramer" is a well-formed code too: a letters-only word that is no code today may be a name.
    if (!result.ok && parsed && /^\p{L}+$/u.test(typed) && result.error.key === 'invitation.unknownCode') {
      const byName = await client.invoke('invitations.lookup', { lastName: typed });
      // Neither: it was typed as a code, so the visitor hears about the code.
      if (byName.ok || byName.error.key !== 'invitation.nameNotFound') {
        key = { lastName: typed };
        result = byName;
      }
    }
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
