// Issue 20: the Privacy requests view finds a person's expected visits beside their visits, puts them in
// the access copy and erases them, with the copies that hold them.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../shared/config';
import { callers, manualClock, visitor } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import { expectNoOverlap, overflowingTables } from './overlap';
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
    query: 'Naam, bedrijf of kenteken',
    purpose: 'Doel',
    purposeOption: 'Verzoek om inzage',
    search: 'Zoeken',
    found: '1 bezoek en 1 verwacht bezoek gevonden',
    expectedMark: 'verwacht bezoek',
    expectedDate: '15-12-2026',
    selectVisit: (id: number) => `Bezoek ${id} selecteren`,
    selectExpected: (id: number) => `Verwacht bezoek ${id} selecteren`,
    selected: '1 bezoek en 1 verwacht bezoek geselecteerd',
    exportCopy: 'Kopie voor inzage (pagina + JSON)',
    exportConfirmation:
      'Een kopie van 1 bezoek en 1 verwacht bezoek in het nederlands wordt in de exportmap gezet: een afdrukbare pagina en een JSON-bestand. De kiosk verwijdert de kopie na 5 dagen, of eerder wanneer de bewaartermijn van de gegevens zelf afloopt.',
    confirm: 'Bevestigen',
    exported: /^Kopie van 1 bezoek en 1 verwacht bezoek opgeslagen in de exportmap: .*\. Verwijderd na .*\.$/,
    exportsLead:
      'Elke kopie voor een persoon of de politie wordt na 5 dagen verwijderd, of eerder wanneer de bewaartermijn van de originelen afloopt; een politie-export blijft zolang de bewaarplicht op de originelen geldt.',
    restrict: 'Beperken',
    erase: 'Wissen',
    eraseConfirmation: '1 verwacht bezoek wordt nu gewist; dit kan niet ongedaan worden gemaakt.',
    reason: 'Reden of kenmerk van het verzoek (geen namen)',
    erased:
      '1 verwacht bezoek gewist. Een mail die al naar een gastheer is gestuurd, staat buiten de kiosk: vraag de gastheer die te verwijderen.',
    foundAfter: '1 bezoek gevonden',
  },
  en: {
    language: 'English',
    staff: 'Staff',
    pad: 'PIN digits',
    unlock: 'Unlock',
    query: 'Name, company or licence plate',
    purpose: 'Purpose',
    purposeOption: 'Access request',
    search: 'Search',
    found: '1 visit and 1 expected visit found',
    expectedMark: 'expected visit',
    expectedDate: '15/12/2026',
    selectVisit: (id: number) => `Select visit ${id}`,
    selectExpected: (id: number) => `Select expected visit ${id}`,
    selected: '1 visit and 1 expected visit selected',
    exportCopy: 'Copy for access (page + JSON)',
    exportConfirmation:
      "A copy of 1 visit and 1 expected visit in English will be saved in the export folder: a printable page and a JSON file. The kiosk deletes it after 5 days, or sooner when the data's own retention period ends.",
    confirm: 'Confirm',
    exported: /^Copy of 1 visit and 1 expected visit saved in the export folder: .*\. Deleted after .*\.$/,
    exportsLead:
      "Every copy for a person or the police is deleted after 5 days, or sooner when its originals' retention period ends; a police export stays while the hold on its originals lasts.",
    restrict: 'Restrict',
    erase: 'Erase',
    eraseConfirmation: '1 expected visit will be erased now; this cannot be undone.',
    reason: 'Reason or reference of the request (no names)',
    erased: '1 expected visit erased. A mail already sent to a host is outside the kiosk: ask the host to delete it.',
    foundAfter: '1 visit found',
  },
} as const;

/** Every byte of every file under `folder`, to look for a person's data in. */
const bytesUnder = (folder: string) =>
  Buffer.concat(
    fs
      .readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name))),
  );

async function seed() {
  const clock = manualClock('2026-11-02T08:00:00Z');
  const exportFolder = makeTempDir('exports-');
  running = await startKiosk({ clock, config: kioskConfigSchema.parse({ privacy: { exportFolder, exportDays: 5 } }) });
  await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', '864205');
  await running.kiosk.staff.add('operator', 'Pia Privacy', 'privacy', PRIVACY_PIN);
  const signedIn = await running.kiosk.router.invoke(
    'visits.signIn',
    visitor({ firstName: 'Quirina', lastName: 'Zwartkop' }) as never,
    callers.kiosk,
  );
  expect(signedIn.ok).toBe(true);
  const visitId = (await running.kiosk.database.get<{ id: number }>('SELECT max(id) AS id FROM visits'))!.id;
  // Her next visit, weeks ahead: only the invitation holds this company.
  const invited = await running.kiosk.router.invoke(
    'invitations.add',
    { date: '2026-12-15', firstName: 'Quirina', lastName: 'Zwartkop', company: 'Oeverzwaluw BV', hostName: 'Henk' },
    callers.receptionist,
  );
  if (!invited.ok) throw new Error(invited.error.key);
  clock.set('2026-11-24T10:00:00Z');
  return { exportFolder, visitId, expectedId: invited.value.id };
}

