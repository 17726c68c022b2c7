// The staff side at a busy desk (issue 15): tables that fit with 70 visitors and an 80-letter surname,
// in both orientations and both languages; the newest arrival first and the count in view; undo and
// confirmation for what changes the evacuation list or access; Dutch labels; staff contrast.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../shared/messages';
import { manualClock, visitor } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import {
  expectAccessible,
  launchChromium,
  openStaffDesk,
  SCREENSHOT_DIR,
  startKiosk,
  VIEWPORTS,
  type RunningKiosk,
  waitForMessage,
} from './harness';
import { overflowingTables, overlappingControls } from './overlap';
import { wordsSplitAcrossLines } from './word-split';

// Each poll waits on a round trip through the kiosk: on a loaded machine that takes more than vitest's 1 s.
const POLL = { timeout: 15_000 };

const ADMIN_PIN = '864205';
const LONG_SURNAME = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafe'.slice(0, 80);

let browser: Browser;
let running: RunningKiosk;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  // A window left open would go on polling a stopped kiosk: each test closes its own (the shared one stays).
  const shared = await lookingWindow?.then((page) => page.context()).catch(() => undefined);
  await Promise.all(browser.contexts().flatMap((context) => (context === shared ? [] : [context.close()])));
  if (running !== lookingDesk) await running?.stop();
});

/** Letters only, as names are: 1 -> "Ab", 27 -> "Bb". */
const letters = (index: number) =>
  String.fromCharCode(65 + Math.floor(index / 26)) + String.fromCharCode(97 + (index % 26));

/** 70 visitors a minute apart from 08:00 local, the 70th with an unbroken 80-letter surname. */
async function seedBusyDesk(): Promise<string> {
  const clock = manualClock('2026-11-26T07:00:00Z');
  // Outside makeTempDir, whose folders go after each test: this one serves the whole file.
  seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-desk-seed-'));
  const seeding = await startKiosk({ clock, dataDir: seedDir });
  await seeding.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
  await seeding.kiosk.staff.add('operator', 'Rosa Receptie', 'receptionist', '731942');
  for (let index = 1; index <= 70; index++) {
    const lastName = index === 70 ? LONG_SURNAME : `Bezoeker${letters(index)}`;
    const result = await seeding.kiosk.handle(
      'kiosk',
      'visits.signIn',
      visitor({
        firstName: `Gast${letters(index)}`,
        lastName,
        company: `Bedrijf ${index} B.V.`,
        ...(index % 3 ? {} : { plate: '12-ABC-3' }),
      }),
    );
    if (!result.ok) throw new Error(`sign-in ${index}: ${JSON.stringify(result.error)}`);
    clock.advance(60_000);
  }
  await seeding.stop();
  return seeding.dataDir;
}

// Seeded once (70 sign-ins, each written through to disk); every test starts on its own copy.
let seeded: Promise<string> | undefined;
let seedDir: string | undefined;
afterAll(() => {
  if (seedDir) fs.rmSync(seedDir, { recursive: true, force: true });
});

/** A kiosk on a fresh copy of the busy desk, its clock where the seeding ended (09:10 local). */
async function startBusyDesk() {
  const dataDir = makeTempDir('kiosk-e2e-desk-');
  fs.cpSync(await (seeded ??= seedBusyDesk()), dataDir, { recursive: true });
  const clock = manualClock('2026-11-26T08:10:00Z');
  running = await startKiosk({ clock, dataDir });
  return clock;
}

// The tests that only look (no sign-out, no account change) share one kiosk on the busy desk, and
// the two that look at Today in landscape Dutch share its window.
let lookingDesk: RunningKiosk | undefined;
let lookingWindow: Promise<Page> | undefined;
afterAll(async () => {
  await lookingDesk?.stop();
});

async function startLookingDesk() {
  if (!lookingDesk) {
    await startBusyDesk();
    lookingDesk = running;
  }
  running = lookingDesk;
}

const openLookingWindow = () => (lookingWindow ??= openDesk(VIEWPORTS.landscape, 'nl'));

