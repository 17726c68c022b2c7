import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../shared/config';
import { contrastRatio } from './contrast';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import type { Clock } from '../../electron/core/clock';
import { manualClock, visitor } from '../helpers/kiosk';
import { fillDateField } from './date-field';
import { expectNoOverlap } from './overlap';
import { typeStaffNumber } from './staff-number';

// Each poll waits on a round trip through the kiosk: on a loaded machine that takes more than vitest's 1 s.
const POLL = { timeout: 15_000 };

const HOLD_BASIS = { nl: 'Grond (verplicht)', en: 'Ground (required)' } as const;

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

const TEXT = {
  nl: {
    languageButton: 'Nederlands',
    other: 'English',
    signIn: 'Aanmelden',
    signOut: 'Afmelden',
    acknowledge: 'Ik heb dit gelezen',
    decline: 'Ik geef deze gegevens liever niet',
    declined: 'Meld u bij de receptie',
    first: 'Voornaam',
    last: 'Achternaam',
    company: 'Bedrijf (niet verplicht)',
    car: 'Ik ben met de auto',
    plate: 'Kenteken',
    plateRequired: 'Vul uw kenteken in, of zet het vinkje bij ‘Ik ben met de auto’ uit.',
    code: 'Uw afmeldcode (6 tekens)',
    done: 'Klaar',
    back: 'Terug',
    moreTime: 'Heeft u meer tijd nodig?',
    keep: 'Ja, ik wil verder',
    formTitle: 'Uw gegevens',
  },
  en: {
    languageButton: 'English',
    other: 'Nederlands',
    signIn: 'Sign in',
    signOut: 'Sign out',
    acknowledge: 'I have read this',
    decline: 'I would rather not give this information',
    declined: 'Please speak to the receptionist',
    first: 'First name',
    last: 'Last name',
    company: 'Company (optional)',
    car: 'I came by car',
    plate: 'Licence plate',
    plateRequired: 'Please enter your licence plate, or untick ‘I came by car’.',
    code: 'Your sign-out code (6 characters)',
    done: 'Done',
    back: 'Back',
    moreTime: 'Do you need more time?',
    keep: 'Yes, I need more time',
    formTitle: 'Your details',
  },
} as const;
type Language = keyof typeof TEXT;

async function openKiosk(
  viewport: { width: number; height: number } = VIEWPORTS.landscape,
  options: { fakeClock?: boolean; config?: KioskConfig; receptionist?: boolean; clock?: Clock } = {},
): Promise<Page> {
  running = await startKiosk({ config: options.config, clock: options.clock });
  if (options.receptionist) {
    await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', '864205'); // else the first-run screen shows
    await running.kiosk.staff.add('operator', 'Rosa Receptie', 'receptionist', '731942');
  }
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  if (options.fakeClock) await page.clock.install();
  await page.goto(running.server.url);
  await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  return page;
}

