// Issue 24's desk points that no other end-to-end test reached: no word split in the expected
// visitors' table (it had "Uitno|digin|g"),
// a sign-out by name marked on Today and the evacuation list, the add-expected date in the segmented
// field, a CSV file's unknown columns named in its message, and a Dutch date on the Dutch badge.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../shared/config';
import type { Language } from '../../shared/messages';
import { manualClock, visitor } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { fillDateField } from './date-field';
import { walkOrientationsAndLanguages, type Orientation } from './desk-walk';
import { launchChromium, openStaffDesk, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import { wordsSplitAcrossLines } from './word-split';

const ADMIN_PIN = '864205';
const TODAY = '2026-11-24';

let browser: Browser;
let running: RunningKiosk;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await running?.stop();
});

/** A desk on 24 November: two expected visitors, two visitors of whom one signed out by name. */
async function startDesk() {
  running = await startKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
  await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
  await running.kiosk.invitations.add('operator', TODAY, [
    { firstName: 'Karel', lastName: 'Appel', company: 'Installatiebedrijf Kraanvogel B.V.', hostName: 'Henk de Wit' },
    { firstName: 'Bertus', lastName: 'Bakker-Smit', company: 'Acme, Inc', hostName: 'Ingrid van Oosterhout' },
  ]);
  for (const firstName of ['Piet', 'Zoë']) {
    const signedIn = await running.kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName, lastName: 'Jansen' }));
    if (!signedIn.ok) throw new Error(signedIn.error.key);
  }
  const byName = await running.kiosk.handle('kiosk', 'visits.signOutByName', { firstName: 'Zoë', lastName: 'Jansen' });
  if (!byName.ok) throw new Error(byName.error.key);
}

const openDesk = (viewport: { width: number; height: number }, language: Language) =>
  openStaffDesk(browser, running, { name: 'Ada Admin', pin: ADMIN_PIN }, viewport, language);

/** Both orientations and languages on one window (desk-walk.ts). */
/** Zoë Jansen's row in the visit table (Today's or the evacuation list's), as the desk shows it. */
const zoeRowText = (page: Page) =>
  page
    .locator('.visit-table')
    .getByRole('row', { name: /Zoë Jansen/ })
    .innerText();

const walkDesk = (visit: (page: Page, orientation: Orientation, language: Language) => Promise<void>) =>
  walkOrientationsAndLanguages(browser, running, { name: 'Ada Admin', pin: ADMIN_PIN }, visit);

const TEXT = {
  nl: { today: 'Vandaag', evacuation: 'Ontruimingslijst', byName: 'afgemeld op naam' },
  en: { today: 'Today', evacuation: 'Evacuation list', byName: 'signed out by name' },
} as const;

