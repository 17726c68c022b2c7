import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../shared/config';
import { callers, manualClock, visitor } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import { typeStaffNumber } from './staff-number';

const PRIVACY_PIN = '583920';

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

const TEXT = {
  nl: {
    language: 'Nederlands',
    staff: 'Medewerkers',
    pad: 'Cijfers van de pincode',
    unlock: 'Ontgrendelen',
    tab: 'Privacyverzoeken',
    query: 'Naam, bedrijf of kenteken',
    purpose: 'Doel',
    purposeOption: 'Verzoek om inzage',
    search: 'Zoeken',
    purposeRequired: 'Kies het doel van deze zoekopdracht.',
    found: '1 bezoek gevonden',
    select: (id: number) => `Bezoek ${id} selecteren`,
    exportCopy: 'Kopie voor inzage (pagina + JSON)',
    confirm: 'Bevestigen',
    exported: /^Kopie van 1 bezoek opgeslagen in de exportmap: .*\. Verwijderd na .*\.$/,
    erase: 'Wissen',
    eraseConfirmation: '1 bezoek wordt nu gewist; dit kan niet ongedaan worden gemaakt.',
    reason: 'Reden of kenmerk van het verzoek (geen namen)',
    held: (id: number) => `Bezoek ${id} valt onder een bewaarplicht`,
    heldFlag: 'bewaarplicht',
    erased: '1 bezoek gewist.',
    pageHeading: 'Uw gegevens als bezoeker',
    correct: 'Corrigeren',
    company: 'Bedrijf (leeg: geen)',
    correctConfirmation: (id: number) => `Bezoek ${id} wordt gecorrigeerd met de ingevulde gegevens.`,
    corrected: (id: number) => `Bezoek ${id} gecorrigeerd.`,
    restrict: 'Beperken',
    restrictedDone: '1 bezoek beperkt.',
    restrictedFlag: 'beperkt',
    footage: 'Camerabeelden van dit bezoek',
    play: /^entrance, opname van 01-09-2026 10:05 afspelen$/,
    exportFootage: 'Beelden exporteren naar de exportmap',
    footageConfirmation:
      '1 bestand wordt gekopieerd naar de exportmap, met een manifest, zonder bewaarplicht op de originelen.',
    footageDone: /1 bestand geëxporteerd naar .*; verwijderd na .*\./,
    exportsTitle: 'Exports in de exportmap',
  },
  en: {
    language: 'English',
    staff: 'Staff',
    pad: 'PIN digits',
    unlock: 'Unlock',
    tab: 'Privacy requests',
    query: 'Name, company or licence plate',
    purpose: 'Purpose',
    purposeOption: 'Access request',
    search: 'Search',
    purposeRequired: 'Choose the purpose of this search.',
    found: '1 visit found',
    select: (id: number) => `Select visit ${id}`,
    exportCopy: 'Copy for access (page + JSON)',
    confirm: 'Confirm',
    exported: /^Copy of 1 visit saved in the export folder: .*\. Deleted after .*\.$/,
    erase: 'Erase',
    eraseConfirmation: '1 visit will be erased now; this cannot be undone.',
    reason: 'Reason or reference of the request (no names)',
    held: (id: number) => `Visit ${id} is under a legal hold`,
    heldFlag: 'legal hold',
    erased: '1 visit erased.',
    pageHeading: 'Your data as a visitor',
    correct: 'Correct',
    company: 'Company (empty: none)',
    correctConfirmation: (id: number) => `Visit ${id} will be corrected with the details entered.`,
    corrected: (id: number) => `Visit ${id} corrected.`,
    restrict: 'Restrict',
    restrictedDone: '1 visit restricted.',
    restrictedFlag: 'restricted',
    footage: 'Footage of this visit',
    play: /^Play entrance, recorded 01\/09\/2026 10:05$/,
    exportFootage: 'Export footage to the export folder',
    footageConfirmation:
      '1 file will be copied to the export folder with a manifest, without a legal hold on the originals.',
    footageDone: /1 file exported to .*; deleted after .*\./,
    exportsTitle: 'Exports in the export folder',
  },
} as const;

let exportFolder: string;

