// What only a developer's Electron gets. A packaged kiosk runs on the real clock and never opens
// DevTools, whatever its environment says: whoever can set an environment variable on the kiosk
// should not be able to move the retention clock or inspect the staff view.
import { clockFromEnvironment, systemClock, type Clock } from '../core/clock';

/** KIOSK_NOW (demos, tests) in development only. */
export function kioskClock(environment: NodeJS.ProcessEnv, isPackaged: boolean): Clock {
  return isPackaged ? systemClock : clockFromEnvironment(environment);
}

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/** F12, Ctrl+Shift+I/J/C (Windows, Linux) and Cmd+Alt+I/J/C (macOS): Chromium's DevTools keys. */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  if (input.key === 'F12') return true;
  const letter = input.key.toLowerCase();
  if (!['i', 'j', 'c'].includes(letter)) return false;
  return (input.control && input.shift) || (input.meta && input.alt);
}
