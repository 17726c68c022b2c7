import { useCallback, useState } from 'react';
import { problemId } from '../../../shared/api/health';
import { alarmActions } from '../../../shared/health-actions';
import { describeProblem } from '../../../shared/health-texts';
import { FootagePurgeNow } from '../footage/footage-purge-now';
import type { StaffRole } from '../../../shared/api/channel';
import { translate, type Language, type MessageKey } from '../../../shared/messages';
import type { ApiClient } from '../../api/client';
import type { StaffText } from '../texts';
import { useLoaded } from '../kit/use-loaded';
import { useOnDeskChanged } from '../kit/desk-changed';
import type { BANNER_CHANNELS } from './banner-controls';
import { offlineTexts } from './offline-texts';
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
  role,
}: {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
  role: StaffRole;
}) {
  const load = useCallback((background: boolean) => client.invoke('health.current', {}, { background }), [client]);
  const { value: health, reload } = useLoaded(load, REFRESH_MS);
  useOnDeskChanged(useCallback(() => void reload(), [reload]));
  const [failure, setFailure] = useState<MessageKey | null>(null);
  // What a control in the banner just did: said after its alarm (and maybe the banner) has gone.
  const [outcome, setOutcome] = useState<string | null>(null);
  const purged = async (deleted: string | null) => {
    setOutcome(deleted);
    await reload();
  };
  // Only an admin acknowledges that the kiosk was off past a deadline (audited).
  const acknowledge = async () => {
    const result = await client.invoke('health.acknowledgeOffline', {});
    setFailure(result.ok ? null : result.error.key);
    await reload();
  };
  const said = outcome && (
    <p role="status" className="health-outcome no-print">
      {outcome}
    </p>
  );
  if (!health || health.problems.length === 0) return said || null;
  return (
    <section className="alert health-banner no-print" aria-labelledby="health-banner-title" data-testid="health-banner">
      {said}
      <h2 id="health-banner-title">{text.healthTitle(health.problems.length)}</h2>
      <ul>
        {health.problems.map((problem) => {
          const { what, todo } = describeProblem(problem, language, timeZone);
          const here = alarmActions(problem).filter(
            (action) => action.place === 'banner' && action.roles.includes(role),
          );
          const offers = (channel: (typeof BANNER_CHANNELS)[number]) =>
            here.some((action) => action.channel === channel);
          return (
            <li key={problemId(problem)}>
              {what} <strong>{text.healthTodo}</strong> {todo}
              {offers('footage.purge') && <FootagePurgeNow client={client} language={language} onDone={purged} />}
              {offers('health.acknowledgeOffline') && (
                <div className="health-acknowledge">
                  <button type="button" className="secondary" onClick={() => void acknowledge()}>
                    {offlineTexts[language].acknowledge}
                  </button>
                  {failure && <p role="alert">{translate(failure, language)}</p>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
