import type { Language } from '../shared/messages';
import { uiText } from './i18n';

/**
 * The other language, one tap away on every visitor screen. It changes only the texts: what the
 * visitor typed stays, because the screen keeps its state.
 */
export function LanguageSwitch({ language, onLanguage }: { language: Language; onLanguage: (l: Language) => void }) {
  const other: Language = language === 'nl' ? 'en' : 'nl';
  return (
    <div className="language-switch">
      <button type="button" className="secondary language-switch-button" lang={other} onClick={() => onLanguage(other)}>
        {uiText[other].languageName}
      </button>
    </div>
  );
}
