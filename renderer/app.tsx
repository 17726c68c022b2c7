import { useCallback, useEffect, useState } from 'react';
import type { NoticeFacts, SignInReceipt, StaffSessionInfo } from '../shared/api/types';
import type { Language } from '../shared/messages';
import type { ApiClient } from './api/client';
import { uiText } from './i18n';
import { IDLE_WARNING_SECONDS, IdleWarning } from './idle-warning';
import { LanguageSwitch } from './language-switch';
import { useIdleTimeout } from './use-idle-timeout';
import { MessageScreen } from './screens/message';
import { NoticeScreen } from './screens/notice';
import { SignInFormScreen } from './screens/sign-in-form';
import { SignOutFormScreen } from './screens/sign-out-form';
import { WelcomeScreen } from './screens/welcome';
import { StaffUnlockScreen } from './staff/unlock-screen';
import { StaffView } from './staff/staff-view';

type Screen =
  | { name: 'welcome' }
  | { name: 'notice' }
  | { name: 'declined' }
  | { name: 'signIn' }
  | { name: 'signedIn'; receipt: SignInReceipt }
  | { name: 'signOut' }
  | { name: 'signedOut'; firstName: string }
  | { name: 'staffUnlock' }
  | { name: 'staff'; session: StaffSessionInfo };

const DEFAULT_LANGUAGE: Language = 'nl';
// The sign-out code and first name leave the screen after this, or at "Done", whichever comes first.
const CONFIRMATION_SECONDS = 15;
const MESSAGE_SECONDS = 10;
const NOTICE_RETRY_MS = 5_000;
// The notice is long: a slow reader gets at least five minutes without a touch before it resets.
const NOTICE_IDLE_MIN_SECONDS = 300;
// Screens the visitor works on; message screens return to the start by their own countdown.
const IDLE_SCREENS: ReadonlySet<Screen['name']> = new Set(['welcome', 'notice', 'signIn', 'signOut', 'staffUnlock']);
// Screens with their own way to choose the language (welcome) or none (staff).
const WITHOUT_LANGUAGE_SWITCH: ReadonlySet<Screen['name']> = new Set(['welcome', 'staffUnlock', 'staff']);

export function App({ client }: { client: ApiClient }) {
  const [facts, setFacts] = useState<NoticeFacts | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  const [screen, setScreen] = useState<Screen>({ name: 'welcome' });
  // A new key for every visitor: React drops every field's state, so nothing typed survives a reset.
  const [visitorKey, setVisitorKey] = useState(0);
  const text = uiText[language];

  // Until the core answers (it may still be starting, or restarting), keep asking.
  useEffect(() => {
    let retry: number | undefined;
    let cancelled = false;
    const load = () =>
      void client.invoke('notice.current', {}).then((result) => {
        if (cancelled) return;
        setUnavailable(!result.ok);
        if (result.ok) setFacts(result.value);
        else retry = window.setTimeout(load, NOTICE_RETRY_MS);
      });
    load();
    return () => {
      cancelled = true;
      window.clearTimeout(retry);
    };
  }, [client]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const reset = useCallback(() => {
    setScreen({ name: 'welcome' });
    setLanguage(DEFAULT_LANGUAGE);
    setVisitorKey((key) => key + 1);
  }, []);
  // "Back" starts over for the same visitor: what was typed goes, the chosen language stays.
  const backToStart = useCallback(() => {
    setScreen({ name: 'welcome' });
    setVisitorKey((key) => key + 1);
  }, []);

  // The welcome screen in its default language is the resting state; anything else times out.
  const atRest = screen.name === 'welcome' && language === DEFAULT_LANGUAGE;
  // The staff view keeps its own, longer idle lock.
  const idleSeconds =
    atRest || !facts || !IDLE_SCREENS.has(screen.name)
      ? null
      : screen.name === 'notice'
        ? Math.max(facts.kioskIdleSeconds, NOTICE_IDLE_MIN_SECONDS)
        : facts.kioskIdleSeconds;
  const idle = useIdleTimeout(idleSeconds, reset, IDLE_WARNING_SECONDS);

  if (unavailable || !facts) {
    return (
      <main className="kiosk" aria-busy={!unavailable}>
        {unavailable && (
          <section className="screen message">
            <h1>{text.unavailableTitle}</h1>
            <p className="lead">{text.unavailableText}</p>
          </section>
        )}
      </main>
    );
  }

  return (
    <>
      <main className="kiosk" key={visitorKey} inert={idle.warningSecondsLeft !== null}>
        {!WITHOUT_LANGUAGE_SWITCH.has(screen.name) && <LanguageSwitch language={language} onLanguage={setLanguage} />}
        {screen.name === 'welcome' && (
          <WelcomeScreen
            text={text}
            language={language}
            onLanguage={setLanguage}
            onSignIn={() => setScreen({ name: 'notice' })}
            onSignOut={() => setScreen({ name: 'signOut' })}
            onStaff={() => setScreen({ name: 'staffUnlock' })}
          />
        )}
        {screen.name === 'staffUnlock' && (
          <StaffUnlockScreen
            language={language}
            client={client}
            onUnlocked={(session) => setScreen({ name: 'staff', session })}
            onCancel={reset}
          />
        )}
        {screen.name === 'staff' && (
          <StaffView session={screen.session} language={language} client={client} facts={facts} onLocked={reset} />
        )}
        {screen.name === 'notice' && (
          <NoticeScreen
            text={text}
            language={language}
            facts={facts}
            onAcknowledge={() => setScreen({ name: 'signIn' })}
            onDecline={() => setScreen({ name: 'declined' })}
            onBack={backToStart}
          />
        )}
        {screen.name === 'declined' && (
          <MessageScreen text={text} title={text.declinedTitle} returnAfter={MESSAGE_SECONDS} onDone={reset}>
            <p className="lead">{text.declinedText}</p>
          </MessageScreen>
        )}
        {screen.name === 'signIn' && (
          <SignInFormScreen
            text={text}
            language={language}
            client={client}
            facts={facts}
            onSignedIn={(receipt) => setScreen({ name: 'signedIn', receipt })}
            onBack={backToStart}
          />
        )}
        {screen.name === 'signedIn' && (
          <MessageScreen
            text={text}
            title={text.confirmationTitle(screen.receipt.firstName)}
            returnAfter={CONFIRMATION_SECONDS}
            onDone={reset}
            className="confirmation"
          >
            <p className="code-label">{text.yourCode}</p>
            <p
              className="sign-out-code"
              data-testid="sign-out-code"
              aria-label={[...screen.receipt.signOutCode].join(' ')}
            >
              {screen.receipt.signOutCode}
            </p>
            <p className="lead">{text.codeHint}</p>
          </MessageScreen>
        )}
        {screen.name === 'signOut' && (
          <SignOutFormScreen
            text={text}
            language={language}
            client={client}
            onSignedOut={(receipt) => setScreen({ name: 'signedOut', firstName: receipt.firstName })}
            onBack={backToStart}
          />
        )}
        {screen.name === 'signedOut' && (
          <MessageScreen
            text={text}
            title={text.goodbyeTitle(screen.firstName)}
            returnAfter={MESSAGE_SECONDS}
            onDone={reset}
          >
            <p className="lead">{text.goodbyeText}</p>
          </MessageScreen>
        )}
      </main>
      {idle.warningSecondsLeft !== null && (
        <IdleWarning text={text} secondsLeft={idle.warningSecondsLeft} onKeep={idle.keep} />
      )}
    </>
  );
}
