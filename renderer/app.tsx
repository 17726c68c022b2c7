import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostSuggestion } from '../shared/api/hosts';
import type { InvitationDetails } from '../shared/api/invitations';
import type { NoticeFacts, SignInReceipt, StaffSessionInfo } from '../shared/api/types';
import { translate, type Language } from '../shared/messages';
import type { ApiError } from '../shared/result';
import type { ScannedCode } from '../shared/validation/scanned-code';
import type { ApiClient } from './api/client';
import { uiText } from './i18n';
import { IDLE_WARNING_SECONDS, IdleWarning } from './idle-warning';
import { invitationText } from './invitation-texts';
import { LanguageSwitch } from './language-switch';
import { useIdleTimeout } from './use-idle-timeout';
import { useScannedCode } from './use-scanned-code';
import { BadgeSheet } from './screens/badge-sheet';
import { HostPickerScreen } from './screens/host-picker';
import { InvitationCodeScreen, type InvitationKey } from './screens/invitation-code';
import { InvitationDetailsScreen, type DetailValues } from './screens/invitation-details';
import { MessageScreen } from './screens/message';
import { NoticeScreen } from './screens/notice';
import { SignInFormScreen } from './screens/sign-in-form';
import { SignOutFormScreen } from './screens/sign-out-form';
import { WelcomeScreen } from './screens/welcome';
import { StaffUnlockScreen } from './staff/unlock/unlock-screen';
import { StaffView } from './staff/staff-view';

type Screen =
  | { name: 'welcome' }
  | { name: 'notice' }
  | { name: 'declined' }
  | { name: 'signIn' }
  | { name: 'signedIn'; receipt: SignInReceipt }
  | { name: 'signOut' }
  | { name: 'signedOut' }
  | { name: 'invitationCode' }
  | { name: 'invitationDetails'; key: InvitationKey; details: InvitationDetails }
  | { name: 'invitationNotice'; key: InvitationKey; values: DetailValues }
  | { name: 'failed'; error: ApiError }
  | { name: 'busy' }
  | { name: 'hostPicker'; then: Screen }
  | { name: 'staffUnlock' }
  | { name: 'staff'; session: StaffSessionInfo };

const DEFAULT_LANGUAGE: Language = 'nl';
// The sign-out code and first name leave the screen after this, or at "Done", whichever comes first.
const CONFIRMATION_SECONDS = 15;
const MESSAGE_SECONDS = 10;
const NOTICE_RETRY_MS = 5_000;
const SIGN_IN_GIVES_UP_MS = 30_000;
// The notice is long: a slow reader gets at least five minutes without a touch before it resets.
const NOTICE_IDLE_MIN_SECONDS = 300;
// Screens the visitor works on; message screens return to the start by their own countdown.
const IDLE_SCREENS: ReadonlySet<Screen['name']> = new Set([
  'welcome',
  'notice',
  'signIn',
  'signOut',
  'staffUnlock',
  'invitationCode',
  'invitationDetails',
  'invitationNotice',
  'hostPicker',
]);
const NOTICE_LOADED_AT: ReadonlySet<Screen['name']> = new Set(['welcome', 'notice', 'invitationNotice']);
// Where a scanned QR code is not taken: the staff's screens, and while a sign-in is under way.
const WITHOUT_SCANNER: ReadonlySet<Screen['name']> = new Set(['staffUnlock', 'staff', 'busy']);
// Screens with their own way to choose the language (welcome) or none (staff, a sign-in under way).
const WITHOUT_LANGUAGE_SWITCH: ReadonlySet<Screen['name']> = new Set(['welcome', 'staffUnlock', 'staff', 'busy']);

