import { useEffect, useState } from 'react';
import type { HostSuggestion } from '../../shared/api/hosts';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import type { UiText } from '../i18n';
import type { InvitationText } from '../invitation-texts';
import { ScreenHeading } from '../screen-heading';

const MIN_LETTERS = 3;

interface Props {
  text: UiText;
  invitation: InvitationText;
  client: ApiClient;
  onPick: (host: HostSuggestion | null) => void;
  onBack: () => void;
}

/** The visitor names their host by typing part of a name; suggestions only from the third letter. */
export function HostPickerScreen({ text, invitation, client, onPick, onBack }: Props) {
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<HostSuggestion[] | null>(null);
  const searching = query.trim().length >= MIN_LETTERS;

  useEffect(() => {
    if (!searching) return;
    let cancelled = false;
    void client.invoke('hosts.suggest', { query }).then((result) => {
      if (!cancelled) setSuggestions(result.ok ? result.value : []);
    });
    return () => {
      cancelled = true;
    };
  }, [client, query, searching]);

  const shown = searching ? suggestions : null;
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
