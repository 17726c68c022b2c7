import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../shared/date-format';
import { formatLocalDate } from '../../shared/time';
import { kioskConfigSchema } from '../../shared/config';
import {
  expectAccessible,
  launchChromium,
  screenshot,
  SCREENSHOT_DIR,
  startKiosk,
  VIEWPORTS,
  type RunningKiosk,
} from './harness';
import { typeStaffNumber } from './staff-number';

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

async function openKiosk() {
  running = await startKiosk();
  const context = await browser.newContext({ viewport: VIEWPORTS.landscape, hasTouch: true });
  const page = await context.newPage();
  await page.goto(running.server.url);
  await page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).waitFor();
  return page;
}

async function expectVisitor(firstName: string) {
  const today = formatLocalDate(running.kiosk.clock.now(), running.kiosk.config.timeZone);
  const [invitation] = await running.kiosk.invitations.add('operator', today, [
    { firstName, lastName: 'Bakker', company: 'Acme BV', hostName: 'Henk de Wit' },
  ]);
  return invitation!;
}

const texts = {
  nl: {
    language: 'Nederlands',
    invitation: 'Ik heb een uitnodiging',
    next: 'Volgende',
    correct: 'Klopt, verder',
    acknowledge: 'Ik heb dit gelezen',
    welcome: (name: string) => `Welkom, ${name}!`,
    // The goodbye names nobody: whoever scanned a badge learns nothing of its owner.
    goodbye: 'Tot ziens!',
    unknown: 'Deze uitnodigingscode kennen wij vandaag niet',
    lastName: 'Achternaam',
  },
  en: {
    language: 'English',
    invitation: 'I have an invitation',
    next: 'Next',
    correct: 'Correct, continue',
    acknowledge: 'I have read this',
    welcome: (name: string) => `Welcome, ${name}!`,
    goodbye: 'Goodbye!',
    unknown: 'We do not know this invitation code today',
    lastName: 'Last name',
  },
} as const;