const exact = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function chooseLanguage(page: Page, language: Language) {
  // The welcome screen's choice; its pressed button's name starts with a tick.
  await page.locator('.language-choice').getByRole('button', { name: TEXT[language].languageButton }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(language);
}

describe('the visitor screens', () => {
  it('no two controls overlap on any visitor screen, in both orientations and both languages', async () => {
    // One kiosk and one window, turned from landscape to portrait: each round ends on the welcome screen.
    const page = await openKiosk(VIEWPORTS.landscape);
    for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      for (const language of ['nl', 'en'] as const) {
        const text = TEXT[language];
        const check = async (screen: string) => {
          await screenshot(page, `visitor-${orientation}-${language}-${screen}`);
          await expectNoOverlap(page);
        };
        await chooseLanguage(page, language);
        await check('01-welcome');

        await exact(page, text.signIn).click();
        await exact(page, text.acknowledge).waitFor();
        await check('02-notice');

        await exact(page, text.acknowledge).click();
        await page.getByLabel(text.car).check();
        await exact(page, text.signIn).click();
        await page.getByText(text.plateRequired).waitFor();
        await check('03-form-errors');
        await page.getByLabel(text.first).fill('Zoë');
        await page.getByLabel(text.last).fill("van 't Hoff");
        await page.getByLabel(text.plate).fill('12abc3');
        await check('03-form');

        await exact(page, text.signIn).click();
        const code = await page.getByTestId('sign-out-code').innerText();
        await check('04-confirmation');
        await exact(page, text.done).click();

        await chooseLanguage(page, language);
        await exact(page, text.signOut).click();
        await page.getByLabel(text.code).fill(code);
        await check('05-sign-out');
        await page.locator('form').getByRole('button', { name: text.signOut, exact: true }).click();
        await page.getByRole('heading', { level: 1 }).filter({ hasNotText: text.signOut }).waitFor();
        await check('06-goodbye');
        await exact(page, text.done).click();

        await chooseLanguage(page, language);
        await exact(page, text.signIn).click();
        await exact(page, text.decline).click();
        await page.getByRole('heading', { name: text.declined }).waitFor();
        await check('07-declined');
        await exact(page, text.done).click();
        await exact(page, 'Aanmelden').waitFor();
      }
    }
  }, 180_000);

  it('the staff link sits apart from Afmelden in portrait Dutch', async () => {
    const page = await openKiosk(VIEWPORTS.portrait);
    const signOut = await exact(page, 'Afmelden').boundingBox();
    const staff = await exact(page, 'Medewerkers').boundingBox();
    expect(signOut && staff).toBeTruthy();
    // Below the visitor's buttons, not beside or on them.
    await expectNoOverlap(page);
    expect(staff!.y).toBeGreaterThanOrEqual(signOut!.y + signOut!.height);
  }, 90_000);

  it('focus ring and field borders have at least 3:1 contrast; the title has no focus frame at start', async () => {
    const page = await openKiosk();
    const title = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      return { tag: active.tagName, outline: getComputedStyle(active).outlineStyle };
    });
    expect(title).toEqual({ tag: 'H1', outline: 'none' });

    await exact(page, 'Aanmelden').click();
    await exact(page, 'Ik heb dit gelezen').click();
    const first = page.getByLabel('Voornaam');
    await first.waitFor();
    await page.keyboard.press('Tab'); // from the title to the first field, as a keyboard user would
    const styles = await first.evaluate((input) => {
      const style = getComputedStyle(input);
      const card = getComputedStyle(input.closest('.screen')!);
      return {
        focused: document.activeElement === input,
        border: style.borderTopColor,
        outline: style.outlineColor,
        outlineStyle: style.outlineStyle,
        card: card.backgroundColor,
        page: getComputedStyle(document.documentElement).backgroundColor,
      };
    });
    expect(styles.focused).toBe(true);
    expect(styles.outlineStyle).toBe('solid');
    expect(contrastRatio(styles.border, styles.card)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(styles.outline, styles.card)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(styles.outline, styles.page)).toBeGreaterThanOrEqual(3);
  }, 90_000);

  it('"I came by car" without a plate is an error, and nothing is stored', async () => {
    const page = await openKiosk();
    await exact(page, 'Aanmelden').click();
    await exact(page, 'Ik heb dit gelezen').click();
    await page.getByLabel('Voornaam').fill('Anna');
    await page.getByLabel('Achternaam').fill('Jansen');
    await page.getByLabel('Ik ben met de auto').check();
    await exact(page, 'Aanmelden').click();
    await page.getByText(TEXT.nl.plateRequired).waitFor();
    expect(await page.getByLabel('Kenteken').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('sign-out-code').count()).toBe(0);
    expect(await running.kiosk.database.all('SELECT id FROM visits')).toEqual([]);
  }, 90_000);

  it('Enter moves to the next field; only Enter in the last field signs in', async () => {
    const page = await openKiosk();
    await exact(page, 'Aanmelden').click();
    await exact(page, 'Ik heb dit gelezen').click();
    const focusedLabel = () =>
      page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ?? '');
    await page.getByLabel('Voornaam').fill('Anna');
    await page.getByLabel('Voornaam').press('Enter');
    expect(await focusedLabel()).toBe('Achternaam');
    await page.keyboard.type('Jansen');
    await page.keyboard.press('Enter');
    expect(await focusedLabel()).toBe('Bedrijf (niet verplicht)');
    expect(await page.getByTestId('sign-out-code').count()).toBe(0);
    expect(await running.kiosk.database.all('SELECT id FROM visits')).toEqual([]);
    await page.keyboard.press('Enter'); // the last field
    await page.getByTestId('sign-out-code').waitFor();
  }, 90_000);

  it('Back keeps the chosen language; switching language keeps what was typed', async () => {
    const page = await openKiosk();
    await chooseLanguage(page, 'en');
    await exact(page, 'Sign in').click();
    await exact(page, 'Back').click();
    await exact(page, 'Sign out').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await exact(page, 'Sign in').click();
    await exact(page, 'Nederlands').click(); // on the notice
    await exact(page, 'Ik heb dit gelezen').click();
    await page.getByLabel('Voornaam').fill('Zoë');
    await page.getByLabel('Ik ben met de auto').check();
    await page.getByLabel('Kenteken').fill('12abc3');
    await exact(page, 'English').click(); // on the form
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe('Zoë');
    expect(await page.getByLabel('I came by car').isChecked()).toBe(true);
    expect(await page.getByLabel('Licence plate').inputValue()).toBe('12abc3');
    await screenshot(page, 'visitor-landscape-en-08-language-switched');
    await expectAccessible(page);

    await exact(page, 'Back').click();
    await exact(page, 'Sign out').click();
    await page.getByLabel('Your sign-out code (6 characters)').fill('ABC');
    await exact(page, 'Nederlands').click(); // on the sign-out form
    expect(await page.getByLabel('Uw afmeldcode (6 tekens)').inputValue()).toBe('ABC');
  }, 90_000);

  it('the confirmation hides the code and first name after 15 seconds, or at Done', async () => {
    const page = await openKiosk(VIEWPORTS.landscape, { fakeClock: true });
    const signIn = async () => {
      await exact(page, 'Aanmelden').click();
      await exact(page, 'Ik heb dit gelezen').click();
      await page.getByLabel('Voornaam').fill('Anna');
      await page.getByLabel('Achternaam').fill('Jansen');
      await exact(page, 'Aanmelden').click();
      await page.getByTestId('sign-out-code').waitFor();
    };
    await signIn();
    for (let second = 0; second < 14; second++) await page.clock.runFor(1_000);
    expect(await page.getByTestId('sign-out-code').count()).toBe(1);
    await page.clock.runFor(1_000);
    await exact(page, 'Afmelden').waitFor();
    expect(await page.getByTestId('sign-out-code').count()).toBe(0);
    expect(await page.getByText('Anna').count()).toBe(0);

    await signIn();
    await exact(page, 'Klaar').click();
    await exact(page, 'Afmelden').waitFor();
    expect(await page.getByTestId('sign-out-code').count()).toBe(0);
    expect(await page.getByText('Anna').count()).toBe(0);
  }, 90_000);
});

