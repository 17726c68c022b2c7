import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import { manualClock, visitor } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import { typeStaffNumber } from './staff-number';

// Each poll waits on a round trip through the kiosk: on a loaded machine that takes more than vitest's 1 s.
const POLL = { timeout: 15_000 };

const ADMIN = { name: 'Ada Admin', pin: '864205' };

let browser: Browser;
let running: RunningKiosk;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  // A window left open would go on polling a stopped kiosk: each test starts with none.
  await Promise.all(browser.contexts().map((context) => context.close()));
  await running?.stop();
});

function recording(root: string, camera: string, name: string, at: string): string {
  const file = path.join(root, camera, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
  fs.utimesSync(file, new Date(at), new Date(at));
  return file;
}

const texts = {
  nl: {
    staff: 'Medewerkers',
    pad: 'Cijfers van de pincode',
    unlock: 'Ontgrendelen',
    retention: 'Bewaartermijnen',
    confirmClock: 'De tijd klopt: opschonen',
    alarm: /Sinds .* wist de opschoning van camerabeelden niets: de tijd is inmiddels bevestigd/,
    todo: 'Vraag een beheerder op "Verlopen camerabeelden nu verwijderen" te drukken, in deze melding of onder Bewaartermijnen',
    purgeNow: 'Verlopen camerabeelden nu verwijderen',
    question: '2 bestanden zijn over de bewaartermijn en worden definitief verwijderd.',
    yes: 'Ja, 2 bestanden verwijderen',
    done: '2 bestanden verwijderd.',
    run: /camerabeelden opschonen .* gelukt .*verwijderd: 2/,
  },
  en: {
    staff: 'Staff',
    pad: 'PIN digits',
    unlock: 'Unlock',
    retention: 'Retention',
    confirmClock: 'The time is right: purge',
    alarm: /Since .* the footage purge has erased nothing: the time has since been confirmed/,
    todo: 'Ask an admin to press "Delete expired footage now", in this message or in Retention',
    purgeNow: 'Delete expired footage now',
    question: '2 files are past the retention period and will be deleted for good.',
    yes: 'Yes, delete 2 files',
    done: '2 files deleted.',
    run: /footage purge .* done .*deleted: 2/,
  },
} as const;

async function unlockAdmin(page: Page, language: 'nl' | 'en') {
  const text = texts[language];
  await page.goto(running.server.url);
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: text.staff }).click();
  await typeStaffNumber(page, running.kiosk, ADMIN.name);
  const pad = page.getByRole('group', { name: text.pad });
  for (const digit of ADMIN.pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: text.unlock }).click();
}

describe('the footage alarm after a clock confirmation, in Chromium', () => {
  it.each(['nl', 'en'] as const)(
    'leads the admin to "delete expired footage now", which deletes the expired files and clears it (%s)',
    async (language) => {
      const text = texts[language];
      const root = makeTempDir('footage-');
      const expired = [
        recording(root, 'gate', 'gate_20260301_090000.mp4', '2026-03-01T08:05:00Z'),
        recording(root, 'lobby', 'lobby_20260301_091500.mp4', '2026-03-01T08:20:00Z'),
      ];
      const clock = manualClock('2026-03-01T10:00:00Z');
      running = await startKiosk({
        clock,
        config: { ...defaultConfig, footage: { ...defaultConfig.footage, root, maxDeleteShare: 1 } },
      });
      await running.kiosk.staff.add('operator', ADMIN.name, 'admin', ADMIN.pin);
      expect((await running.kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
      expect((await running.kiosk.retention.run()).outcome).toBe('ok');
      expect((await running.kiosk.footage.purge()).outcome).toBe('ok');
      // Nothing seen for almost nine months: both purges wait for the admin to confirm the time.
      clock.set('2026-11-24T10:00:00Z');
      const recent = [
        recording(root, 'gate', 'gate_20261124_080000.mp4', '2026-11-24T07:05:00Z'),
        recording(root, 'lobby', 'lobby_20261124_081500.mp4', '2026-11-24T07:20:00Z'),
      ];
      expect((await running.kiosk.retention.run()).outcome).toBe('blocked');
      expect((await running.kiosk.footage.purge()).outcome).toBe('blocked');

      const page = await browser.newPage({ viewport: VIEWPORTS.landscape });
      // The banner and Retention look again every 10 s: on the page's own clock, the test brings each
      // next look when it wants it instead of waiting for it.
      await page.clock.install();
      await unlockAdmin(page, language);
      await page.getByRole('button', { name: text.retention, exact: true }).click();
      await page.getByRole('button', { name: text.confirmClock }).click();
      // Retention reloads once the confirmation is stored: the button goes.
      await expect.poll(() => page.getByRole('button', { name: text.confirmClock }).count(), POLL).toBe(0);

      // The clock is confirmed: at its next look the footage alarm names the button that exists, not
      // the one that went.
      await page.clock.fastForward(10_000);
      const banner = page.getByTestId('health-banner');
      await banner.getByText(text.alarm).waitFor();
      await banner.getByText(text.todo).waitFor();
      // Retention has it too, below the visit purge's buttons.
      await page.getByRole('main').getByRole('button', { name: text.purgeNow }).last().waitFor();
      await screenshot(page, `landscape-${language}-52-footage-alarm-after-clock`);
      await expectAccessible(page);

      await banner.getByRole('button', { name: text.purgeNow }).click();
      await banner.getByText(text.question).waitFor();
      await screenshot(page, `landscape-${language}-53-footage-purge-now-question`);
      await expectAccessible(page);
      await banner.getByRole('button', { name: text.yes }).click();

      // Deleted on disk, the recent recordings kept, audited, and the alarm gone with the banner's reload.
      await expect.poll(() => expired.filter((file) => fs.existsSync(file)).length, { timeout: 30_000 }).toBe(0);
      expect(recent.every((file) => fs.existsSync(file))).toBe(true);
      await expect.poll(() => page.getByText(text.alarm).count(), { timeout: 30_000 }).toBe(0);
      // Said where it was asked, after the alarm (here, the whole banner) has gone.
      await page.getByRole('status').filter({ hasText: text.done }).waitFor();
      expect((await running.kiosk.audit.list({ action: 'footage.purgeRequested' }))[0]).toMatchObject({
        actor: ADMIN.name,
      });
      expect(
        await running.kiosk.database.get("SELECT count(*) AS n FROM footage_files WHERE status = 'deleted'"),
      ).toEqual({ n: 2 });
      // Retention's runs list shows the run at its next refresh.
      await page.clock.fastForward(10_000);
      await page.getByRole('row', { name: text.run }).waitFor();
      await screenshot(page, `landscape-${language}-54-footage-purge-now-done`);

      await page.setViewportSize(VIEWPORTS.portrait);
      await screenshot(page, `portrait-${language}-54-footage-purge-now-done`);
      await expectAccessible(page);
      await page.close();
    },
    120_000,
  );
});