/** A USB scanner: the QR code's text typed as keystrokes, then Enter, with no field focused. */
async function scan(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('an expected visitor at the kiosk, in browser mode', () => {
  it.each(['nl', 'en'] as const)(
    'signs in by invitation code in at most 3 taps after typing it, and out by a scan (%s)',
    async (language) => {
      const text = texts[language];
      const page = await openKiosk();
      const shot = (screen: string) => screenshot(page, `invitation-${language}-${screen}`);
      const invitation = await expectVisitor('Zoë');
      await expectVisitor('Bertus'); // someone else expected today: never shown

      await page.getByRole('button', { name: text.language }).tap();
      await page.getByRole('button', { name: text.invitation }).tap();
      const codeField = page.locator('input.code-input');
      await codeField.waitFor();

      // A wrong code: a clear message, in the visitor's language, and nothing else.
      await codeField.fill('WWWWWWWW');
      await codeField.press('Enter');
      await page.getByText(text.unknown).waitFor();
      await shot('01-unknown-code');
      await expectAccessible(page);

      await codeField.fill(invitation.code.toLowerCase());
      await shot('02-code');
      let taps = 0;
      const tap = async (name: string) => {
        taps++;
        await page.getByRole('button', { name, exact: true }).tap();
      };
      await tap(text.next);
      await page.getByRole('button', { name: text.correct }).waitFor();
      expect(await page.getByLabel(text.lastName).inputValue()).toBe('Bakker');
      expect(await page.locator('main').innerText()).not.toContain('Bertus');
      await shot('03-details');
      await expectAccessible(page);
      await tap(text.correct);
      await page.getByRole('button', { name: text.acknowledge }).waitFor();
      await tap(text.acknowledge);
      await page.getByRole('heading', { name: text.welcome('Zoë') }).waitFor();
      expect(taps).toBeLessThanOrEqual(3);
      const signOutCode = await page.getByTestId('sign-out-code').innerText();
      await shot('04-signed-in');
      expect(await running.kiosk.database.all('SELECT first_name, last_name, company, host_name FROM visits')).toEqual([
        { first_name: 'Zoë', last_name: 'Bakker', company: 'Acme BV', host_name: 'Henk de Wit' },
      ]);
      expect(await running.kiosk.database.all('SELECT first_name FROM expected_visits')).toEqual([
        { first_name: 'Bertus' },
      ]);

      // Back at the welcome screen, the badge's QR code scanned: one scan, a goodbye.
      await page.getByRole('button', { name: language === 'nl' ? 'Klaar' : 'Done' }).tap();
      await page.getByRole('button', { name: texts.nl.invitation }).waitFor();
      await scan(page, `OUT-${signOutCode}`);
      await page.getByRole('heading', { name: texts.nl.goodbye }).waitFor();
      await shot('05-goodbye-after-scan');
      const [visit] = await running.kiosk.database.all<{ sign_out_method: string }>(
        'SELECT sign_out_method FROM visits',
      );
      expect(visit!.sign_out_method).toBe('kiosk');
      await page.context().close();
    },
    120_000,
  );

  it('a scanned invitation QR code at the welcome screen goes straight to the visitor’s details', async () => {
    const page = await openKiosk();
    const invitation = await expectVisitor('Anna');
    await scan(page, `IN-${invitation.code}`);
    await page.getByRole('button', { name: texts.nl.correct }).waitFor();
    expect(await page.getByLabel(texts.nl.lastName).inputValue()).toBe('Bakker');
    await screenshot(page, 'invitation-nl-06-scanned');
    await page.context().close();
  }, 60_000);

  it('a sign-in that never answers says so after 30 s; its late answer reaches that visitor at the message, never anyone after', async () => {
    running = await startKiosk();
    const page = await (await browser.newContext({ viewport: VIEWPORTS.landscape, hasTouch: true })).newPage();
    await page.clock.install();
    await page.goto(running.server.url);
    const held: (() => void)[] = [];
    await page.route('**/api/invitations.signIn', async (route) => {
      await new Promise<void>((resolve) => held.push(resolve));
      await route.continue();
    });
    /** Signs in by invitation with the call held, until the screen gives up on it; returns its release. */
    const signInHeld = async (firstName: string) => {
      const invitation = await expectVisitor(firstName);
      await page.getByRole('button', { name: texts.nl.invitation }).tap();
      await page.locator('input.code-input').fill(invitation.code);
      await page.getByRole('button', { name: texts.nl.next, exact: true }).tap();
      await page.getByRole('button', { name: texts.nl.correct }).tap();
      await page.getByRole('button', { name: texts.nl.acknowledge }).tap();
      await page.getByRole('status').getByText('Bezig…').waitFor();
      await page.clock.fastForward(30_000);
      await page.getByText('De kiosk is even niet bereikbaar').waitFor();
      return async () => {
        const answered = page.waitForResponse('**/api/invitations.signIn');
        held.shift()!();
        await answered;
      };
    };

    // Anna is still at the message when the answer comes: she is signed in after all, and sees her code.
    const annaAnswers = await signInHeld('Anna');
    await screenshot(page, 'invitation-nl-07-gave-up');
    await annaAnswers();
    await page.getByTestId('sign-out-code').waitFor();
    await page.getByRole('button', { name: 'Klaar' }).tap();

    // Bert's message has returned to the start when his answer comes: nothing of it is shown.
    const bertAnswers = await signInHeld('Bert');
    await page.clock.fastForward(11_000);
    await page.getByRole('button', { name: texts.nl.invitation }).waitFor();
    await bertAnswers();
    await page.clock.runFor(1_000);
    expect(await page.getByTestId('sign-out-code').count()).toBe(0);
    expect(await page.getByText('Bert').count()).toBe(0);

    // Carla's message is on screen when Dirk scans his invitation: Carla's answer shows nothing over his details.
    const carlaAnswers = await signInHeld('Carla');
    const dirk = await expectVisitor('Dirk');
    await scan(page, `IN-${dirk.code}`);
    await page.getByRole('button', { name: texts.nl.correct }).waitFor();
    await carlaAnswers();
    await page.clock.runFor(1_000);
    expect(await page.getByTestId('sign-out-code').count()).toBe(0);
    expect(await page.getByText('Carla').count()).toBe(0);
    expect(await page.getByLabel('Voornaam').inputValue()).toBe('Dirk');
    expect(await running.kiosk.database.all('SELECT first_name FROM visits ORDER BY id')).toEqual([
      { first_name: 'Anna' },
      { first_name: 'Bert' },
      { first_name: 'Carla' },
    ]);
    await page.context().close();
  }, 60_000);
});

describe('the receptionist expects visitors', () => {
  it('adds one by hand and a CSV file in the Today view, sees them expected, and gets the invitation with its QR code', async () => {
    running = await startKiosk();
    await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', '135790'); // else the first-run screen shows
    await running.kiosk.staff.add('operator', 'Rosa Receptie', 'receptionist', '246810');
    const context = await browser.newContext({ viewport: VIEWPORTS.landscape });
    const page = await context.newPage();
    await page.goto(running.server.url);
    await page.getByRole('button', { name: 'Medewerkers' }).click();
    await typeStaffNumber(page, running.kiosk, 'Rosa Receptie');
    const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
    for (const digit of '246810') await pad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();

    // Expected visitors come first on Today, under a Dutch date; adding one sits behind its summary.
    const todayIso = formatLocalDate(running.kiosk.clock.now(), running.kiosk.config.timeZone);
    await page.getByText(`Verwacht vandaag (${formatIsoDate(todayIso, 'nl')})`).waitFor();
    await page.getByRole('button', { name: 'Verwachte bezoeker toevoegen' }).click();
    const form = page.locator('form.expected-form');
    await form.getByLabel('Voornaam').fill('Karel');
    await form.getByLabel('Achternaam').fill('Appel');
    await form.getByLabel('Gastheer of gastvrouw (optioneel)').fill('Henk de Wit');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    const code = await page.getByTestId('invitation-code').innerText();
    expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(await page.locator('pre.letter').innerText()).toContain('Autoriteit Persoonsgegevens');
    expect(
      await page.locator('img.invitation-qr').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);

    // The app's own Dutch button, and a Dutch Excel file (Windows-1252, semicolons, CRLF, trailing ;;).
    expect(await form.getByText('Voornaam, Tussenvoegsel, Achternaam').count()).toBe(1);
    const chooser = page.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'Bestand kiezen' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'training.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Voornaam;Tussenvoegsel;Achternaam;Bedrijf\r\nPiet;;Jansen;Acme, Inc\r\nZoë;de;Vries;\r\n;;;\r\n',
        'latin1',
      ),
    });
    await page.getByText('2 bezoekers toegevoegd. Gelezen als Windows-1252, gescheiden door puntkomma’s.').waitFor();
    const expected = page.locator('.expected-visitors table');
    await expect.poll(() => expected.locator('tbody tr').count()).toBe(3);
    expect(await expected.innerText()).toContain('Henk de Wit');
    expect(await expected.innerText()).toContain('Zoë de Vries');
    expect(await expected.innerText()).toContain('Acme, Inc');
    await screenshot(page, 'invitation-nl-07-staff-today-expected');
    await page
      .locator('.expected-visitors')
      .screenshot({ path: `${SCREENSHOT_DIR}/invitation-nl-07b-expected-part.png` });
    await expectAccessible(page);
    const tables = await page
      .locator('table')
      .evaluateAll((all) => all.map((table) => table.closest('.expected-visitors') !== null));
    expect(tables[0]).toBe(true); // the expected visitors' table is the first on the page

    // One tap signs Karel in: he leaves the expected list and is on today's list.
    await page.getByRole('button', { name: 'Karel Appel aanmelden' }).click();
    await page.getByText('Karel Appel is aangemeld.').waitFor();
    await expect.poll(() => expected.locator('tbody tr').count()).toBe(2);
    await page.locator('.visit-table').getByText('Karel Appel').waitFor();
    // Removing one asks first.
    await page.getByRole('button', { name: 'Piet Jansen verwijderen' }).click();
    await page
      .getByRole('group', { name: 'Piet Jansen niet meer verwachten?' })
      .getByRole('button', { name: 'Verwijderen' })
      .click();
    await expect.poll(() => expected.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'invitation-nl-08-staff-today-signed-in-at-desk');
    await context.close();
  }, 60_000);
});

