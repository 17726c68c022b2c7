import fs from 'node:fs';
import path from 'node:path';
import { API_PATH_PREFIX } from '../../shared/api/bridge';
import { defaultConfig } from '../../shared/config';
import { makeTempDir } from '../helpers/temp-dir';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callers, manualClock, visitor } from '../helpers/kiosk';
import { fillDateField } from './date-field';
import { launchChromium, screenshot, expectAccessible, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';

// Each poll waits on a round trip through the kiosk: on a loaded machine that takes more than vitest's 1 s.
const POLL = { timeout: 15_000 };

const RECEPTION_PIN = '731942';
const ADMIN_PIN = '864205';

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

async function startWithStaff() {
  running = await startKiosk();
  await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
  await running.kiosk.staff.add('operator', 'Rosa Receptie', 'receptionist', RECEPTION_PIN);
}

/** Where a page's own clock starts when a test controls it. */
const PAGE_CLOCK_START = Date.parse('2026-11-24T10:00:00Z');

async function openPage(options: { fakeClock?: boolean; viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? VIEWPORTS.landscape,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  if (options.fakeClock) await page.clock.install({ time: PAGE_CLOCK_START });
  await page.goto(running.server.url);
  await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  return page;
}

async function visitorSignsIn(page: Page, firstName: string, lastName: string) {
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
  await page.getByLabel('Voornaam').fill(firstName);
  await page.getByLabel('Achternaam').fill(lastName);
  await page.getByLabel('Bedrijf (niet verplicht)').fill('ACME');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await page.getByTestId('sign-out-code').waitFor();
  await page.getByRole('button', { name: 'Klaar' }).click();
}

/** The staff number a person types to unlock: their account's id. */
async function staffNumberOf(name: string) {
  const account = (await running.kiosk.staff.list()).find((candidate) => candidate.name === name);
  if (!account) throw new Error(`no account ${name}`);
  return String(account.id);
}

async function unlock(page: Page, name: string, pin: string) {
  await page.getByRole('button', { name: 'Medewerkers' }).click();
  await page.getByLabel('Medewerkernummer').fill(await staffNumberOf(name));
  const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
}

/** A kiosk with a real footage folder: front_door at 10:15 on 20 November and 10:00 on the 21st, garage on the 22nd. */
async function startWithFootage() {
  const root = makeTempDir('footage-');
  const write = (relative: string, mtime: string) => {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x'.repeat(2048));
    fs.utimesSync(file, new Date(mtime), new Date(mtime));
  };
  write('2026-11-20/09/front_door/15.30.mp4', '2026-11-20T09:16:00Z');
  write('2026-11-21/09/front_door/00.00.mp4', '2026-11-21T09:01:00Z');
  write('garage/garage_20261122_101500.mkv', '2026-11-22T09:16:00Z');
  running = await startKiosk({
    clock: manualClock('2026-11-24T10:00:00Z'),
    config: { ...defaultConfig, footage: { ...defaultConfig.footage, root } },
  });
  await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
  await running.kiosk.staff.add('operator', 'Sam Security', 'security', '192837');
}

async function auditActions() {
  return (await running.kiosk.audit.list()).map((entry) => entry.action);
}

describe('the reception desk in Chromium', () => {
  it('a visitor signs in; the receptionist unlocks, sees them, signs them out, exports and prints the evacuation list', async () => {
    await startWithStaff();
    const kioskPage = await openPage();
    await visitorSignsIn(kioskPage, 'Zoë', 'Jansen');

    // The desk's clock is the test's: its list's next look (every 5 s) comes when the test asks.
    const desk = await openPage({ fakeClock: true });
    await desk.getByRole('button', { name: 'Medewerkers' }).click();
    await desk.getByRole('heading', { name: 'Medewerkersscherm ontgrendelen' }).waitFor();
    // The unlock screen is the visitors' screen too: it names nobody.
    for (const name of ['Rosa Receptie', 'Ada Admin']) expect(await desk.getByText(name).count()).toBe(0);
    await desk.getByLabel('Medewerkernummer').fill(await staffNumberOf('Rosa Receptie'));
    await desk.getByLabel('Pincode', { exact: true }).fill('000000');
    await desk.getByRole('button', { name: 'Ontgrendelen' }).click();
    await desk.getByText('Deze pincode klopt niet.').waitFor();
    expect(await desk.getByLabel('Pincode', { exact: true }).inputValue()).toBe('');
    await screenshot(desk, 'landscape-nl-10-staff-unlock-wrong-pin');
    await expectAccessible(desk);

    const pad = desk.getByRole('group', { name: 'Cijfers van de pincode' });
    for (const digit of RECEPTION_PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
    await desk.getByRole('button', { name: 'Ontgrendelen' }).click();
    await desk.getByRole('heading', { name: /^Bezoekers vandaag/ }).waitFor();
    const row = desk.getByRole('row', { name: /Zoë Jansen/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/ACME[\s\S]*aanwezig/);
    expect(await desk.getByText('1 aanwezig').count()).toBe(1);
    await screenshot(desk, 'landscape-nl-11-reception-today');
    await expectAccessible(desk);

    // A second visitor signs in at the kiosk: the desk's list shows them without a click.
    await visitorSignsIn(kioskPage, 'Piet', 'de Boer');
    await desk.clock.fastForward(5_000);
    await desk.getByRole('row', { name: /Piet de Boer/ }).waitFor();

    await desk.getByLabel('Zoeken op naam, bedrijf of kenteken').fill('zoe');
    await expect.poll(() => desk.getByRole('row', { name: /Piet de Boer/ }).count(), POLL).toBe(0);
    await desk.getByLabel('Zoeken op naam, bedrijf of kenteken').fill('');

    await desk.getByRole('button', { name: 'Zoë Jansen afmelden' }).click();
    await expect.poll(() => desk.getByRole('row', { name: /Zoë Jansen/ }).innerText(), POLL).toMatch(/door receptie/);
    expect((await running.kiosk.visits.onSite()).visits.map((visit) => visit.firstName)).toEqual(['Piet']);

    await desk.getByRole('button', { name: 'Ontruimingslijst' }).click();
    await desk.getByRole('row', { name: /Piet de Boer/ }).waitFor();
    expect(await desk.getByRole('row', { name: /Zoë Jansen/ }).count()).toBe(0);
    await screenshot(desk, 'landscape-nl-12-evacuation');
    await expectAccessible(desk);

    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByRole('button', { name: 'Exporteren (CSV)' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(
      /^\uFEFFVoornaam;Achternaam;Bedrijf;Kenteken;Aangemeld\r\nPiet;de Boer;ACME;;\d\d-\d\d-\d{4} \d\d:\d\d\r\n$/,
    );
    expect(download.suggestedFilename()).toMatch(/^evacuatielijst-\d{4}-\d\d-\d\d-\d{4}\.csv$/);
    await desk.getByText(/^\d+ aanwezig · Opgesteld op \d{1,2} [a-z]{3,4}\.? \d{4} om \d\d:\d\d$/).waitFor();

    await desk.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await desk.getByRole('button', { name: 'Afdrukken' }).click();
    await expect.poll(() => desk.evaluate(() => document.body.getAttribute('data-printed')), POLL).toBe('yes');
    await desk.emulateMedia({ media: 'print' });
    await screenshot(desk, 'landscape-nl-13-evacuation-print');
    await desk.emulateMedia({ media: 'screen' });

    // While the lock call travels (held here, as on a slow network) nothing of the staff view is shown.
    // The press is a person's activity too: the keep-alive it sends is held as well.
    const held = (channel: string) => {
      const call = { sent: 0, arrive: () => {} };
      const arrives = new Promise<void>((resolve) => (call.arrive = resolve));
      void desk.route(`**${API_PATH_PREFIX}${channel}`, async (route) => {
        call.sent++;
        await arrives;
        await route.continue();
      });
      return call;
    };
    const lockCall = held('staff.lock');
    const keepAlive = held('staff.session');
    await desk.clock.fastForward(5_000); // the keep-alive's gap since the last one
    await desk.getByRole('button', { name: 'Vergrendelen' }).click();
    await desk.getByRole('status').getByText('Vergrendelen…').waitFor();
    expect([lockCall.sent, keepAlive.sent]).toEqual([1, 1]);
    expect(await desk.getByRole('row').count()).toBe(0);
    expect(await desk.getByText('Piet').count()).toBe(0);
    expect(await desk.getByRole('navigation').count()).toBe(0);
    // The card holds one line: as much room below it as above.
    const room = await desk.getByRole('status').evaluate((line) => {
      const card = line.parentElement!.getBoundingClientRect();
      const text = line.getBoundingClientRect();
      return { above: text.top - card.top, below: card.bottom - text.bottom };
    });
    expect(Math.abs(room.above - room.below)).toBeLessThanOrEqual(1);
    await screenshot(desk, 'landscape-nl-14-locking');
    // No answer within 10 s (the network gone): the screen goes back to the kiosk without it.
    await desk.clock.fastForward(10_000);
    await desk.getByRole('button', { name: 'Medewerkers' }).waitFor();
    expect(await desk.getByRole('row').count()).toBe(0);
    // A visitor starts; then the lock arrives, and the keep-alive's late answer (no session) resets nothing.
    await desk.getByRole('button', { name: 'Aanmelden' }).click();
    await desk.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
    await desk.getByLabel('Voornaam').fill('Rik');
    lockCall.arrive();
    await expect.poll(auditActions, POLL).toContain('staff.locked');
    const lateAnswer = desk.waitForResponse(`**${API_PATH_PREFIX}staff.session`);
    keepAlive.arrive();
    expect(await (await lateAnswer).json()).toMatchObject({ ok: true, value: null });
    await desk.waitForTimeout(300); // the answer handled
    expect(await desk.getByLabel('Voornaam').inputValue()).toBe('Rik');

    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        'staff.pinFailed',
        'staff.signedIn',
        'visits.viewed.today',
        'visits.signedOutByStaff',
        'visits.viewed.evacuation',
        'visits.exported',
        'visits.printed',
        'staff.locked',
      ]),
    );
  }, 90_000);

  it('the receptionist registers a visitor by hand, with the kiosk’s validation', async () => {
    await startWithStaff();
    const desk = await openPage();
    await unlock(desk, 'Rosa Receptie', RECEPTION_PIN);
    await desk.getByRole('button', { name: 'Bezoeker aanmelden' }).click();
    await desk.getByRole('heading', { name: 'Bezoeker aanmelden (door de receptie)' }).waitFor();
    await desk.getByLabel('Voornaam').fill('Jan');
    await desk.getByLabel('Achternaam').fill('<b>');
    await desk.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await desk.getByText("Alleen letters, spaties en ' - . zijn toegestaan.").waitFor();
    await desk.getByLabel('Achternaam').fill('de Vries');
    await desk.getByLabel('Ik ben met de auto').check();
    await desk.getByLabel('Kenteken').fill('gb123x');
    await desk.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await desk
      .getByRole('status')
      .getByText(/^Jan is aangemeld\. Afmeldcode: \w{6}$/)
      .waitFor();
    expect(await desk.getByLabel('Voornaam').inputValue()).toBe('');
    await screenshot(desk, 'landscape-nl-18-register-by-hand');
    await expectAccessible(desk);
    expect((await running.kiosk.visits.today()).visits).toMatchObject([
      { firstName: 'Jan', lastName: 'de Vries', plate: 'GB-123-X' },
    ]);
    expect(await auditActions()).toContain('visits.registered');
  }, 90_000);

  it('the staff view locks itself when idle and returns to the welcome screen', async () => {
    await startWithStaff();
    const desk = await openPage({ fakeClock: true });
    await unlock(desk, 'Rosa Receptie', RECEPTION_PIN);
    await desk.getByRole('heading', { name: /^Bezoekers vandaag/ }).waitFor();
    // The idle time runs from when the view opened, and the page's clock runs on meanwhile: on a
    // loaded machine the heading can take seconds to come. 110 s is inside the warning's last 15 s
    // (105 to 120) however long that took up to 10 s; a jump past 120 s would fire the warning and
    // the lock at once, and the warning would never be seen.
    await desk.clock.fastForward(110_000);
    // Warned, still unlocked (the view behind the warning is inert, so not a button for a finger).
    await desk.getByTestId('idle-warning').waitFor();
    expect(await desk.locator('.staff-view button.lock').count()).toBe(1);
    await desk.clock.fastForward(11_000);
    await desk.getByRole('button', { name: 'Medewerkers' }).waitFor();
    await expect.poll(auditActions, POLL).toContain('staff.locked');
    expect((await running.kiosk.audit.list({ action: 'staff.locked' }))[0]?.detail).toEqual({ reason: 'idle' });
    // The core ended the session too: the page cannot read the list any more.
    const afterLock = await desk.evaluate(async () => {
      const token = new URLSearchParams(location.hash.slice(1)).get('token')!;
      const response = await fetch('/api/visits.today', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-kiosk-token': token,
          'x-kiosk-terminal': crypto.randomUUID(),
        },
        body: '{}',
      });
      return response.json();
    });
    expect(afterLock).toEqual({ ok: false, error: { key: 'api.unauthenticated' } });
  }, 90_000);

  it('the admin manages staff and reads the audit log', async () => {
    await startWithStaff();
    const page = await openPage();
    await unlock(page, 'Ada Admin', ADMIN_PIN);
    await page.getByRole('heading', { name: /^Bezoekers vandaag/ }).waitFor();

    await page.getByRole('button', { name: 'Medewerkers', exact: true }).click();
    await page.getByRole('heading', { name: 'Medewerkers' }).waitFor();
    const add = page.locator('form.add-staff-form');
    await add.getByLabel('Naam').fill('Sam Security');
    await add.getByLabel('Rol').selectOption('security');
    await add.getByLabel('Pincode (6 tot 12 cijfers)').fill('123');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await add.getByText('Een pincode bestaat uit 6 tot 12 cijfers.').waitFor();
    await add.getByLabel('Pincode (6 tot 12 cijfers)').fill('192837');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('row', { name: /Sam Security/ }).waitFor();
    await screenshot(page, 'landscape-nl-14-admin-staff');
    await expectAccessible(page);

    await page
      .getByRole('row', { name: /Rosa Receptie/ })
      .getByRole('button', { name: 'Rosa Receptie uitschakelen' })
      .click();
    await page.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /Rosa Receptie/ }).innerText(), POLL)
      .toMatch(/uitgeschakeld/);

    await page.getByRole('button', { name: 'Auditlog' }).click();
    await page.getByRole('row', { name: /Medewerker Rosa Receptie uitgeschakeld/ }).waitFor();
    await page.getByLabel(/^Zoeken/).fill('staff.added');
    await expect.poll(() => page.getByRole('row').count(), POLL).toBe(4); // header + three accounts added
    await screenshot(page, 'landscape-nl-15-admin-audit');
    await expectAccessible(page);

    expect((await running.kiosk.staff.list()).find((account) => account.name === 'Rosa Receptie')).toMatchObject({
      disabledAt: expect.any(Number),
    });
  }, 90_000);

  it('a security officer sees the evacuation list and nothing of the desk', async () => {
    await startWithStaff();
    await running.kiosk.staff.add('operator', 'Sam Security', 'security', '192837');
    const page = await openPage({ viewport: VIEWPORTS.portrait });
    await unlock(page, 'Sam Security', '192837');
    await page.getByRole('button', { name: 'Ontruimingslijst' }).click();
    await page.getByRole('heading', { name: 'Ontruimingslijst: nu aanwezig' }).waitFor();
    expect(await page.getByRole('button', { name: 'Vandaag' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Auditlog' }).count()).toBe(0);
    await screenshot(page, 'portrait-nl-16-security-evacuation');
    await expectAccessible(page);
  }, 90_000);

  it('the admin sees a purge held back by the clock guard, confirms the time, and the purge runs', async () => {
    const clock = manualClock('2026-03-02T10:00:00Z');
    running = await startKiosk({ clock });
    await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
    await running.kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Maart' }));
    clock.set('2026-11-24T10:00:00Z');
    expect((await running.kiosk.retention.run()).outcome).toBe('blocked');

    const page = await openPage({ fakeClock: true });
    await unlock(page, 'Ada Admin', ADMIN_PIN);
    await page.getByRole('button', { name: 'Bewaartermijnen' }).click();
    await page.getByRole('heading', { name: 'De opschoning is tegengehouden' }).waitFor();
    const banner = page.getByTestId('health-banner');
    expect(await banner.innerText()).toContain('de klok staat veel verder');
    // No footage folder is set: there is no footage for this kiosk to delete, so no button offers it.
    expect(await page.getByRole('button', { name: 'Verlopen camerabeelden nu verwijderen' }).count()).toBe(0);
    await screenshot(page, 'landscape-nl-19-retention-blocked');
    await expectAccessible(page);
    // The page's timers stand still from here (half a minute on, well before the staff idle warning):
    // the banner's alarm goes because the confirmation said so, not at the banner's next timed refresh.
    await page.clock.pauseAt(PAGE_CLOCK_START + 30_000);
    await page.getByRole('button', { name: 'De tijd klopt: opschonen' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'De opschoning is tegengehouden' }).count(), POLL)
      .toBe(0);
    await expect.poll(() => banner.innerText(), POLL).not.toContain('de klok staat veel verder');
    await page.getByRole('row', { name: /bezoeken opschonen .* gelukt .*gewist: 1/ }).waitFor();
    expect(await running.kiosk.database.all('SELECT id FROM visits')).toEqual([]);
    await screenshot(page, 'landscape-nl-20-retention-runs');
  }, 90_000);

  it('security places a legal hold on a visit and releases it', async () => {
    await startWithStaff();
    await running.kiosk.staff.add('operator', 'Sam Security', 'security', '192837');
    await running.kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Held' }));
    const page = await openPage();
    await unlock(page, 'Sam Security', '192837');
    await page.getByRole('button', { name: 'Bewaarplichten' }).click();
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('Geef een reden op.').waitFor();
    await page.getByText('Kies de grond: een wettelijke plicht, of nodig voor onze activiteiten.').waitFor();
    await page.getByLabel('Bezoeknummer').fill('1');
    await page.getByLabel('Reden (verplicht)').fill('Politieverzoek 2026-118');
    await fillDateField(page, 'Tot en met (niet verplicht)', '2027-03-31');
    await page.getByLabel('Grond (verplicht)').selectOption('legalObligation');
    await fillDateField(page, 'Opnieuw beoordelen op (niet verplicht; anders de standaardtermijn)', '2027-01-31');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    // Shown as the day that was entered, though the hold runs to the start of the next.
    await page
      .getByRole('row', { name: /Politieverzoek 2026-118 Wettelijke plicht .* t\/m 31-03-2027 31-01-2027/ })
      .waitFor();
    expect(await running.kiosk.holds.listActive()).toMatchObject([
      {
        visitId: 1,
        reason: 'Politieverzoek 2026-118',
        placedBy: 'Sam Security',
        endsAt: Date.parse('2027-03-31T22:00:00Z'),
        basis: 'legalObligation',
        reviewAt: Date.parse('2027-01-31T23:00:00Z'),
      },
    ]);
    // Looked at again: the review date moves.
    await fillDateField(page, 'Nieuwe herbeoordelingsdatum voor bewaarplicht 1', '2027-02-28');
    await page.getByRole('button', { name: 'Herbeoordelingsdatum van bewaarplicht 1 verzetten' }).click();
    await page.getByRole('row', { name: /Politieverzoek 2026-118 .* 28-02-2027/ }).waitFor();
    expect(await running.kiosk.holds.listActive()).toMatchObject([{ reviewAt: Date.parse('2027-02-28T23:00:00Z') }]);
    await screenshot(page, 'landscape-nl-21-holds');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Bewaarplicht 1 opheffen' }).click();
    // Released only after the explicit second tap.
    expect(await running.kiosk.holds.listActive()).toHaveLength(1);
    await page.getByRole('button', { name: 'Ja, opheffen' }).click();
    await page.getByText('Er zijn geen actieve bewaarplichten.').waitFor();
    expect((await auditActions()).filter((action) => action.startsWith('holds.'))).toEqual([
      'holds.released',
      'holds.reviewExtended',
      'holds.placed',
    ]);
  }, 90_000);

  it('security reviews the footage index per camera and file, scans, and holds a file', async () => {
    await startWithFootage();
    const page = await openPage();
    await unlock(page, 'Sam Security', '192837');
    await page.getByRole('heading', { name: 'Camerabeelden' }).waitFor();
    await page.getByRole('button', { name: 'Nu inlezen' }).click();
    await page.getByRole('row', { name: /^front_door 2 4 kB 20-11-2026 10:15 18-12-2026 10:15$/ }).waitFor();
    await page.getByRole('row', { name: /^garage 1 2 kB / }).waitFor();
    expect(
      await page
        .getByRole('row', { name: /20-11-2026 10:15 .*front_door.*18-12-2026 10:15 \(over 24 dagen\)/ })
        .count(),
    ).toBe(1);
    await screenshot(page, 'landscape-nl-22-security-footage');
    await expectAccessible(page);

    // Playback: the player gets a short-lived ticket URL, served with ranges so it can seek.
    await page.getByRole('button', { name: '2026-11-20/09/front_door/15.30.mp4 afspelen' }).click();
    const src = await page.locator('figure.player video').getAttribute('src');
    expect(src).toMatch(/^\/media\/[\w-]{32}$/);
    const ranged = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { range: 'bytes=0-99' } });
      return {
        status: response.status,
        range: response.headers.get('content-range'),
        length: (await response.arrayBuffer()).byteLength,
      };
    }, src!);
    expect(ranged).toEqual({ status: 206, range: 'bytes 0-99/2048', length: 100 });
    expect(await page.evaluate(async () => (await fetch('/media/not-a-ticket')).status)).toBe(404);
    await page.getByRole('button', { name: 'Sluiten' }).click();

    // Each hold gets its own reason, in a form under its row; a missing reason is reported there.
    await page.getByRole('button', { name: 'garage/garage_20261122_101500.mkv vasthouden' }).click();
    const holdForm = page.getByRole('form', { name: 'Reden om garage/garage_20261122_101500.mkv vast te houden' });
    await holdForm.getByRole('button', { name: 'Vasthouden', exact: true }).click();
    await holdForm.getByText('Geef een reden op.').waitFor();
    await screenshot(page, 'landscape-nl-22-footage-row-hold-error');
    await holdForm.getByLabel('Reden om een bestand vast te houden').fill('Incident 2026-77');
    await holdForm.getByLabel('Grond om een bestand vast te houden').selectOption('necessaryForActivities');
    await holdForm.getByRole('button', { name: 'Vasthouden', exact: true }).click();
    await page.getByRole('row', { name: /garage.*vastgehouden/ }).waitFor();
    // The held filter shows the held file only.
    await page.getByLabel('Status').selectOption('held');
    await page.getByRole('row', { name: /20-11-2026 10:15 .*front_door/ }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row', { name: /vastgehouden/ }).count()).toBe(1);
    expect(await running.kiosk.holds.listActive()).toMatchObject([
      { kind: 'footage-file', reason: 'Incident 2026-77', placedBy: 'Sam Security', basis: 'necessaryForActivities' },
    ]);
    expect(await auditActions()).toEqual(expect.arrayContaining(['footage.viewed', 'footage.played', 'holds.placed']));
  }, 90_000);

  it('security holds a camera over a time range from the footage tab', async () => {
    await startWithFootage();
    const page = await openPage();
    await unlock(page, 'Sam Security', '192837');
    await page.getByRole('button', { name: 'Nu inlezen' }).click();
    const form = page.getByRole('form', { name: 'Camera over een periode bewaren' });
    await form.waitFor();

    // No camera, no reason, and a range that ends before it starts: three messages, no hold.
    await fillDateField(form, 'Opnamen vanaf', '2026-11-21T00:00');
    await fillDateField(form, 'Opnamen tot', '2026-11-20T00:00');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.getByText('Kies een camera.').waitFor();
    await form.getByText('Het einde van de periode moet na het begin liggen.').waitFor();
    await form.getByText('Geef een reden op.').waitFor();
    await form.getByText('Kies de grond: een wettelijke plicht, of nodig voor onze activiteiten.').waitFor();
    await screenshot(page, 'landscape-nl-23-footage-range-hold-errors');
    await expectAccessible(page);
    expect(await running.kiosk.holds.listActive()).toEqual([]);

    // All of 20 November, in the kiosk's zone: the front door's file of that day, not the next one's.
    await form.getByLabel('Camera').selectOption('front_door');
    await fillDateField(form, 'Opnamen vanaf', '2026-11-20T00:00');
    await fillDateField(form, 'Opnamen tot', '2026-11-21T00:00');
    await form.getByLabel('Reden (verplicht)').fill('Inbraak 2026-31');
    await fillDateField(form, 'Bewaarplicht tot en met (niet verplicht)', '2027-03-31');
    await form.getByLabel('Grond (verplicht)').selectOption('legalObligation');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form
      .getByRole('status')
      .getByText('Bewaarplicht vastgelegd: front_door, 20-11-2026 00:00 – 21-11-2026 00:00.')
      .waitFor();
    await page.getByRole('row', { name: /^20-11-2026 10:15 front_door .*vastgehouden/ }).waitFor();
    expect(await page.getByRole('row', { name: /vastgehouden/ }).count()).toBe(1);
    expect(await form.getByLabel('Reden (verplicht)').inputValue()).toBe('');
    expect(await running.kiosk.holds.listActive()).toMatchObject([
      {
        kind: 'footage-range',
        camera: 'front_door',
        rangeStart: Date.parse('2026-11-19T23:00:00Z'),
        rangeEnd: Date.parse('2026-11-20T23:00:00Z'),
        reason: 'Inbraak 2026-31',
        placedBy: 'Sam Security',
        endsAt: Date.parse('2027-03-31T22:00:00Z'),
      },
    ]);
    await screenshot(page, 'landscape-nl-24-footage-range-hold');
    await expectAccessible(page);
    await page.setViewportSize(VIEWPORTS.portrait);
    await screenshot(page, 'portrait-nl-24-footage-range-hold');
    await expectAccessible(page);

    await page.setViewportSize(VIEWPORTS.landscape);
    await page.getByRole('button', { name: 'Bewaarplichten' }).click();
    await page.getByRole('row', { name: /front_door: 20-11-2026 00:00 – 21-11-2026 00:00 Inbraak 2026-31/ }).waitFor();
    await screenshot(page, 'landscape-nl-25-holds-camera-range');
  }, 90_000);

  it('the first-run screen appears only while no admin exists', async () => {
    running = await startKiosk();
    await running.kiosk.database.run('DELETE FROM staff');
    const page = await openPage();
    await page.getByRole('button', { name: 'Medewerkers' }).click();
    await page.getByRole('heading', { name: 'Eerste beheerder instellen' }).waitFor();
    await screenshot(page, 'landscape-nl-17-first-run');
    await expectAccessible(page);
    await page.getByLabel('Naam').fill('Ada Admin');
    await page.getByLabel('Pincode (6 tot 12 cijfers)').fill(ADMIN_PIN);
    await page.getByLabel('Herhaal de pincode').fill('864206');
    await page.getByRole('button', { name: 'Aanmaken en ontgrendelen' }).click();
    await page.getByText('De twee pincodes zijn niet gelijk.').waitFor();
    await page.getByLabel('Herhaal de pincode').fill(ADMIN_PIN);
    await page.getByRole('button', { name: 'Aanmaken en ontgrendelen' }).click();
    await page.getByRole('button', { name: 'Auditlog' }).waitFor();
    expect(await running.kiosk.staff.needsFirstAdmin()).toBe(false);

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    // The visitors' screen first: until the lock is through, "Medewerkers" is the admin's own tab.
    await page.getByRole('heading', { name: 'Welkom · Welcome' }).waitFor();
    await page.getByRole('button', { name: 'Medewerkers' }).click();
    await page.getByRole('heading', { name: 'Medewerkersscherm ontgrendelen' }).waitFor();
    expect(callers.operator.kind).toBe('operator');
  }, 90_000);
});
