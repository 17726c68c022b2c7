import { useCallback, useEffect, useState } from 'react';
import type { NoticeFacts, SignInReceipt, StaffSessionInfo } from '../shared/api/types';
import type { Language } from '../shared/messages';
import type { ApiClient } from './api/client';
import { uiText } from './i18n';
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
  | { name: 'signedOut' }
  | { name: 'staffUnlock' }
  | { name: 'staff'; session: StaffSessionInfo };

const DEFAULT_LANGUAGE: Language = 'nl';
const CONFIRMATION_SECONDS = 30;
const MESSAGE_SECONDS = 10;
const NOTICE_RETRY_MS = 5_000;

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

  // The welcome screen in its default language is the resting state; anything else times out.
  const atRest = screen.name === 'welcome' && language === DEFAULT_LANGUAGE;
  // The staff view keeps its own, longer idle lock.
  useIdleTimeout(atRest || screen.name === 'staff' || !facts ? null : facts.kioskIdleSeconds, reset);

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
    <main className="kiosk" key={visitorKey}>
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
          onBack={reset}
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
          onBack={reset}
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
          onSignedOut={() => setScreen({ name: 'signedOut' })}
          onBack={reset}
        />
      )}
      {screen.name === 'signedOut' && (
        <MessageScreen text={text} title={text.goodbyeTitle} returnAfter={MESSAGE_SECONDS} onDone={reset}>
          <p className="lead">{text.goodbyeText}</p>
        </MessageScreen>
      )}
    </main>
  );
}
