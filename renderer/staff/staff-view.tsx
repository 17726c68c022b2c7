import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StaffViewName } from '../../shared/staff-views';
import type { NoticeFacts, StaffSessionInfo } from '../../shared/api/types';
import type { Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { uiText } from '../i18n';
import { IDLE_WARNING_SECONDS, IdleWarning } from '../idle-warning';
import { useActivity, useIdleTimeout } from '../use-idle-timeout';
import { HealthBanner } from './health/health-banner';
import type { StaffTabProps } from './kit/tab-props';
import { useDocumentTitle } from './kit/use-document-title';
import { tabsFor, type Tab } from './tabs';
import { staffText } from './texts';
import './staff-view.css';

// At most one call per 5 s of a person's activity keeps the core's session: it then runs out no more
// than 5 s before the screen's own idle lock, which warns 15 s ahead.
const KEEP_ALIVE_GAP_MS = 5_000;
/** How long a lock call may take before the screen goes back to the kiosk without its answer. */
const LOCK_WAIT_MS = 10_000;

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
  // the rest anyway. No tab shows until the screen's kind is known.
  const [openViews, setOpenViews] = useState<readonly StaffViewName[] | null | undefined>(undefined);
  useEffect(() => {
    void client.invoke('devices.screen', {}).then((result) => setOpenViews(result.ok ? result.value.staffViews : []));
  }, [client]);
  const tabs = useMemo(
    () =>
      openViews === undefined
        ? []
        : tabsFor(session.role).filter(({ id }) => openViews === null || openViews.includes(id)),
    [openViews, session.role],
  );
  const [chosenTab, setTab] = useState<Tab | undefined>(undefined);
  const tab = chosenTab !== undefined && tabs.some(({ id }) => id === chosenTab) ? chosenTab : tabs[0]?.id;
  const current = tabs.find((candidate) => candidate.id === tab);

  // The view is left once: an answer that comes late (a keep-alive, a tab's list, the lock itself after
  // its wait ran out) must not reset the kiosk screen that took over meanwhile, a visitor perhaps halfway.
  const left = useRef(false);
  const leave = useCallback(() => {
    if (left.current) return;
    left.current = true;
    onLocked();
  }, [onLocked]);

  // Nothing of the staff view stays on screen while the lock call travels (a console on a slow network).
  // A call that never returns (the network gone) does not keep the screen waiting: after LOCK_WAIT_MS it
  // goes back to the kiosk, and the core's session ends by its own idle timeout if the lock never came.
  const [locking, setLocking] = useState(false);
  const lock = useCallback(
    (reason: 'manual' | 'idle') => {
      if (locking) return;
      setLocking(true);
      const givingUp = setTimeout(leave, LOCK_WAIT_MS);
      void client.invoke('staff.lock', { reason }).finally(() => {
        clearTimeout(givingUp);
        leave();
      });
    },
    [client, leave, locking],
  );
  const idle = useIdleTimeout(session.idleSeconds, () => lock('idle'), IDLE_WARNING_SECONDS);
  // The core's session is kept by calls only: a person typing a long form, or pressing "keep" on the
  // idle warning (whose touch restarts the timer and closes the warning before its click), keeps the
  // core's session as the screen's timer, or finds it already gone.
  useActivity(
    useCallback(() => {
      void client.invoke('staff.session', {}).then((result) => {
        if (!result.ok || result.value === null) leave();
      });
    }, [client, leave]),
    KEEP_ALIVE_GAP_MS,
  );
  useDocumentTitle(text.pageTitle);

  // A session the core has ended (idle there, or a restart) sends the view back to the kiosk.
  const staffClient = useMemo<ApiClient>(
    () => ({
      invoke: async (channel, input, options) => {
        const result = await client.invoke(channel, input, options);
        if (!result.ok && result.error.key === 'api.unauthenticated') leave();
        return result;
      },
    }),
    [client, leave],
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
  if (locking) {
    return (
      <section className="screen staff" aria-busy="true">
        <p className="lead" role="status">
          {text.locking}
        </p>
      </section>
    );
  }
  return (
    <div className="staff-view" inert={idle.warningSecondsLeft !== null}>
      {idle.warningSecondsLeft !== null && (
        <IdleWarning text={uiText[language]} secondsLeft={idle.warningSecondsLeft} onKeep={idle.keep} locks />
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
          {current ? (
            <current.component key={current.id} {...props} />
          ) : (
            openViews !== undefined && <p className="lead">{text.noViews}</p>
          )}
        </section>
      )}
    </div>
  );
}
