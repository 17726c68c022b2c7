import { useEffect, useState } from 'react';
import type { HostSuggestion } from '../../shared/api/hosts';
import { translate, type Language } from '../../shared/messages';
import type { ApiError } from '../../shared/result';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import type { UiText } from '../i18n';
import type { InvitationText } from '../invitation-texts';
import { ScreenHeading } from '../screen-heading';

const MIN_LETTERS = 3;
// Asked after a pause in typing, not at every letter: a screen gets 20 questions a minute, and a
// group arriving together types many names.
const ASK_AFTER_MS = 300;

interface Props {
  text: UiText;
  invitation: InvitationText;
  language: Language;
  client: ApiClient;
  onPick: (host: HostSuggestion | null) => void;
  onBack: () => void;
}

/** The visitor names their host by typing the first name (and perhaps more); suggestions from the third letter. */
export function HostPickerScreen({ text, invitation, language, client, onPick, onBack }: Props) {
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ suggestions: HostSuggestion[] } | { error: ApiError } | null>(null);
  const searching = query.trim().length >= MIN_LETTERS;

  useEffect(() => {
    if (!searching) return;
    let cancelled = false;
    const asking = setTimeout(() => {
      void client.invoke('hosts.suggest', { query }).then((result) => {
        if (!cancelled) setAnswer(result.ok ? { suggestions: result.value } : { error: result.error });
      });
    }, ASK_AFTER_MS);
    return () => {
      cancelled = true;
      clearTimeout(asking);
    };
  }, [client, query, searching]);

  const shown = searching && answer && 'suggestions' in answer ? answer.suggestions : null;
  const refusal = searching && answer && 'error' in answer ? answer.error : null;
  return (
    <section className="screen form host-picker">
      <ScreenHeading>{invitation.hostTitle}</ScreenHeading>
      <Field label={invitation.hostLabel} value={query} onChange={setQuery} autoFocus />
      {shown && shown.length > 0 && (
        <ul className="host-suggestions" aria-label={invitation.hostSuggestions}>
          {shown.map((host) => (
            <li key={host.id}>
              <button type="button" className="secondary big" onClick={() => onPick(host)}>
                {host.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && shown.length === 0 && <p className="lead">{invitation.noHostFound}</p>}
      {refusal && (
        <p className="lead" role="alert">
          {translate(refusal.key, language, refusal.params)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary big" onClick={() => onPick(null)}>
          {invitation.skipHost}
        </button>
        <button type="button" className="tertiary" onClick={onBack}>
          {text.back}
        </button>
      </div>
    </section>
  );
}