async function seed(): Promise<number> {
  const clock = manualClock('2026-09-01T08:00:00Z');
  // One recording at the entrance, five minutes into the visit (10:05 in Amsterdam).
  const root = makeTempDir('footage-');
  const recording = path.join(root, 'entrance', 'entrance_20260901_100500.mp4');
  fs.mkdirSync(path.dirname(recording));
  fs.writeFileSync(recording, 'x'.repeat(4096));
  const written = new Date('2026-09-01T08:15:00Z');
  fs.utimesSync(recording, written, written);
  fs.utimesSync(path.dirname(recording), written, written);
  exportFolder = makeTempDir('exports-');
  running = await startKiosk({
    clock,
    config: kioskConfigSchema.parse({ footage: { root }, privacy: { exportFolder } }),
  });
  // With no admin the staff button leads to the first-run screen.
  await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', '864205');
  await running.kiosk.staff.add('operator', 'Pia Privacy', 'privacy', PRIVACY_PIN);
  const signIn = async (iso: string, overrides: Record<string, unknown>) => {
    clock.set(iso);
    const result = await running.kiosk.router.invoke('visits.signIn', visitor(overrides) as never, callers.kiosk);
    expect(result.ok).toBe(true);
  };
  await signIn('2026-09-01T08:00:00Z', { firstName: 'Zoë', lastName: "D'Arcy", company: 'ACME', plate: 'GBB-01-B' });
  await signIn('2026-10-01T08:00:00Z', { firstName: 'Zoe', lastName: 'Smith' });
  await signIn('2026-11-01T08:00:00Z', { firstName: 'Anna', lastName: 'Darcy' });
  clock.set('2026-09-02T10:00:00Z');
  expect((await running.kiosk.footage.scan()).outcome).toBe('ok');
  clock.set('2026-11-24T10:00:00Z');
  return (await running.kiosk.database.get<{ id: number }>("SELECT id FROM visits WHERE last_name = 'D''Arcy'"))!.id;
}

