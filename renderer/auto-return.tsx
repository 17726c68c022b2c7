import { useEffect, useState } from 'react';
import type { UiText } from './i18n';

/** A countdown that sends the kiosk back to the welcome screen, and says so. */
export function AutoReturn({ seconds, onDone, text }: { seconds: number; onDone: () => void; text: UiText }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) {
      onDone();
      return;
    }
    const timer = window.setTimeout(() => setLeft(left - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left, onDone]);
  return <p className="hint">{text.returningSoon(Math.max(left, 0))}</p>;
}
