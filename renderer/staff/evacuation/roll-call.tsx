import { useCallback, useState } from 'react';
import type { RollCallRecord } from '../../../shared/api/devices';
import type { VisitRow } from '../../../shared/api/types';
import type { Language } from '../../../shared/messages';
import type { ApiClient } from '../../api/client';
import { ErrorLine } from '../kit/error-line';
import { useAction } from '../kit/use-action';
import { useLoaded } from '../kit/use-loaded';
import { rollCallText } from './roll-call-texts';
import './roll-call.css';

interface Person {
  key: string;
  id: number;
  name: string;
  kind: 'visitor' | 'staff';
}

const REFRESH_MS = 5_000;

/**
 * The evacuation list's roll call: tap each person present at the assembly point; the list shows
 * who is still missing. Ending it records the counts in the audit log, never the names.
 */
export function RollCall({
  client,
  language,
  visits,
  onDone,
}: {
  client: ApiClient;
  language: Language;
  visits: VisitRow[];
  onDone: (record: RollCallRecord | null) => void;
}) {
  const text = rollCallText[language];
  const loadStaff = useCallback(
    (background: boolean) => client.invoke('evacuation.onDuty', {}, { background }),
    [client],
  );
  const staff = useLoaded(loadStaff, REFRESH_MS);
  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());
  const action = useAction(language);

  const people: Person[] = [
    ...visits.map((visit) => ({
      key: `v${visit.id}`,
      id: visit.id,
      name: `${visit.firstName} ${visit.lastName}`,
      kind: 'visitor' as const,
    })),
    ...(staff.value ?? []).map((person) => ({
      key: `s${person.staffId}`,
      id: person.staffId,
      name: person.name,
      kind: 'staff' as const,
    })),
  ];
  const missing = people.filter((person) => !present.has(person.key));

  const toggle = (person: Person) =>
    setPresent((current) => {
      const next = new Set(current);
      if (next.has(person.key)) next.delete(person.key);
      else next.add(person.key);
      return next;
    });

  async function end() {
    const ids = (kind: Person['kind']) =>
      people.filter((person) => person.kind === kind && present.has(person.key)).map((person) => person.id);
    const result = await action.run(() =>
      client.invoke('evacuation.rollCallEnd', { presentVisitIds: ids('visitor'), presentStaffIds: ids('staff') }),
    );
    if (result?.ok) onDone(result.value);
  }

  const group = (kind: Person['kind'], title: string) => {
    const members = people.filter((person) => person.kind === kind);
    if (members.length === 0) return null;
    return (
      <section className="roll-call-group" aria-label={title}>
        <h2>{title}</h2>
        <ul className="roll-call-list">
          {members.map((person) => (
            <li key={person.key}>
              <button
                type="button"
                className={present.has(person.key) ? 'primary' : 'secondary'}
                aria-pressed={present.has(person.key)}
                onClick={() => toggle(person)}
              >
                {person.name}
                {present.has(person.key) && <span className="roll-call-mark"> · {text.present}</span>}
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  };

  return (
    <div className="roll-call">
      <h2>{text.title}</h2>
      <p className="lead">{text.lead}</p>
      <div className="roll-call-missing" role="status" data-testid="roll-call-missing">
        {missing.length === 0 ? (
          <p>{text.allPresent}</p>
        ) : (
          <>
            <p>{text.missing(missing.length)}</p>
            <p className="roll-call-names">{missing.map((person) => person.name).join(', ')}</p>
          </>
        )}
      </div>
      {group('visitor', text.visitors)}
      {group('staff', text.staff)}
      <ErrorLine message={action.message} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={action.busy}
          aria-busy={action.busy}
          onClick={() => void end()}
        >
          {text.end}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {text.cancel}
        </button>
      </div>
    </div>
  );
}