describe('the badge', () => {
  it('is printed after sign-in; its PDF has the details, its QR code decodes and signs the visitor out in one scan', async () => {
    running = await startKiosk({ config: kioskConfigSchema.parse({ badge: { enabled: true } }) });
    const context = await browser.newContext({ viewport: VIEWPORTS.landscape, hasTouch: true });
    const page = await context.newPage();
    // Browser mode opens the print dialog; here each call is counted instead.
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.goto(running.server.url);
    const invitation = await expectVisitor('Zoë');
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('button', { name: texts.en.invitation }).tap();
    await page.locator('input.code-input').fill(invitation.code);
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    await page.getByRole('button', { name: texts.en.correct }).tap();
    await page.getByRole('button', { name: texts.en.acknowledge }).tap();
    const badge = page.getByTestId('badge');
    await badge.waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const signOutCode = await page.getByTestId('sign-out-code').innerText();
    await screenshot(page, 'badge-en-01-confirmation');

    // The printed page: Chromium renders the print styles to PDF, on the 62 mm label.
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdfFile = path.join(SCREENSHOT_DIR, 'badge-en.pdf');
    await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Zoë Bakker',
      'Acme BV',
      'You are visiting Henk de Wit.',
      `Valid on ${formatIsoDate(invitation.date, 'en')}`,
    ]) {
      expect(text).toContain(expected);
    }
    // The code is printed letter-spaced: pdftotext -layout splits some pairs (it read PWAWTG as
    // "P WAW T G"), so the code is looked for with the spaces out.
    expect(text.replace(/\s+/g, '')).toContain(signOutCode);
    expect(text).not.toContain('Welcome'); // the badge alone on the page
    // A picture of the PDF's page as the printer gets it, for review.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '200',
      '-singlefile',
      pdfFile,
      path.join(SCREENSHOT_DIR, 'badge-en-03-pdf'),
    ]);
    const pageSize = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+)/);
    // 62 x 100 mm in points.
    expect(Math.abs(Number(pageSize![1]) - (62 / 25.4) * 72)).toBeLessThan(2);
    expect(Math.abs(Number(pageSize![2]) - (100 / 25.4) * 72)).toBeLessThan(2);

    // Its QR code, read from a rendered image of the badge by a QR decoder.
    const png = PNG.sync.read(await badge.screenshot({ path: path.join(SCREENSHOT_DIR, 'badge-en-02-badge.png') }));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`OUT-${signOutCode}`);
    await page.emulateMedia({ media: 'screen' });

    // The decoded text, typed by a scanner at the welcome screen: one scan, a goodbye.
    await page.getByRole('button', { name: 'Done' }).tap();
    await page.getByRole('button', { name: texts.nl.invitation }).waitFor();
    await scan(page, decoded!.data);
    await page.getByRole('heading', { name: texts.nl.goodbye }).waitFor();
    expect(await running.kiosk.database.all('SELECT sign_out_method FROM visits')).toEqual([
      { sign_out_method: 'kiosk' },
    ]);
    await context.close();
  }, 60_000);
});

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtpServer() {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: net.Server }).server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the host notice', () => {
  it('the visitor picks their host from suggestions; the host’s mail arrives at the SMTP server', async () => {
    const smtp = await startSmtpServer();
    try {
      running = await startKiosk({
        config: kioskConfigSchema.parse({
          hostNotice: { enabled: true },
          alerts: {
            email: {
              host: '127.0.0.1',
              port: smtp.port,
              tls: 'opportunistic',
              from: 'kiosk@ploum.nl',
              to: ['it@ploum.nl'],
            },
          },
        }),
      });
      await running.kiosk.router.invoke(
        'hosts.add',
        { name: 'Henk de Wit', email: 'henk@ploum.nl' },
        { kind: 'operator' },
      );
      await running.kiosk.router.invoke(
        'hosts.add',
        { name: 'Hendrika Jansen', email: 'hj@ploum.nl' },
        { kind: 'operator' },
      );
      await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', '135790');
      const context = await browser.newContext({ viewport: VIEWPORTS.landscape, hasTouch: true });
      const page = await context.newPage();
      await page.goto(running.server.url);

      await page.getByRole('button', { name: 'English' }).tap();
      await page.getByRole('button', { name: 'Sign in', exact: true }).tap();
      const search = page.getByLabel('Type their first name (at least 3 letters)');
      await search.fill('He');
      expect(await page.locator('.host-suggestions').count()).toBe(0); // nothing before the third letter
      // A screen that asked too often is told so, not "nobody found".
      await page.route('**/api/hosts.suggest', (route) =>
        route.fulfill({ json: { ok: false, error: { key: 'host.tooManySuggestions' } } }),
      );
      await search.fill('Hen');
      await page.getByRole('alert').getByText('Please wait a minute and try again').waitFor();
      expect(await page.getByText('Nobody found').count()).toBe(0);
      await page.unroute('**/api/hosts.suggest');
      await search.fill('Henk');
      await page.getByRole('button', { name: 'Henk W.' }).waitFor();
      expect(await page.locator('.host-suggestions').innerText()).not.toContain('@');
      // Typing on to the whole name keeps the host found (only the last name's initial is compared),
      // and the screen asks once after the typing, not at every letter.
      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('hosts.suggest')) asked.push(request.postData() ?? '');
      });
      const answered = page.waitForResponse((response) =>
        (response.request().postData() ?? '').includes('Henk de Wit'),
      );
      await search.pressSequentially(' de Wit');
      await answered;
      await expect.poll(() => page.locator('.host-suggestions').innerText()).toBe('Henk W.');
      expect(asked).toHaveLength(1);
      expect(await page.getByText('Nobody found').count()).toBe(0);
      await screenshot(page, 'host-en-01-picker');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Henk W.' }).tap();

      await page.getByRole('button', { name: 'I have read this' }).waitFor();
      expect(await page.locator('.notice-text').innerText()).toContain('that person gets an e-mail'); // option on
      await page.getByRole('button', { name: 'I have read this' }).tap();
      await page.getByLabel('First name').fill('Anna');
      await page.getByLabel('Last name').fill('de Vries');
      await page.getByLabel('Company (optional)').fill('Acme BV');
      await page.getByRole('button', { name: 'Sign in', exact: true }).tap();
      await page.getByRole('heading', { name: 'Welcome, Anna!' }).waitFor();
      await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(1);
      expect(smtp.received[0]!.to).toEqual(['henk@ploum.nl']);
      expect(smtp.received[0]!.data).toContain('Anna of Acme BV is at reception');
      expect(await running.kiosk.database.all('SELECT host_name FROM visits')).toEqual([{ host_name: 'Henk de Wit' }]);

      // The admin's host directory.
      await page.getByRole('button', { name: 'Done' }).tap();
      await page.getByRole('button', { name: 'Medewerkers' }).click();
      await typeStaffNumber(page, running.kiosk, 'Ada Admin');
      const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
      for (const digit of '135790') await pad.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await page.getByRole('button', { name: 'Gastheren' }).click();
      await page.getByRole('cell', { name: 'henk@ploum.nl' }).waitFor();
      await screenshot(page, 'host-nl-02-directory');
      await expectAccessible(page);
      await context.close();
    } finally {
      await running?.stop();
      await smtp.close();
    }
  }, 90_000);
});