describe('the desk with expected visitors and a sign-out by name', () => {
  it('no word is split in the expected visitors or Today; the sign-out by name is marked on Today and the evacuation list', async () => {
    await startDesk();
    await walkDesk(async (page, orientation, language) => {
      const text = TEXT[language];
      const where = `${orientation} ${language}`;

      await page.getByRole('navigation').getByRole('button', { name: text.today, exact: true }).click();
      await page.locator('.expected-visitors tbody tr').nth(1).waitFor();
      await page.locator('.visit-table tbody tr').nth(1).waitFor();
      expect(await wordsSplitAcrossLines(page), `${where} Today`).toEqual([]);
      expect(await zoeRowText(page)).toContain(text.byName);
      await screenshot(page, `review-${orientation}-${language}-today-expected`);

      await page.getByRole('navigation').getByRole('button', { name: text.evacuation, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${text.evacuation}:`) }).waitFor();
      await page.locator('.visit-table tbody tr').first().waitFor();
      expect(await zoeRowText(page)).toContain(text.byName);
    });
  }, 240_000);

  it('a row prints its invitation; the add-expected form takes its date in the segmented field; a CSV file names the columns it ignored', async () => {
    await startDesk();
    const page = await openDesk(VIEWPORTS.landscape, 'nl');
    // An expected visitor's row prints their invitation, dated the Dutch way (the print dialog counted).
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => void counted.printed++;
    });
    const karel = page.locator('.expected-visitors').getByRole('row', { name: /Karel Appel/ });
    await karel.getByRole('button', { name: 'Uitnodiging', exact: true }).click();
    await page.getByText('Uitnodiging voor Karel Appel op 24-11-2026').waitFor();
    await page.getByRole('button', { name: 'Uitnodiging afdrukken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.getByRole('button', { name: 'Verwachte bezoeker toevoegen' }).click();
    const form = page.locator('form.expected-form');
    await fillDateField(form, 'Datum', '2026-11-25');
    await form.getByLabel('Voornaam').fill('Morgen');
    await form.getByLabel('Achternaam').fill('Komer');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    // The printed invitation above has a code on the page already: wait for the new visitor's row.
    await expect
      .poll(() =>
        running.kiosk.database.all("SELECT visit_date AS date FROM expected_visits WHERE last_name = 'Komer'"),
      )
      .toEqual([{ date: '2026-11-25' }]);

    const chooser = page.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'Bestand kiezen' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'bezoek.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Voornaam;Achternaam;Notities;Parkeerplek\r\nLies;Kok;komt later;P3\r\n', 'latin1'),
    });
    await page.getByText('Genegeerde kolommen: Notities, Parkeerplek.').waitFor();
    await screenshot(page, 'review-landscape-nl-csv-ignored-columns');
    await page.context().close();
  }, 90_000);

  it('the Dutch badge gives its date the Dutch way', async () => {
    running = await startKiosk({
      clock: manualClock('2026-11-24T09:00:00Z'),
      config: kioskConfigSchema.parse({ badge: { enabled: true } }),
    });
    const [invitation] = await running.kiosk.invitations.add('operator', TODAY, [
      { firstName: 'Zoë', lastName: 'Bakker' },
    ]);
    const context = await browser.newContext({ viewport: VIEWPORTS.portrait, hasTouch: true });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.print = () => undefined;
    });
    await page.goto(running.server.url);
    await page.getByRole('button', { name: 'Ik heb een uitnodiging' }).tap();
    await page.locator('input.code-input').fill(invitation!.code);
    await page.getByRole('button', { name: 'Volgende', exact: true }).tap();
    await page.getByRole('button', { name: 'Klopt, verder' }).tap();
    await page.getByRole('button', { name: 'Ik heb dit gelezen' }).tap();
    const badge = page.getByTestId('badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('Geldig op 24-11-2026');
    await screenshot(page, 'review-portrait-nl-badge');
    await context.close();
  }, 60_000);

  it('no word is split in the camera overview or the file list, with long camera names, in both orientations and languages', async () => {
    // Real camera names from an office: the overview had "parkeerplaat|s", "Bestande|n", "Groott|e".
    const root = makeTempDir('footage-');
    for (const camera of ['parkeerplaats', 'ingang_achterzijde']) {
      const file = path.join(root, camera, `${camera}_20261122_101500.mkv`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x'.repeat(2048));
    }
    running = await startKiosk({
      clock: manualClock('2026-11-24T09:00:00Z'),
      config: kioskConfigSchema.parse({ footage: { root } }),
    });
    await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
    const scanned = await running.kiosk.footage.scan();
    expect(scanned.outcome).toBe('ok');
    await walkDesk(async (page, orientation, language) => {
      const tab = language === 'nl' ? 'Camerabeelden' : 'Camera footage';
      await page.getByRole('navigation').getByRole('button', { name: tab, exact: true }).click();
      await page
        .getByRole('row', { name: /^ingang_achterzijde / })
        .first()
        .waitFor();
      expect(await wordsSplitAcrossLines(page), `${orientation} ${language} ${tab}`).toEqual([]);
      await screenshot(page, `review-${orientation}-${language}-camera-overview`);
    });
  }, 120_000);
});
