import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ScreenInfo } from '../../shared/api/devices';
import type { NoticeFacts } from '../../shared/api/types';
import type { Language } from '../../shared/messages';
import { createApiClient } from '../api/client';
import { App } from '../app';
import { uiText } from '../i18n';
import { LanguageSwitch } from '../language-switch';
import { consoleTransport } from './console-transport';
import { DeskConsole } from './desk-console';
import { EnrolScreen } from './enrol-screen';
import { useLiveUpdates } from './live-updates';
import './console.css';

type Mode =
  | { name: 'loading' }
  | { name: 'enrol' }
  | { name: 'unavailable' }
  | { name: 'device'; screen: ScreenInfo; facts: NoticeFacts };

const RETRY_MS = 5_000;

/**
 * The staff console in a browser on the office network: enrolment first; then a desk shows the staff
 * unlock and views, a kiosk device the visitor screens. A refusal for want of enrolment (a revoked
 * device) at any call, or on the live connection, comes back to enrolment.
 */
export function ConsoleApp() {
  const [mode, setMode] = useState<Mode>({ name: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [language, setLanguage] = useState<Language>('nl');
  const unenrolled = useCallback(() => setMode({ name: 'enrol' }), []);
  const client = useMemo(() => createApiClient(consoleTransport(unenrolled)), [unenrolled]);

  useEffect(() => {
    let cancelled = false;
    let retry: number | undefined;
    const load = async () => {
      const [screen, facts] = await Promise.all([
        client.invoke('devices.screen', {}),
        client.invoke('notice.current', {}),
      ]);
      if (cancelled) return;
      if (screen.ok && facts.ok) return setMode({ name: 'device', screen: screen.value, facts: facts.value });
      if (!screen.ok && screen.error.key === 'device.notEnrolled') return setMode({ name: 'enrol' });
      setMode({ name: 'unavailable' });
      retry = window.setTimeout(() => void load(), RETRY_MS);
    };
    void load();
    return () => {
      cancelled = true;
      window.clearTimeout(retry);
    };
  }, [client, generation]);

  const live = useLiveUpdates(mode.name === 'device', unenrolled);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  if (mode.name === 'enrol')
    return (
      <main className="kiosk console-enrol">
        <LanguageSwitch language={language} onLanguage={setLanguage} />
        <EnrolScreen client={client} language={language} onEnrolled={() => setGeneration((g) => g + 1)} />
      </main>
    );
  if (mode.name === 'device' && mode.screen.kind === 'desk')
    return <DeskConsole client={client} screen={mode.screen} facts={mode.facts} live={live} />;
  if (mode.name === 'device') return <App client={client} />;
  return (
    <main className="kiosk" aria-busy={mode.name === 'loading'}>
      {mode.name === 'unavailable' && (
        <section className="screen message">
          <h1>{uiText[language].unavailableTitle}</h1>
          <p className="lead">{uiText[language].unavailableText}</p>
        </section>
      )}
    </main>
  );
}
