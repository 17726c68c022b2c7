import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

export function findChromium(): string | null {
  const lookup = process.platform === 'win32' ? 'where' : 'which';
  for (const name of CANDIDATES) {
    const found = spawnSync(lookup, [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim().split('\n')[0]!;
  }
  return null;
}

/**
 * App mode: one window, no address bar. A fresh profile folder and incognito, so this is a browser
 * process of its own (not a tab in someone's running browser) and keeps no form history between visitors.
 */
export function openInAppMode(executable: string, url: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-chromium-'));
  const flags = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--incognito',
    '--no-first-run',
    '--disable-sync',
    '--disable-translate',
  ];
  const child = spawn(executable, flags, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}
