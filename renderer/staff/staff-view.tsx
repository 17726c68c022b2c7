import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StaffViewName } from '../../shared/staff-views';
import type { NoticeFacts, StaffSessionInfo } from '../../shared/api/types';
import type { Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { uiText } from '../i18n';
import { IDLE_WARNING_SECONDS, IdleWarning } from '../idle-warning';
import { useIdleTimeout } from '../use-idle-timeout';
import { useDocumentTitle } from './kit/use-document-title';
import { AuditTab } from './audit-tab';
import { EvacuationTab } from './evacuation-tab';
import { FootageTab } from './footage-tab';
import { HealthBanner } from './health-banner';
import { HoldsTab } from './holds-tab';
import { PrivacyTab } from './privacy-tab';
import { RecorderLayouts } from './recorder-layouts';
import { HostsTab } from './hosts-tab';
import { RegisterTab } from './register-tab';
import { RetentionTab } from './retention-tab';
import { StaffAccountsTab } from './staff-accounts-tab';
import type { StaffTabProps } from './kit/tab-props';
import { TABS_BY_ROLE, type Tab } from './tabs';
import { staffText } from './texts';
import { TodayTab } from './today-tab';
import { DevicesTab } from './devices/devices-tab';
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
  // On a lobby screen (the lobby window, a kiosk device) only lobby.staffViews open; the core refuses
  // the rest anyway. Nothing shows until the screen's kind is known.
  const [openViews, setOpenViews] = useState<readonly StaffViewName[] | null | undefined>(undefined);
  useEffect(() => {
    void client.invoke('devices.screen', {}).then((result) => setOpenViews(result.ok ? result.value.staffViews : []));
  }, [client]);
  const tabs = useMemo(
    () =>
      openViews === undefined
        ? []
        : TABS_BY_ROLE[session.role].filter((name) => openViews === null || openViews.includes(name)),
    [openViews, session.role],
  );
  const [chosenTab, setTab] = useState<Tab | undefined>(undefined);
  const tab = chosenTab !== undefined && tabs.includes(chosenTab) ? chosenTab : tabs[0];

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

  const props: StaffTabProps = { client: staffClient, language, text, timeZone: facts.timeZone };
  return (
    <div className="staff-view" inert={idle.warningSecondsLeft !== null}>
      {idle.warningSecondsLeft !== null && (
        <IdleWarning text={uiText[language]} secondsLeft={idle.warningSecondsLeft} onKeep={keepUnlocked} locks />
      )}
      <header className="staff-bar">
        <p className="who-am-i">{text.signedInAs(session.name, text.roles[session.role], session.staffId)}</p>
        <nav aria-label={text.staffEntry}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              className="tab"
              aria-current={tab === name ? 'page' : undefined}
              onClick={() => setTab(name)}
            >
              {text.tabs[name]}
            </button>
          ))}
        </nav>
        <button type="button" className="secondary lock" onClick={() => lock('manual')}>
          {text.lock}
        </button>
      </header>
      <HealthBanner {...props} />
      {tab === 'register' ? (
        <RegisterTab {...props} facts={facts} onDone={() => setTab('today')} />
      ) : (
        <section className="screen staff">
          {tab === 'today' && <TodayTab {...props} />}
          {tab === 'evacuation' && <EvacuationTab {...props} />}
          {tab === 'staff' && <StaffAccountsTab {...props} />}
          {tab === 'hosts' && <HostsTab {...props} facts={facts} />}
          {tab === 'audit' && <AuditTab {...props} />}
          {tab === 'retention' && <RetentionTab {...props} />}
          {tab === 'holds' && <HoldsTab {...props} />}
          {tab === 'footage' && <FootageTab {...props} />}
          {tab === 'privacy' && <PrivacyTab client={staffClient} language={language} />}
          {tab === 'devices' && <DevicesTab {...props} />}
          {tab === 'footage' && session.role === 'admin' && (
            <RecorderLayouts client={staffClient} language={language} timeZone={facts.timeZone} />
          )}
          {!tab && openViews !== undefined && <p className="lead">{text.noViews}</p>}
        </section>
      )}
    </div>
  );
}
