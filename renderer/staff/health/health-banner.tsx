import { useCallback } from 'react';
import { problemId } from '../../../shared/api/health';
import { describeProblem } from '../../../shared/health-texts';
import type { Language } from '../../../shared/messages';
import type { ApiClient } from '../../api/client';
import type { StaffText } from '../texts';
import { useLoaded } from '../kit/use-loaded';
import './health-banner.css';

const REFRESH_MS = 10_000;

/**
 * The retention alarms, above every staff view of every role: whoever is at the desk learns what is
 * wrong, what to do and who may do it, and can pass it on.
 */
export function HealthBanner({
  client,
  language,
  text,
  timeZone,
}: {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
}) {
  const load = useCallback((background: boolean) => client.invoke('health.current', {}, { background }), [client]);
  const { value: health } = useLoaded(load, REFRESH_MS);
  if (!health || health.problems.length === 0) return null;
  return (
    <section className="alert health-banner no-print" aria-labelledby="health-banner-title" data-testid="health-banner">
      <h2 id="health-banner-title">{text.healthTitle(health.problems.length)}</h2>
      <ul>
        {health.problems.map((problem) => {
          const { what, todo } = describeProblem(problem, language, timeZone);
          return (
            <li key={problemId(problem)}>
              {what} <strong>{text.healthTodo}</strong> {todo}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
