import { useEffect } from 'react';
import { readScannedCode, type ScannedCode } from '../shared/validation/scanned-code';

// A USB scanner types a QR code's text as a burst of keystrokes ending in Enter. Keys further apart
// than this start a new burst, so stray presses on the welcome screen never add up to a code.
const BURST_GAP_MS = 2_000;
const MAX_LENGTH = 32;

/**
 * Listens on a screen without text fields (the welcome screen) for a scanned invitation or badge
 * QR code. The codes' prefixes tell them apart from anything else typed. Pass a stable callback.
 */
export function useScannedCode(onScan: ((scanned: ScannedCode) => void) | null) {
  useEffect(() => {
    if (!onScan) return;
    let typed = '';
    let lastKeyAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      const now = performance.now();
      if (now - lastKeyAt > BURST_GAP_MS) typed = '';
      lastKeyAt = now;
      if (event.key === 'Enter') {
        const scanned = readScannedCode(typed);
        typed = '';
        if (scanned) {
          event.preventDefault();
          onScan(scanned);
        }
        return;
      }
      if (event.key.length === 1) typed = (typed + event.key).slice(-MAX_LENGTH);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onScan]);
}