async function openAndUnlock(language: keyof typeof TEXT): Promise<Page> {
  const text = TEXT[language];
  const context = await browser.newContext({ viewport: VIEWPORTS.landscape, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(running.server.url);
  await page.getByRole('button', { name: text.language }).click();
  await page.getByRole('button', { name: text.staff, exact: true }).click();
  await typeStaffNumber(page, running.kiosk, 'Pia Privacy');
  const pad = page.getByRole('group', { name: text.pad });
  for (const digit of PRIVACY_PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: text.unlock, exact: true }).click();
  return page;
}

describe('privacy requests in Chromium', () => {
  it.each(['nl', 'en'] as const)(
    'in %s: finds a person by an accent- and punctuation-free search, writes their copy into the export folder, erases the visit once the hold is gone',
    async (language) => {
      const text = TEXT[language];
      const id = await seed();
      const page = await openAndUnlock(language);
      const shot = (name: string) => screenshot(page, `landscape-${language}-60-privacy-${name}`);

      // The privacy officer sees this one view.
      await page.getByRole('heading', { name: text.tab }).waitFor();
      expect(await page.getByRole('navigation').getByRole('button').allInnerTexts()).toEqual([text.tab]);

      await page.getByLabel(text.query).fill('zoe darcy');
      await page.getByRole('button', { name: text.search, exact: true }).click();
      await page.getByText(text.purposeRequired).waitFor();
      await shot('1-purpose-required');
      await expectAccessible(page);

      await page.getByLabel(text.purpose).selectOption({ label: text.purposeOption });
      await page.getByRole('button', { name: text.search, exact: true }).click();
      await page.getByText(text.found).waitFor();
      const row = page.getByRole('row', { name: /Zoë D'Arcy/ });
      expect(await row.innerText()).toMatch(/01[-/]09[-/]2026[\s\S]*10:00[\s\S]*ACME[\s\S]*GBB-01-B/);
      await page.getByRole('checkbox', { name: text.select(id) }).check();
      await shot('2-hit-selected');
      await expectAccessible(page);

      // The copy for the person: a page and a JSON file in the chosen language, written into the export
      // folder (never downloaded elsewhere), recorded and listed with when it goes.
      await page.getByRole('button', { name: text.exportCopy, exact: true }).click();
      await page.getByRole('button', { name: text.confirm, exact: true }).click();
      await page.getByText(text.exported).waitFor();
      const [copyDir] = fs.readdirSync(exportFolder).filter((name) => name.startsWith('access-copy-'));
      const copies = fs
        .readdirSync(path.join(exportFolder, copyDir!))
        .map((name) => fs.readFileSync(path.join(exportFolder, copyDir!, name), 'utf8'));
      const html = copies.find((content) => content.startsWith('<!doctype html>'))!;
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(text.pageHeading);
      expect(html).toContain('D&#39;Arcy');
      expect(JSON.parse(copies.find((content) => content.startsWith('{'))!).visits[0].plate).toBe('GBB-01-B');
      await page.getByRole('table', { name: text.exportsTitle }).waitFor();

      // Rectification, checked as at sign-in.
      await page.getByRole('button', { name: text.correct, exact: true }).click();
      await page.getByText(text.correctConfirmation(id)).waitFor();
      await page.getByLabel(text.company).fill('ACME Europe');
      await shot('3-correct');
      await expectAccessible(page);
      await page.getByRole('button', { name: text.confirm, exact: true }).click();
      await page.getByText(text.corrected(id)).waitFor();
      expect(await page.getByRole('row', { name: /Zoë D'Arcy/ }).innerText()).toContain('ACME Europe');

      // Restriction.
      await page.getByRole('button', { name: text.restrict, exact: true }).click();
      await page.getByLabel(text.reason).fill('art. 18 ref 2026-3');
      await page.getByRole('button', { name: text.confirm, exact: true }).click();
      await page.getByText(text.restrictedDone).waitFor();
      expect(await row.innerText()).toContain(text.restrictedFlag);

      // The visit's footage, exported into the configured folder; for an access request the originals keep their period.
      await page.getByRole('button', { name: text.footage, exact: true }).click();
      await page.getByRole('button', { name: text.play }).click();
      await page.locator('figure.player video').waitFor();
      await page.getByRole('button', { name: text.exportFootage, exact: true }).click();
      await page.getByText(text.footageConfirmation).waitFor();
      expect(await page.getByLabel(text.reason).inputValue()).toBe('');
      await page.getByLabel(text.reason).fill('police request PV 2026-9');
      await shot('4-footage');
      await expectAccessible(page);
      await page.getByRole('button', { name: text.confirm, exact: true }).click();
      await page.getByText(text.footageDone).waitFor();
      const [exportDir] = fs.readdirSync(exportFolder).filter((name) => name.startsWith('footage-export-'));
      const manifest = JSON.parse(fs.readFileSync(path.join(exportFolder, exportDir!, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({
        exportedBy: 'Pia Privacy',
        reason: 'police request PV 2026-9',
        files: [{ camera: 'entrance', size: 4096 }],
      });
      expect(await running.kiosk.holds.listActive()).toEqual([]);

      // A hold stops the erasure, and says so.
      const hold = await running.kiosk.holds.placeOnVisit('operator', id, 'police case', null, {
        basis: 'legalObligation',
      });
      await page.getByRole('button', { name: text.erase, exact: true }).click();
      await page.getByText(text.eraseConfirmation).waitFor();
      await page.getByLabel(text.reason).fill('art. 17 ref 2026-4');
      await shot('5-erase-confirmation');
      await expectAccessible(page);
      await page.getByRole('button', { name: text.confirm, exact: true }).click();
      await page.getByText(text.held(id)).waitFor();
      expect(await row.innerText()).toContain(text.heldFlag);
      await shot('6-erase-refused-held');
      await expectAccessible(page);

      await running.kiosk.holds.release('operator', hold.id);
      await page.getByRole('button', { name: text.confirm, exact: true }).click();
      await page.getByText(text.erased).waitFor();
      expect(await page.getByRole('row', { name: /Zoë D'Arcy/ }).count()).toBe(0);
      expect(await running.kiosk.database.get('SELECT id FROM visits WHERE id = ?', [id])).toBeUndefined();
      // The person's copies went with the visit.
      expect(fs.readdirSync(exportFolder)).toEqual([]);
      await shot('7-erased');
      await expectAccessible(page);

      const actions = (await running.kiosk.audit.list()).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['privacy.searched', 'privacy.exported', 'privacy.erased']));
      expect(JSON.stringify(await running.kiosk.audit.list())).not.toMatch(/Zo[eë]|Arcy/);
    },
    120_000,
  );
});
