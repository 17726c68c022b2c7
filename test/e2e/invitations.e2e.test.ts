import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDate } from '../../shared/time';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';

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
  const today = formatLocalDate(Date.now(), running.kiosk.config.timeZone);
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
    goodbye: (name: string) => `Tot ziens, ${name}!`,
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
    goodbye: (name: string) => `Goodbye, ${name}!`,
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
      await codeField.fill('WWWWWW');
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
      await page.getByRole('heading', { name: texts.nl.goodbye('Zoë') }).waitFor();
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
    await page.getByRole('button', { name: 'Rosa Receptie' }).click();
    const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
    for (const digit of '246810') await pad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();

    const form = page.locator('form.expected-form');
    await form.getByLabel('Voornaam').fill('Karel');
    await form.getByLabel('Achternaam').fill('Appel');
    await form.getByLabel('Gastheer of gastvrouw (optioneel)').fill('Henk de Wit');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    const code = await page.getByTestId('invitation-code').innerText();
    expect(code).toMatch(/^[ACEFGHJKMNPRTWXY34679]{6}$/);
    expect(await page.locator('pre.letter').innerText()).toContain('Autoriteit Persoonsgegevens');
    expect(
      await page.locator('img.invitation-qr').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);

    await form.locator('input[type=file]').setInputFiles({
      name: 'training.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('first;last;company\nPiet;Jansen;Acme\nMarie;Curie;\n'),
    });
    await page.getByText('2 bezoekers toegevoegd.').waitFor();
    const expected = page.locator('.expected-visitors table');
    await expect.poll(() => expected.locator('tbody tr').count()).toBe(3);
    expect(await expected.innerText()).toContain('Henk de Wit');
    await screenshot(page, 'invitation-nl-07-staff-today-expected');
    await expectAccessible(page);
    await context.close();
  }, 60_000);
});
