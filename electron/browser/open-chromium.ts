import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const LAUNCH_PAGE_LIFETIME_MS = 60_000;

export function findChromium(): string | null {
  const lookup = process.platform === 'win32' ? 'where' : 'which';
  for (const name of CANDIDATES) {
    const found = spawnSync(lookup, [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim().split('\n')[0]!;
  }
  return null;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A page, readable by its owner only, that forwards to the kiosk URL. The browser is started with
 * this file instead of the URL, because a process's arguments are visible to every local user and
 * the URL carries the launch token.
 */
export function writeLaunchPage(folder: string, url: string): string {
  const file = path.join(folder, 'open-kiosk.html');
  const target = escapeAttribute(url);
  fs.writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
      `<meta http-equiv="refresh" content="0;url=${target}"><title>Reception kiosk</title>` +
      `<a href="${target}">Reception kiosk</a>\n`,
    { mode: 0o600 },
  );
  return file;
}

export interface OpenedChromium {
  /** Stops that browser (its whole process group) and removes its temporary profile. */
  stop(): Promise<void>;
  /** The same, synchronously, for process 'exit' handlers: signals the browser, removes the profile. */
  stopNow(): void;
}

/**
 * App mode: one window, no address bar. A fresh profile folder and incognito, so this is a browser
 * process of its own (not a tab in someone's running browser) and keeps no form history between visitors.
 * The profile is removed when that browser exits or is stopped, so nothing of a session stays on disk.
 */
export function openInAppMode(executable: string, url: string): OpenedChromium {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-chromium-'));
  const launchPage = writeLaunchPage(profile, url);
  const flags = [
    `--app=${pathToFileURL(launchPage).href}`,
    `--user-data-dir=${profile}`,
    '--incognito',
    '--no-first-run',
    '--disable-sync',
    '--disable-translate',
  ];
  // Its own process group (detached), so stopping it reaches the helper processes Chromium starts.
  const child = spawn(executable, flags, { detached: true, stdio: 'ignore' });
  const removeProfile = () => fs.rmSync(profile, { recursive: true, force: true });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  void exited.then(removeProfile);
  child.unref();
  setTimeout(() => fs.rmSync(launchPage, { force: true }), LAUNCH_PAGE_LIFETIME_MS).unref();

  const signal = (name: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      if (process.platform === 'win32') child.kill(name);
      else process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  return {
    async stop() {
      signal('SIGTERM');
      await exited;
      removeProfile();
    },
    stopNow() {
      signal('SIGTERM');
      removeProfile();
    },
  };
}
