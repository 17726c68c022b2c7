import type { Language } from '../../shared/messages';
import { uiText, type UiText } from '../i18n';
import { invitationText } from '../invitation-texts';
import { ScreenHeading } from '../screen-heading';
import { staffText } from '../staff/texts';

interface Props {
  text: UiText;
  language: Language;
  onLanguage: (language: Language) => void;
  onSignIn: () => void;
  onSignOut: () => void;
  onInvitation: () => void;
  onStaff: () => void;
}

export function WelcomeScreen({ text, language, onLanguage, onSignIn, onSignOut, onInvitation, onStaff }: Props) {
  return (
    <section className="screen welcome">
      <ScreenHeading>
        {uiText.nl.welcomeTitle} · {uiText.en.welcomeTitle}
      </ScreenHeading>
      <p className="lead">{text.welcomeLead}</p>
      <div className="language-choice" role="group" aria-label={text.chooseLanguage}>
        {(['nl', 'en'] as const).map((option) => (
          <button
            key={option}
            type="button"
            lang={option}
            className="language"
            aria-pressed={language === option}
            onClick={() => onLanguage(option)}
          >
            {uiText[option].languageName}
          </button>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="primary big" onClick={onSignIn}>
          {text.signIn}
        </button>
        <button type="button" className="secondary big" onClick={onSignOut}>
          {text.signOut}
        </button>
        <button type="button" className="secondary big" onClick={onInvitation}>
          {invitationText[language].haveInvitation}
        </button>
      </div>
      <button type="button" className="staff-entry" onClick={onStaff}>
        {staffText[language].staffEntry}
      </button>
    </section>
  );
}