const openDesk = (viewport: { width: number; height: number }, language: Language) =>
  openStaffDesk(browser, running, { name: 'Ada Admin', pin: ADMIN_PIN }, viewport, language, { acceptDownloads: true });

/** What the window shows (a full page of 70 visitors is too tall to look at), named without spaces. */
async function viewShot(page: Page, name: string) {
  const slug = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${slug}.png`) });
}

const TABS: Record<Language, string[]> = {
  nl: [
    'Vandaag',
    'Ontruimingslijst',
    'Bezoeker aanmelden',
    'Medewerkers',
    'Gastheren',
    'Auditlog',
    'Bewaartermijnen',
    'Bewaarplichten',
    'Camerabeelden',
    'Privacyverzoeken',
  ],
  en: [
    'Today',
    'Evacuation list',
    'Register a visitor',
    'Staff',
    'Hosts',
    'Audit log',
    'Retention',
    'Legal holds',
    'Camera footage',
    'Privacy requests',
  ],
};

describe('the staff side at a busy desk in Chromium', () => {
  it('every staff table fits its window in both orientations and languages, with 70 visitors and an 80-letter surname', async () => {
    await startLookingDesk();
    // One window per language, unlocked once; each tab is looked at in landscape, then in portrait.
    for (const language of ['nl', 'en'] as const) {
      const page = await openDesk(VIEWPORTS.landscape, language);
      await page
        .getByRole('row', { name: new RegExp(LONG_SURNAME) })
        .first()
        .waitFor();
      for (const [index, tab] of TABS[language].entries()) {
        await page.getByRole('navigation').getByRole('button', { name: tab, exact: true }).click();
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        // The lists with rows in this test: wait for them, as the heading is there before the table.
        if ([0, 1, 3, 5].includes(index)) await page.locator('.data-table tbody tr').first().waitFor();
        await page.waitForLoadState('networkidle');
        for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
          await page.setViewportSize(viewport);
          expect(await overflowingTables(page), `${orientation} ${language} ${tab}`).toEqual([]);
          expect(await overlappingControls(page), `${orientation} ${language} ${tab}`).toEqual([]);
          expect.soft(await wordsSplitAcrossLines(page), `${orientation} ${language} ${tab}`).toEqual([]);
          await viewShot(page, `${orientation}-${language}-desk-${String(index).padStart(2, '0')}-${tab}`);
        }
      }
      // The sign-out button of the long-named visitor is inside the window, not clipped.
      await page.getByRole('navigation').getByRole('button', { name: TABS[language][0], exact: true }).click();
      const button = page.getByRole('button', {
        name:
          language === 'nl'
            ? `Gast${letters(70)} ${LONG_SURNAME} afmelden`
            : `Sign out Gast${letters(70)} ${LONG_SURNAME}`,
      });
      for (const viewport of Object.values(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        const box = (await button.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
      await page.context().close();
    }
  }, 240_000);

  it('the privacy search results fit a portrait window, the 80-letter surname among them', async () => {
    await startLookingDesk();
    const page = await openDesk(VIEWPORTS.portrait, 'nl');
    await page.getByRole('navigation').getByRole('button', { name: 'Privacyverzoeken', exact: true }).click();
    await page.getByLabel('Naam, bedrijf of kenteken').fill('gast');
    await page.getByLabel('Doel').selectOption({ label: 'Verzoek om inzage' });
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(LONG_SURNAME) }).waitFor();
    expect(await overflowingTables(page)).toEqual([]);
    await page.getByRole('row', { name: new RegExp(LONG_SURNAME) }).scrollIntoViewIfNeeded();
    await viewShot(page, 'portrait-nl-desk-privacy-results');
  }, 90_000);

  it('Today: newest arrival first, at least 12 rows in view at 1280x800, the count on site always visible', async () => {
    await startLookingDesk();
    const page = await openLookingWindow();
    const rows = page.locator('.visit-table tbody tr');
    await rows.nth(69).waitFor();
    expect(await rows.first().innerText()).toMatch(/^70\s/);
    expect(await rows.nth(1).innerText()).toMatch(/^69\s/);
    expect(await rows.last().innerText()).toMatch(/^1\s/);

    // Scrolled so the first row sits under the sticky count: 12 whole rows above the window's bottom edge.
    const count = page.getByText('70 aanwezig');
    const inView = await page.evaluate(() => {
      const rowsNow = [...document.querySelectorAll('.visit-table tbody tr')];
      const stickyAt = () => document.querySelector('.today-sticky')!.getBoundingClientRect().bottom;
      // First the row to the top (the count sticks), then down by the count's height.
      window.scrollBy(0, rowsNow[0]!.getBoundingClientRect().top);
      window.scrollBy(0, rowsNow[0]!.getBoundingClientRect().top - stickyAt());
      const stickyBottom = stickyAt();
      return rowsNow.filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= stickyBottom && box.bottom <= window.innerHeight;
      }).length;
    });
    // What the receptionist sees, not the whole page.
    await viewShot(page, 'landscape-nl-desk-today-scrolled');
    expect(inView).toBeGreaterThanOrEqual(12);

    // At the bottom of the list the count is still on screen.
    await rows.last().scrollIntoViewIfNeeded();
    const countBox = (await count.boundingBox())!;
    expect(countBox.y).toBeGreaterThanOrEqual(0);
    expect(countBox.y + countBox.height).toBeLessThanOrEqual(800);
  }, 90_000);

  it('focus ring and field borders on staff screens have at least 3:1 contrast', async () => {
    await startLookingDesk();
    const page = await openLookingWindow();
    const search = page.getByLabel('Zoeken op naam, bedrijf of kenteken');
    await search.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const ratios = await search.evaluate((input) => {
      const rgb = (color: string) =>
        color
          .match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map(Number);
      const luminance = (color: string) => {
        const [r, g, b] = rgb(color).map((value) => {
          const channel = value / 255;
          return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const contrast = (a: string, b: string) => {
        const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (high! + 0.05) / (low! + 0.05);
      };
      const card = getComputedStyle(input.closest('.screen')!).backgroundColor;
      const style = getComputedStyle(input);
      return { ring: contrast(style.outlineColor, card), border: contrast(style.borderTopColor, card) };
    });
    expect(ratios.ring).toBeGreaterThanOrEqual(3);
    expect(ratios.border).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('a sign-out on a visitor’s behalf can be undone; disabling an account asks first', async () => {
    await startBusyDesk();
    const page = await openDesk(VIEWPORTS.portrait, 'nl');
    await page.getByRole('button', { name: 'GastAf BezoekerAf afmelden' }).click();
    await page.getByText('GastAf BezoekerAf is afgemeld.').waitFor();
    await page.getByText('69 aanwezig').waitFor();
    expect((await running.kiosk.visits.onSite()).visits).toHaveLength(69);
    await viewShot(page, 'portrait-nl-desk-undo-offered');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Afmelding van GastAf BezoekerAf ongedaan maken' }).click();
    await page.getByText('GastAf BezoekerAf staat weer op de lijst van aanwezigen.').waitFor();
    await page.getByText('70 aanwezig').waitFor();
    expect((await running.kiosk.visits.onSite()).visits).toHaveLength(70);
    expect((await running.kiosk.audit.list()).map((entry) => entry.action)).toContain('visits.staffSignOutUndone');

    await page.getByRole('navigation').getByRole('button', { name: 'Medewerkers', exact: true }).click();
    await page.getByRole('button', { name: 'Rosa Receptie uitschakelen' }).click();
    await page.getByText('Rosa Receptie uitschakelen? Deze persoon kan dan niet meer ontgrendelen.').waitFor();
    await viewShot(page, 'portrait-nl-desk-disable-confirm');
    await expectAccessible(page);
    expect(
      (await running.kiosk.staff.list()).find((account) => account.name === 'Rosa Receptie')?.disabledAt,
    ).toBeNull();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(
      (await running.kiosk.staff.list()).find((account) => account.name === 'Rosa Receptie')?.disabledAt,
    ).toBeNull();
    await page.getByRole('button', { name: 'Rosa Receptie uitschakelen' }).click();
    await page.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /Rosa Receptie/ }).innerText(), POLL)
      .toMatch(/uitgeschakeld/);
  }, 90_000);

  it('staff accounts: a success message, the empty PIN marked on its field, no placeholder, one active name once', async () => {
    await startBusyDesk();
    const page = await openDesk(VIEWPORTS.landscape, 'nl');
    await page.getByRole('navigation').getByRole('button', { name: 'Medewerkers', exact: true }).click();
    // The list first, as a person sees it: its rows arriving would move the form under a click.
    await page.getByRole('row', { name: /Rosa Receptie/ }).waitFor();
    const form = page.locator('form.add-staff-form');
    await form.getByLabel('Naam').fill('Sam Security');
    await form.getByLabel('Rol').selectOption('security');
    await form.getByLabel('Pincode (6 tot 12 cijfers)').fill('192837');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await waitForMessage(page, running, /Sam Security is toegevoegd met medewerkernummer \d+/);
    await page
      .getByRole('status')
      .filter({ hasText: /Sam Security is toegevoegd met medewerkernummer \d+/ })
      .waitFor();

    await form.getByLabel('Naam').fill('sam security');
    await form.getByLabel('Pincode (6 tot 12 cijfers)').fill('564738');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await form.getByText('Er is al een actieve medewerker met deze naam.', { exact: false }).waitFor();
    expect(await form.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');

    // Saving an empty PIN marks that row's PIN field, not just a line at the top.
    await page.getByRole('button', { name: 'Nieuwe pincode opslaan voor Rosa Receptie' }).click();
    const pin = page.getByLabel('Nieuwe pincode voor Rosa Receptie');
    await expect.poll(() => pin.getAttribute('aria-invalid'), POLL).toBe('true');
    const border = await pin.evaluate((input) => getComputedStyle(input).borderTopColor);
    expect(border).toBe('rgb(164, 22, 26)');
    expect(await page.locator('.staff-view input[placeholder]').count()).toBe(0);
    await page.locator('.data-table').scrollIntoViewIfNeeded();
    await viewShot(page, 'landscape-nl-desk-staff-accounts');
  }, 90_000);

  it('Dutch labels: page title, job runs, audit sentences with names, and a search in Dutch words', async () => {
    await startBusyDesk();
    const rosa = (await running.kiosk.staff.list()).find((account) => account.name === 'Rosa Receptie')!;
    await running.kiosk.staff.resetPin('operator', rosa.id, '918273');
    await running.kiosk.retention.run();
    const page = await openDesk(VIEWPORTS.landscape, 'nl');
    expect(await page.title()).toBe('Receptie – medewerkersscherm');

    await page.getByRole('navigation').getByRole('button', { name: 'Bewaartermijnen', exact: true }).click();
    await page.getByText('Laatste uitvoeringen').waitFor();
    const runs = await page.locator('.data-table').last().innerText();
    expect(runs).toMatch(/bezoeken opschonen/);
    expect(runs).toMatch(/aan de beurt: 0/);
    expect(runs).not.toMatch(/visitPurge|\bdue\b|erased|Laatste runs/);

    await page.getByRole('navigation').getByRole('button', { name: 'Auditlog', exact: true }).click();
    await page.getByRole('row', { name: /Nieuwe pincode ingesteld voor Rosa Receptie/ }).waitFor();
    expect(await page.getByRole('row', { name: /staffId|staff\.pinReset/ }).count()).toBe(0);
    await page.getByLabel(/^Zoeken/).fill('aanmelden');
    await page
      .getByRole('row', { name: /Heeft het medewerkersscherm ontgrendeld/ })
      .first()
      .waitFor();
    expect(await page.getByRole('row', { name: /Lijst van vandaag bekeken/ }).count()).toBe(0);
    await page.locator('.data-table').scrollIntoViewIfNeeded();
    await viewShot(page, 'landscape-nl-desk-audit-search');
    await expectAccessible(page);
  }, 90_000);
});