describe('the idle warning', () => {
  it.each(['nl', 'en'] as const)(
    'warns 15 seconds before a form resets, and "keep" keeps the form (%s)',
    async (language) => {
      const text = TEXT[language];
      // The page's clock is the test's: the form's 60 s pass in a moment, on any machine. One window,
      // turned from landscape to portrait: the first round ends on the welcome screen.
      const page = await openKiosk(VIEWPORTS.landscape, { fakeClock: true });
      for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        if (language === 'en') await chooseLanguage(page, 'en');
        await exact(page, text.signIn).click();
        await exact(page, text.acknowledge).click();
        await page.getByLabel(text.first).fill('Zoë');

        const warning = page.getByTestId('idle-warning');
        // The page's clock runs on between steps: 40 s leaves a loaded machine 5 s before the warning.
        await page.clock.fastForward(40_000);
        expect(await warning.count()).toBe(0);
        await page.clock.fastForward(6_000); // 46 s: the last 15 of the form's 60
        await warning.waitFor();
        expect(await warning.getByRole('heading').innerText()).toBe(text.moreTime);
        await screenshot(page, `visitor-${orientation}-${language}-09-idle-warning`);
        await expectNoOverlap(page);
        await expectAccessible(page);
        await warning.getByRole('button', { name: text.keep }).click();
        await warning.waitFor({ state: 'detached' });
        expect(await page.getByLabel(text.first).inputValue()).toBe('Zoë');

        // Left alone after the warning, the form resets.
        await page.clock.fastForward(46_000);
        await warning.waitFor();
        expect(await page.getByLabel(text.first).inputValue()).toBe('Zoë');
        await page.clock.fastForward(15_000);
        await exact(page, 'Medewerkers').waitFor();
        expect(await page.getByLabel(text.first).count()).toBe(0);
      }
    },
    120_000,
  );

  it('gives a slow reader of the notice far more time than a form', async () => {
    const page = await openKiosk(VIEWPORTS.landscape, { fakeClock: true });
    await exact(page, 'Aanmelden').click();
    await exact(page, 'Ik heb dit gelezen').waitFor();
    await page.clock.fastForward(120_000);
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
    await page.clock.fastForward(166_000); // 286 s: the last 15 of the notice's 300 s
    await page.getByTestId('idle-warning').waitFor();
    await exact(page, 'Ik heb dit gelezen').waitFor({ state: 'attached' });

    await page.getByRole('button', { name: 'Ja, ik wil verder' }).click();
    await exact(page, 'Ik heb dit gelezen').click();
    await page.clock.fastForward(46_000); // the form: 60 s, warned after 45
    await page.getByTestId('idle-warning').waitFor();
  }, 90_000);

  it('warns before the staff view locks, and "keep" keeps it unlocked', async () => {
    // The PIN screen keeps the visitor's idle time; only the staff view's is short here. The page's
    // clock and the core's move together, by the test's hand.
    const shortStaffIdle: KioskConfig = { ...defaultConfig, idle: { kioskSeconds: 60, staffSeconds: 20 } };
    const clock = manualClock('2026-11-24T09:00:00Z');
    const page = await openKiosk(VIEWPORTS.landscape, {
      config: shortStaffIdle,
      receptionist: true,
      fakeClock: true,
      clock,
    });
    await exact(page, 'Medewerkers').click();
    await typeStaffNumber(page, running.kiosk, 'Rosa Receptie');
    const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
    for (const digit of '731942') await pad.getByRole('button', { name: digit, exact: true }).click();
    await exact(page, 'Ontgrendelen').click();
    await exact(page, 'Vergrendelen').waitFor();

    const warning = page.getByTestId('idle-warning');
    // The page's clock runs on from the view's opening: 6 s leaves a loaded machine 4 s before the warning.
    await page.clock.fastForward(6_000);
    clock.advance(6_000);
    expect(await warning.count()).toBe(0); // warned in the second half of a short idle time only
    await page.clock.fastForward(5_000);
    clock.advance(5_000);
    await warning.waitFor();
    expect(await warning.innerText()).toContain('vergrendeld');
    await screenshot(page, 'staff-landscape-nl-idle-warning');
    await expectNoOverlap(page);
    const keptAt = clock.now();
    await warning.getByRole('button', { name: 'Ja, ik wil verder' }).click();
    await warning.waitFor({ state: 'detached' });
    // "Keep" keeps the core's session too, and that lands before the core's clock moves on, as it would
    // in real time: otherwise the view locks at the core's next answer, however the screen was kept.
    await expect
      .poll(() => running.kiosk.sessions.live().some((session) => session.lastSeen >= keptAt), POLL)
      .toBe(true);
    await exact(page, 'Vergrendelen').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[inert]') ?? null)).toBeNull();
    // Kept: the idle time starts again, warned of again after 11 s, still unlocked.
    await page.clock.fastForward(11_000);
    clock.advance(11_000);
    await warning.waitFor();
    expect(await exact(page, 'Vergrendelen').count()).toBe(1);
  }, 60_000);
});

