import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { noticeVersion } from '../../shared/notice';
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

const texts = {
  nl: {
    language: 'Nederlands',
    invitation: 'Ik heb een uitnodiging',
    signOut: 'Afmelden',
    correct: 'Klopt, verder',
    goodbye: 'Tot ziens!',
    done: 'Klaar',
    lostCode: 'Code kwijt?',
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    company: 'Bedrijf (als u dat hebt ingevuld)',
    byName: 'Afmelden met mijn naam',
    next: 'Volgende',
    seeReception: 'Vraag de receptie om u af te melden',
  },
  en: {
    language: 'English',
    invitation: 'I have an invitation',
    signOut: 'Sign out',
    correct: 'Correct, continue',
    goodbye: 'Goodbye!',
    done: 'Done',
    lostCode: 'Lost your code?',
    firstName: 'First name',
    lastName: 'Last name',
    company: 'Company (if you gave one)',
    byName: 'Sign out with my name',
    next: 'Next',
    seeReception: 'Please ask the receptionist to sign you out',
  },
} as const;

async function openKiosk(viewport: keyof typeof VIEWPORTS = 'landscape') {
  running = await startKiosk();
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], hasTouch: true });
  const page = await context.newPage();
  await page.goto(running.server.url);
  await page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).waitFor();
  return page;
}

function signIn(firstName: string, lastName: string, company?: string) {
  return running.kiosk.visits.signIn({
    firstName,
    lastName,
    company,
    noticeVersion: noticeVersion(running.kiosk.config),
  });
}

async function expectVisitor(firstName: string, lastName: string) {
  const today = formatLocalDate(running.kiosk.clock.now(), running.kiosk.config.timeZone);
  const [invitation] = await running.kiosk.invitations.add('operator', today, [
    { firstName, lastName, company: 'Acme, Inc' },
  ]);
  return invitation!;
}

/** A USB scanner: the QR code's text typed as keystrokes, then Enter, wherever the focus is. */
async function scan(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');

describe('scanners and codes on every visitor screen', () => {
  for (const language of ['nl', 'en'] as const) {
    for (const viewport of ['landscape', 'portrait'] as const) {
      it(`an IN- scan on the invitation screen, an OUT- scan on the sign-out screen (${language}, ${viewport})`, async () => {
        const text = texts[language];
        const page = await openKiosk(viewport);
        const shot = (name: string) => screenshot(page, `scanner-${language}-${viewport}-${name}`);
        const invitation = await expectVisitor('Zoë', 'de Vries');
        await page.getByRole('button', { name: text.language }).tap();

        await page.getByRole('button', { name: text.invitation }).tap();
        await page.locator('input.code-input').waitFor();
        expect(await focusedClass(page)).toContain('code-input');
        await shot('01-invitation-code');
        await expectAccessible(page);
        await scan(page, `IN-${invitation.code}`);
        await page.getByRole('button', { name: text.correct }).waitFor();
        expect(await page.getByLabel(text.lastName).inputValue()).toBe('de Vries');

        // Back, then the badge of someone on site scanned on the sign-out screen.
        const { signOutCode } = await signIn('Piet', 'Jansen');
        await page.getByRole('button', { name: language === 'nl' ? 'Terug' : 'Back' }).tap();
        await page.getByRole('button', { name: text.signOut, exact: true }).tap();
        await page.locator('input.code-input').waitFor();
        expect(await focusedClass(page)).toContain('code-input');
        await shot('02-sign-out');
        await scan(page, `OUT-${signOutCode}`);
        await page.getByRole('heading', { name: text.goodbye }).waitFor();
        await page.getByRole('button', { name: text.done }).tap();
        // The next visitor starts in Dutch.
        await page.getByRole('button', { name: texts.nl.invitation }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
        await page.context().close();
      }, 120_000);
    }

    it(`a visitor who lost their code signs out by name; an expected one starts by first and last name (${language})`, async () => {
      const text = texts[language];
      const page = await openKiosk();
      const shot = (name: string) => screenshot(page, `scanner-${language}-landscape-${name}`);
      await signIn('Zoë', 'de Vries', 'Acme, Inc');
      await signIn('Jan', 'Smit');
      await signIn('Jan', 'Smit');
      await expectVisitor('Anna', 'Bakker');
      await expectVisitor('Bertus', 'Bakker-Smit');
      await page.getByRole('button', { name: text.language }).tap();

      await page.getByRole('button', { name: text.signOut, exact: true }).tap();
      await page.getByRole('button', { name: text.lostCode }).tap();
      const form = page.locator('form.lost-code');
      // A field left empty is marked as such, and a lost connection said: neither sends the visitor to reception.
      await form.getByLabel(text.lastName).fill('Smit');
      await form.getByRole('button', { name: text.byName }).tap();
      await form.getByText(language === 'nl' ? 'Vul dit veld in.' : 'Please fill in this field.').waitFor();
      expect(await form.getByLabel(text.firstName).getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText(text.seeReception).count()).toBe(0);
      await page.route('**/api/visits.signOutByName', (route) => route.abort());
      await form.getByLabel(text.firstName).fill('Jan');
      await form.getByRole('button', { name: text.byName }).tap();
      await form
        .getByText(language === 'nl' ? 'De kiosk is even niet bereikbaar' : 'The kiosk cannot be reached')
        .waitFor();
      expect(await page.getByText(text.seeReception).count()).toBe(0);
      await page.unroute('**/api/visits.signOutByName');
      await form.getByLabel(text.firstName).fill('Jan');
      await form.getByLabel(text.lastName).fill('Smit');
      await form.getByRole('button', { name: text.byName }).tap();
      await page.getByText(text.seeReception).waitFor();
      expect(await page.locator('main').innerText()).not.toContain('Zoë');
      await shot('03-by-name-not-found');
      await expectAccessible(page);
      await form.getByLabel(text.firstName).fill('Zoë');
      await form.getByLabel(text.lastName).fill('de Vries');
      await form.getByLabel(text.company).fill('Acme, Inc');
      await shot('04-by-name');
      await form.getByRole('button', { name: text.byName }).tap();
      await page.getByRole('heading', { name: text.goodbye }).waitFor();
      expect(
        await running.kiosk.database.all("SELECT signed_out_by_name FROM visits WHERE first_name = 'Zoë'"),
      ).toEqual([{ signed_out_by_name: 1 }]);
      await page.getByRole('button', { name: text.done }).tap();

      await page.getByRole('button', { name: texts.nl.invitation }).waitFor();
      await page.getByRole('button', { name: text.language }).tap();
      await page.getByRole('button', { name: text.invitation }).tap();
      const field = page.locator('input.code-input');
      // A last name alone shows nobody's details; the message says what to type instead.
      await field.fill('bakker');
      await field.press('Enter');
      await page
        .getByText(language === 'nl' ? 'Typ uw voornaam en achternaam' : 'Type your first and last name')
        .waitFor();
      expect(await page.locator('main').innerText()).not.toContain('Anna');
      await field.fill('anna bakker');
      await field.press('Enter');
      await page.getByRole('button', { name: text.correct }).waitFor();
      expect(await page.getByLabel(text.firstName).inputValue()).toBe('Anna');
      expect(await page.locator('main').innerText()).not.toContain('Bertus');
      await shot('05-invitation-by-name');
      await page.context().close();
    }, 120_000);
  }
});
