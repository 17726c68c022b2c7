import { useCallback, useEffect, useState } from 'react';
import type { ScreenInfo } from '../../shared/api/devices';
import type { NoticeFacts, StaffSessionInfo } from '../../shared/api/types';
import type { Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { LanguageSwitch } from '../language-switch';
import { StaffUnlockScreen } from '../staff/unlock/unlock-screen';
import { StaffView } from '../staff/staff-view';
import { consoleText } from './console-texts';
import { useLiveMessage } from './live-updates';

const ARRIVAL_NOTICE_MS = 10_000;

/**
 * A desk device: the staff unlock, then the staff views of that person's role; locking (by hand or
 * idle) comes back here. A short notice tells when an expected visitor arrives at any entrance.
 */
export function DeskConsole({
  client,
  screen,
  facts,
  live,
}: {
  client: ApiClient;
  screen: ScreenInfo;
  facts: NoticeFacts;
  live: boolean;
}) {
  const [language, setLanguage] = useState<Language>('nl');
  const [session, setSession] = useState<StaffSessionInfo | null>(null);
  const [unlockKey, setUnlockKey] = useState(0);
  const [arrivals, setArrivals] = useState(0);
  const text = consoleText[language];

  useLiveMessage(
    'arrival',
    useCallback(() => setArrivals((count) => count + 1), []),
  );
  useEffect(() => {
    if (arrivals === 0) return;
    const timer = window.setTimeout(() => setArrivals(0), ARRIVAL_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [arrivals]);

  const locked = useCallback(() => {
    setSession(null);
    setUnlockKey((key) => key + 1);
  }, []);

  return (
    <main className="kiosk console-desk" data-live={live ? 'connected' : 'off'}>
      <p className="console-device">
        {text.deskTitle}: {screen.deviceName}
        {!live && <span className="hint"> · {text.liveOff}</span>}
      </p>
      {arrivals > 0 && (
        <p className="arrival-notice" role="status">
          {text.arrival}
        </p>
      )}
      {session ? (
        <StaffView session={session} language={language} client={client} facts={facts} onLocked={locked} />
      ) : (
        <>
          <LanguageSwitch language={language} onLanguage={setLanguage} />
          <StaffUnlockScreen
            key={unlockKey}
            language={language}
            client={client}
            onUnlocked={setSession}
            onCancel={locked}
          />
        </>
      )}
    </main>
  );
}