export function App({ client }: { client: ApiClient }) {
  const [facts, setFacts] = useState<NoticeFacts | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  const [screen, setScreen] = useState<Screen>({ name: 'welcome' });
  // A new key for every visitor: React drops every field's state, so nothing typed survives a reset.
  const [visitorKey, setVisitorKey] = useState(0);
  // The screen shown now, readable in an answer that arrives later.
  const shownScreen = useRef(screen);
  useEffect(() => {
    shownScreen.current = screen;
  }, [screen]);
  // The host this visitor picked (hostNotice.enabled), told once the sign-in succeeded.
  const [host, setHost] = useState<HostSuggestion | null>(null);
  const text = uiText[language];
  const invitation = invitationText[language];

  // Until the core answers (it may still be starting, or restarting), keep asking. Asked again each time
  // the welcome screen comes back, so changed settings (notice, idle times) reach the next visitor, and
  // as a notice is shown: a kiosk resting at the welcome screen while an admin saved settings shows the
  // notice in force, and the sign-in sends the version the visitor read.
  const loadsNotice = NOTICE_LOADED_AT.has(screen.name) ? screen.name : null;
  useEffect(() => {
    if (!loadsNotice) return;
    let retry: number | undefined;
    let cancelled = false;
    const load = () =>
      void client.invoke('notice.current', {}).then((result) => {
        if (cancelled) return;
        // Mid-visit the notice already shown stays usable: only the resting kiosk says it is unavailable.
        setUnavailable(!result.ok && loadsNotice === 'welcome');
        if (result.ok) setFacts(result.value);
        else retry = window.setTimeout(load, NOTICE_RETRY_MS);
      });
    load();
    return () => {
      cancelled = true;
      window.clearTimeout(retry);
    };
  }, [client, loadsNotice]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const reset = useCallback(() => {
    setScreen({ name: 'welcome' });
    setLanguage(DEFAULT_LANGUAGE);
    setVisitorKey((key) => key + 1);
    setHost(null);
  }, []);

  // "Back" starts over for the same visitor: what was typed goes, the chosen language stays.
  const backToStart = useCallback(() => {
    setScreen({ name: 'welcome' });
    setVisitorKey((key) => key + 1);
    setHost(null);
  }, []);

  /** A scan at any visitor screen: an invitation goes straight to its details, a badge signs out. */
  const onScan = useCallback(
    async (scanned: ScannedCode) => {
      if (scanned.kind === 'invitation') {
        const result = await client.invoke('invitations.lookup', { code: scanned.code });
        setScreen(
          result.ok
            ? { name: 'invitationDetails', key: { code: scanned.code }, details: result.value }
            : { name: 'failed', error: result.error },
        );
        return;
      }
      const result = await client.invoke('visits.signOut', { code: scanned.code });
      setScreen(result.ok ? { name: 'signedOut' } : { name: 'failed', error: result.error });
    },
    [client],
  );
  useScannedCode(!WITHOUT_SCANNER.has(screen.name) && facts ? onScan : null);

  /** The confirmation; the host's mail goes in the background and never holds it up. */
  function signedIn(receipt: SignInReceipt) {
    setScreen({ name: 'signedIn', receipt });
    if (host) void client.invoke('hosts.notify', { signOutCode: receipt.signOutCode, hostId: host.id });
  }

  /** With host notices on, the visitor first says whom they visit (unless the invitation says). */
  const viaHostPicker = (then: Screen, knownHost = false): Screen =>
    facts?.hostNotice && !knownHost ? { name: 'hostPicker', then } : then;

  async function signInByInvitation(key: InvitationKey, values: DetailValues) {
    setScreen({ name: 'busy' }); // one tap signs in once
    // A call that never answers (a console device whose network went) does not leave a blank lobby.
    const gaveUp: Screen = { name: 'failed', error: { key: 'api.unreachable' } };
    let givenUp = false;
    const giveUp = window.setTimeout(() => {
      givenUp = true;
      setScreen(gaveUp);
    }, SIGN_IN_GIVES_UP_MS);
    const result = await client.invoke('invitations.signIn', {
      code: key.code,
      invitationName: key.name,
      firstName: values.firstName,
      lastName: values.lastName,
      company: values.company,
      plate: values.plate.trim() === '' ? undefined : values.plate,
      noticeVersion: facts!.version,
    });
    window.clearTimeout(giveUp);
    if (givenUp) {
      // Given up on meanwhile. While that very message is still shown, the visitor reading it is signed
      // in after all and gets their code; once anything else is on screen (the start, a scan's
      // screen), nothing of it is shown.
      if (result.ok && shownScreen.current === gaveUp) signedIn(result.value);
      return;
    }
    if (result.ok) signedIn(result.value);
    // The notice changed since it was read: shown again (as it is now), with the details kept.
    else if (result.error.key === 'notice.outdated') setScreen({ name: 'invitationNotice', key, values });
    else setScreen({ name: 'failed', error: result.error });
  }

  // The welcome screen in its default language is the resting state; anything else times out.
  const atRest = screen.name === 'welcome' && language === DEFAULT_LANGUAGE;
  // The staff view keeps its own, longer idle lock.
  const idleSeconds =
    atRest || !facts || !IDLE_SCREENS.has(screen.name)
      ? null
      : screen.name === 'notice' || screen.name === 'invitationNotice'
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
            onSignIn={() => setScreen(viaHostPicker({ name: 'notice' }))}
            onSignOut={() => setScreen({ name: 'signOut' })}
            onInvitation={() => setScreen({ name: 'invitationCode' })}
            onStaff={() => setScreen({ name: 'staffUnlock' })}
          />
        )}
        {screen.name === 'invitationCode' && (
          <InvitationCodeScreen
            text={text}
            invitation={invitation}
            language={language}
            client={client}
            onFound={(key, details) => setScreen({ name: 'invitationDetails', key, details })}
            onBack={backToStart}
          />
        )}
        {screen.name === 'invitationDetails' && (
          <InvitationDetailsScreen
            text={text}
            invitation={invitation}
            language={language}
            details={screen.details}
            onConfirm={(values) =>
              setScreen(
                viaHostPicker({ name: 'invitationNotice', key: screen.key, values }, screen.details.hostName !== null),
              )
            }
            onBack={backToStart}
          />
        )}
        {screen.name === 'invitationNotice' && (
          <NoticeScreen
            text={text}
            language={language}
            facts={facts}
            onAcknowledge={() => void signInByInvitation(screen.key, screen.values)}
            onDecline={() => setScreen({ name: 'declined' })}
            onBack={backToStart}
          />
        )}
        {screen.name === 'hostPicker' && (
          <HostPickerScreen
            text={text}
            invitation={invitation}
            language={language}
            client={client}
            onPick={(picked) => {
              setHost(picked);
              setScreen(screen.then);
            }}
            onBack={backToStart}
          />
        )}
        {screen.name === 'busy' && (
          <section className="screen message" aria-busy="true">
            <p className="lead" role="status">
              {text.signingIn}
            </p>
          </section>
        )}
        {screen.name === 'failed' && (
          <MessageScreen text={text} title={invitation.failedTitle} returnAfter={MESSAGE_SECONDS} onDone={reset}>
            <p className="lead" role="alert">
              {translate(screen.error.fields?.code ?? screen.error.key, language, screen.error.params)}
            </p>
          </MessageScreen>
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
            onSignedIn={signedIn}
            onBack={backToStart}
            onNoticeChanged={() => setScreen({ name: 'notice' })}
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
        {screen.name === 'signedIn' && (
          <BadgeSheet client={client} signOutCode={screen.receipt.signOutCode} language={language} text={invitation} />
        )}
        {screen.name === 'signOut' && (
          <SignOutFormScreen
            text={text}
            language={language}
            client={client}
            onSignedOut={() => setScreen({ name: 'signedOut' })}
            onBack={backToStart}
          />
        )}
        {screen.name === 'signedOut' && (
          <MessageScreen text={text} title={text.goodbyeTitle} returnAfter={MESSAGE_SECONDS} onDone={reset}>
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