describe('date inputs whose format the app controls', () => {
  it.each([
    ['nl', 'Bewaarplichten', 'Tot en met (niet verplicht)', ['Dag', 'Maand', 'Jaar'], ['dd', 'mm', 'jjjj'], '-'],
    ['en', 'Legal holds', 'Until (optional)', ['Day', 'Month', 'Year'], ['dd', 'mm', 'yyyy'], '/'],
  ] as const)(
    "show day-month-year in the screen's language and no AM/PM (%s)",
    async (language, holdsTab, untilLabel, names, hints, separator) => {
      const page = await openKiosk(VIEWPORTS.portrait, { receptionist: true });
      if (language === 'en') await chooseLanguage(page, 'en');
      await exact(page, language === 'nl' ? 'Medewerkers' : 'Staff').click();
      await typeStaffNumber(page, running.kiosk, 'Ada Admin');
      const pad = page.getByRole('group', { name: language === 'nl' ? 'Cijfers van de pincode' : 'PIN digits' });
      for (const digit of '864205') await pad.getByRole('button', { name: digit, exact: true }).click();
      await exact(page, language === 'nl' ? 'Ontgrendelen' : 'Unlock').click();
      await exact(page, holdsTab).click();

      const field = page.getByRole('group', { name: untilLabel, exact: true });
      await field.waitFor();
      const segments = field.locator('input');
      expect(await segments.evaluateAll((inputs) => inputs.map((input) => input.getAttribute('aria-label')))).toEqual(
        names,
      );
      expect(await segments.evaluateAll((inputs) => inputs.map((input) => input.getAttribute('placeholder')))).toEqual(
        hints,
      );
      expect(await field.locator('.separator').allInnerTexts()).toEqual([separator, separator]);
      await fillDateField(page, untilLabel, '2027-03-31');
      expect(await segments.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual([
        '31',
        '03',
        '2027',
      ]);
      // Typed in one go, as on a number pad: each full segment moves on to the next.
      for (const input of await segments.all()) await input.fill('');
      await field.locator('input.segment-day').click();
      await page.keyboard.type('01042027');
      expect(await segments.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual([
        '01',
        '04',
        '2027',
      ]);
      // Half a date is said to be half, not silently dropped.
      await field.locator('input.segment-year').fill('20');
      await page.keyboard.press('Tab');
      await field.getByRole('alert').waitFor();
      // and a hold is not placed "until released" because half its end date was dropped.
      await running.kiosk.handle('kiosk', 'visits.signIn', visitor());
      await page.getByLabel(language === 'nl' ? 'Bezoeknummer' : 'Visit number').fill('1');
      await page.getByLabel(language === 'nl' ? 'Reden (verplicht)' : 'Reason (required)').fill('Politieverzoek');
      await page.getByLabel(HOLD_BASIS[language]).selectOption('legalObligation');
      await exact(page, language === 'nl' ? 'Vastleggen' : 'Place hold').click();
      await fillDateField(page, untilLabel, '2027-03-31');
      await exact(page, language === 'nl' ? 'Vastleggen' : 'Place hold').click();
      await page.getByRole('row', { name: /Politieverzoek/ }).waitFor();
      expect((await running.kiosk.holds.listActive()).map((hold) => hold.endsAt)).toEqual([
        Date.parse('2027-03-31T22:00:00Z'),
      ]);
      await fillDateField(page, untilLabel, '2027-04-01');
      await field.locator('input.segment-year').fill('20');
      // No native picker anywhere: its format would be the browser's (en-US), with AM/PM.
      expect(await page.locator('input[type=date], input[type=datetime-local], input[type=time]').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toMatch(/\b(AM|PM)\b/);
      await screenshot(page, `staff-portrait-${language}-date-field`);
      await expectNoOverlap(page);
      await expectAccessible(page);
    },
    60_000,
  );
});
