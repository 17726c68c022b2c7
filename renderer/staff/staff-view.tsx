import { useCallback, useMemo, useState } from 'react';
import type { NoticeFacts, StaffSessionInfo } from '../../shared/api/types';
import type { Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { uiText } from '../i18n';
import { IDLE_WARNING_SECONDS, IdleWarning } from '../idle-warning';
import { useIdleTimeout } from '../use-idle-timeout';
import { HealthBanner } from './health/health-banner';
import type { StaffTabProps } from './kit/tab-props';
import { useDocumentTitle } from './kit/use-document-title';
import { tabsFor, type Tab } from './tabs';
import { staffText } from './texts';
import './staff-view.css';

interface Props {
  session: StaffSessionInfo;
  language: Language;
  client: ApiClient;
  facts: NoticeFacts;
  onLocked: () => void;
}

export function StaffView({ session, language, client, facts, onLocked }: Props) {
  const text = staffText[language];
  const tabs = tabsFor(session.role);
  const [tab, setTab] = useState<Tab | undefined>(tabs[0]?.id);
  const current = tabs.find((candidate) => candidate.id === tab);

  const lock = useCallback(
    (reason: 'manual' | 'idle') => {
      void client.invoke('staff.lock', { reason }).finally(onLocked);
    },
    [client, onLocked],
  );
  const idle = useIdleTimeout(session.idleSeconds, () => lock('idle'), IDLE_WARNING_SECONDS);
  // "Keep" is a person's call: it extends the core's session too, or finds it already gone.
  const keepUnlocked = () => {
    idle.keep();
    void client.invoke('staff.session', {}).then((result) => {
      if (!result.ok || result.value === null) onLocked();
    });
  };
  useDocumentTitle(text.pageTitle);

  // A session the core has ended (idle there, or a restart) sends the view back to the kiosk.
  const staffClient = useMemo<ApiClient>(
    () => ({
      invoke: async (channel, input, options) => {
        const result = await client.invoke(channel, input, options);
        if (!result.ok && result.error.key === 'api.unauthenticated') onLocked();
        return result;
      },
    }),
    [client, onLocked],
  );

  const props: StaffTabProps = {
    client: staffClient,
    language,
    text,
    timeZone: facts.timeZone,
    facts,
    role: session.role,
    goHome: () => setTab(tabs[0]?.id),
  };
  return (
    <div className="staff-view" inert={idle.warningSecondsLeft !== null}>
      {idle.warningSecondsLeft !== null && (
        <IdleWarning text={uiText[language]} secondsLeft={idle.warningSecondsLeft} onKeep={keepUnlocked} locks />
      )}
      <header className="staff-bar">
        <p className="who-am-i">{text.signedInAs(session.name, text.roles[session.role], session.staffId)}</p>
        <nav aria-label={text.staffEntry}>
          {tabs.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              className="tab"
              aria-current={tab === id ? 'page' : undefined}
              onClick={() => setTab(id)}
            >
              {label(text)}
            </button>
          ))}
        </nav>
        <button type="button" className="secondary lock" onClick={() => lock('manual')}>
          {text.lock}
        </button>
      </header>
      <HealthBanner {...props} />
      {current?.ownScreen ? (
        <current.component key={current.id} {...props} />
      ) : (
        <section className="screen staff">
          {current ? <current.component key={current.id} {...props} /> : <p className="lead">{text.noViews}</p>}
        </section>
      )}
    </div>
  );
}
