import { spawn, spawnSync } from 'node:child_process';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

export function findChromium(): string | null {
  for (const name of CANDIDATES) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

/**
 * App mode: one window, no address bar. Incognito, so the browser keeps no form history between
 * visitors and nothing of theirs outlives the window.
 */
export function openInAppMode(executable: string, url: string): void {
  const child = spawn(
    executable,
    [`--app=${url}`, '--incognito', '--no-first-run', '--disable-sync', '--disable-translate'],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  child.on('error', () => undefined);
  child.unref();
}
