import { useEffect } from 'react';
import { readScannedCode, type ScannedCode } from '../shared/validation/scanned-code';

// A USB scanner types a QR code's text as a burst of keystrokes ending in Enter. Keys further apart
// than this start a new burst, so stray presses on the welcome screen never add up to a code.
const BURST_GAP_MS = 2_000;
const MAX_LENGTH = 32;

/**
 * Listens on every visitor screen for a scanned invitation or badge QR code, in a text field too (the
 * code fields have focus). The codes' prefixes tell them apart from anything else typed; in a field
 * the prefix must come with its dash, as a scanner types it, so a company such as "Interact" typed
 * and Enter is never read as a code. Pass a stable callback.
 */
export function useScannedCode(onScan: ((scanned: ScannedCode) => void) | null) {
  useEffect(() => {
    if (!onScan) return;
    let typed = '';
    let lastKeyAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      const now = performance.now();
      if (now - lastKeyAt > BURST_GAP_MS) typed = '';
      lastKeyAt = now;
      if (event.key === 'Enter') {
        const scanned = !inField || /^(IN|OUT)-/i.test(typed.trim()) ? readScannedCode(typed) : null;
        typed = '';
        if (scanned) {
          // Before the form sees the Enter: the scan is handled here, not submitted as typed.
          event.preventDefault();
          event.stopPropagation();
          onScan(scanned);
        }
        return;
      }
      if (event.key.length === 1) typed = (typed + event.key).slice(-MAX_LENGTH);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onScan]);
}
