import type { ReactNode } from 'react';
import { AutoReturn } from '../auto-return';
import type { UiText } from '../i18n';
import { ScreenHeading } from '../screen-heading';

interface Props {
  text: UiText;
  title: string;
  children?: ReactNode;
  /** Seconds before the kiosk returns to the welcome screen by itself. */
  returnAfter: number;
  onDone: () => void;
  className?: string;
}

/** A screen that tells the visitor one thing and then returns to the start: decline, confirmation, goodbye. */
export function MessageScreen({ text, title, children, returnAfter, onDone, className = '' }: Props) {
  return (
    <section className={`screen message ${className}`}>
      <ScreenHeading>{title}</ScreenHeading>
      {children}
      <div className="actions">
        <button type="button" className="primary big" onClick={onDone}>
          {text.done}
        </button>
      </div>
      <AutoReturn seconds={returnAfter} onDone={onDone} text={text} />
    </section>
  );
}
