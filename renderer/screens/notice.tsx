import type { NoticeFacts } from '../../shared/api/types';
import type { Language } from '../../shared/messages';
import { noticeSections } from '../../shared/notice';
import type { UiText } from '../i18n';
import { ScreenHeading } from '../screen-heading';

interface Props {
  text: UiText;
  language: Language;
  facts: NoticeFacts;
  onAcknowledge: () => void;
  onDecline: () => void;
  onBack: () => void;
}

// Legitimate interest, not consent: the visitor confirms having read the notice. There is no
// consent tick-box, and declining stores nothing.
export function NoticeScreen({ text, language, facts, onAcknowledge, onDecline, onBack }: Props) {
  return (
    <section className="screen notice">
      <ScreenHeading>{text.noticeTitle}</ScreenHeading>
      <p className="lead">{text.noticeLead}</p>
      <div className="notice-text" tabIndex={0} role="region" aria-label={text.noticeTitle}>
        {noticeSections(facts, language).map((section) => (
          <section key={section.heading}>
            <h2>{section.heading}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </section>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="primary big" onClick={onAcknowledge}>
          {text.acknowledge}
        </button>
        <button type="button" className="secondary" onClick={onDecline}>
          {text.decline}
        </button>
        <button type="button" className="tertiary" onClick={onBack}>
          {text.back}
        </button>
      </div>
    </section>
  );
}