async function openAndUnlock(language: keyof typeof TEXT): Promise<Page> {
  const text = TEXT[language];
  const context = await browser.newContext({ viewport: VIEWPORTS.landscape });
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

describe('expected visits in the Privacy requests view', () => {
  it.each(['nl', 'en'] as const)(
    'in %s: shows an expected visit beside the visit, puts it in the access copy, erases it alone with that copy',
    async (language) => {
      const text = TEXT[language];
      const { exportFolder, visitId, expectedId } = await seed();
      const page = await openAndUnlock(language);
      const shot = (name: string) => screenshot(page, `landscape-${language}-61-privacy-expected-${name}`);

      await page.getByLabel(text.query).fill('zwartkop');
      await page.getByLabel(text.purpose).selectOption({ label: text.purposeOption });
      await page.getByRole('button', { name: text.search, exact: true }).click();
      await page.getByText(text.found).waitFor();
      const expectedRow = page.getByRole('row').filter({ has: page.getByLabel(text.selectExpected(expectedId)) });
      expect(await expectedRow.innerText()).toMatch(
        new RegExp(`${text.expectedMark} ${expectedId}[\\s\\S]*${text.expectedDate}[\\s\\S]*Oeverzwaluw BV`),
      );
      await page.getByRole('checkbox', { name: text.selectVisit(visitId), exact: true }).check();
      await page.getByRole('checkbox', { name: text.selectExpected(expectedId), exact: true }).check();
      await page.getByText(text.selected).first().waitFor();
      await shot('1-both-selected');
      await expectAccessible(page);
      await expectNoOverlap(page);
      expect(await overflowingTables(page), `landscape ${language}`).toEqual([]);
      await page.setViewportSize(VIEWPORTS.portrait);
      await screenshot(page, `portrait-${language}-61-privacy-expected-1-both-selected`);
      await expectNoOverlap(page);
      expect(await overflowingTables(page), `portrait ${language}`).toEqual([]);
      await page.setViewportSize(VIEWPORTS.landscape);

      // The access copy holds both, and is recorded with both.
      await page.getByRole('button', { name: text.exportCopy, exact: true }).click();
      await page.getByText(text.exportConfirmation).waitFor();
      await page.getByRole('button', { name: text.confirm, exact: true }).click();
      await page.getByText(text.exported).waitFor();
      await page.getByText(text.exportsLead).waitFor();
      const [copyDir] = fs.readdirSync(exportFolder);
      const json = fs
        .readdirSync(path.join(exportFolder, copyDir!))
        .filter((name) => name.endsWith('.json'))
        .map((name) => JSON.parse(fs.readFileSync(path.join(exportFolder, copyDir!, name), 'utf8')))[0];
      expect(json).toMatchObject({
        visits: [{ lastName: 'Zwartkop' }],
        expectedVisits: [{ company: 'Oeverzwaluw BV', date: '2026-12-15' }],
      });

      // The expected visit alone: only what applies to it is offered, with the visits' confirmation.
      await page.getByRole('checkbox', { name: text.selectVisit(visitId), exact: true }).uncheck();
      expect(await page.getByRole('button', { name: text.restrict, exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: text.erase, exact: true }).click();
      await page.getByText(text.eraseConfirmation).waitFor();
      await page.getByLabel(text.reason).fill('art. 17 ref 2026-7');
      await shot('2-erase-expected');
      await expectAccessible(page);
      await page.getByRole('button', { name: text.confirm, exact: true }).click();
      await page.getByText(text.erased).waitFor();
      await page.getByText(text.foundAfter).waitFor();
      expect(await page.getByRole('checkbox', { name: text.selectExpected(expectedId), exact: true }).count()).toBe(0);
      expect(await page.getByRole('checkbox', { name: text.selectVisit(visitId), exact: true }).count()).toBe(1);
      await shot('3-expected-erased');
      await expectAccessible(page);

      expect(await running.kiosk.database.all('SELECT id FROM expected_visits')).toEqual([]);
      // The copy held the expected visit: it went with it, and nothing of the invitation is left.
      expect(fs.readdirSync(exportFolder)).toEqual([]);
      await running.kiosk.database.checkpoint();
      for (const folder of [running.dataDir, exportFolder])
        expect(bytesUnder(folder).includes(Buffer.from('Oeverzwaluw')), folder).toBe(false);
    },
    120_000,
  );
});
