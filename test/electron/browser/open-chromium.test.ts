// The browser that browser mode opens: a real child process (a stand-in script for Chromium, which
// writes into its profile and starts a helper process), stopped with its helpers, its profile removed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openInAppMode } from '../../../electron/browser/open-chromium';
import { makeTempDir } from '../../helpers/temp-dir';

const FAKE_CHROMIUM = path.resolve(import.meta.dirname, '../../fixtures/fake-chromium.sh');
const savedReport = process.env.FAKE_CHROMIUM_REPORT;

afterEach(() => {
  if (savedReport === undefined) delete process.env.FAKE_CHROMIUM_REPORT;
  else process.env.FAKE_CHROMIUM_REPORT = savedReport;
});

/** Alive: it exists and is not a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function startedBrowser(report: string) {
  await expect.poll(() => fs.existsSync(report), { timeout: 20_000 }).toBe(true);
  const [pid, helper, profile] = fs.readFileSync(report, 'utf8').trim().split(' ');
  return { pid: Number(pid), helper: Number(helper), profile: profile! };
}

describe('openInAppMode', () => {
  it.skipIf(process.platform === 'win32')(
    'stop() ends the browser and its helper processes and removes its profile',
    async () => {
      const report = path.join(makeTempDir(), 'report');
      process.env.FAKE_CHROMIUM_REPORT = report;
      const opened = openInAppMode(FAKE_CHROMIUM, 'http://127.0.0.1:1/#token=secret');
      const browser = await startedBrowser(report);
      expect(fs.existsSync(path.join(browser.profile, 'Cookies'))).toBe(true);
      expect(isAlive(browser.pid) && isAlive(browser.helper)).toBe(true);
      await opened.stop();
      expect(fs.existsSync(browser.profile)).toBe(false);
      expect(isAlive(browser.pid)).toBe(false);
      await expect.poll(() => isAlive(browser.helper), { timeout: 20_000 }).toBe(false);
    },
  );

  it.skipIf(process.platform === 'win32')('removes the profile when the browser is closed by its user', async () => {
    const report = path.join(makeTempDir(), 'report');
    process.env.FAKE_CHROMIUM_REPORT = report;
    openInAppMode(FAKE_CHROMIUM, 'http://127.0.0.1:1/#token=secret');
    const browser = await startedBrowser(report);
    process.kill(browser.helper, 'SIGTERM');
    process.kill(browser.pid, 'SIGTERM');
    await expect.poll(() => fs.existsSync(browser.profile), { timeout: 20_000 }).toBe(false);
  });
});
