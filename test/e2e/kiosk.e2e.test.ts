import fs from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeLaunchPage } from '../../electron/browser/open-chromium';
import { defaultConfig } from '../../shared/config';
import { noticeVersion } from '../../shared/notice';
import { makeTempDir } from '../helpers/temp-dir';
import { launchChromium, screenshot, expectAccessible, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';

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

async function openKiosk(
  viewport: { width: number; height: number } = VIEWPORTS.landscape,
  options: { fakeClock?: boolean } = {},
) {
  running = await startKiosk();
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  if (options.fakeClock) await page.clock.install();
  await page.goto(running.server.url);
  await page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).waitFor();
  return page;
}

async function storedVisits() {
  return running.kiosk.database.all<{
    first_name: string;
    last_name: string;
    company: string | null;
    plate: string | null;
    signed_out_at: number | null;
  }>('SELECT first_name, last_name, company, plate, signed_out_at FROM visits ORDER BY id');
}

describe('a visitor at the kiosk, in browser mode', () => {
  it.each([
    [
      'nl',
      'Nederlands',
      {
        acknowledge: 'Ik heb dit gelezen',
        first: 'Voornaam',
        last: 'Achternaam',
        company: 'Bedrijf (niet verplicht)',
        car: 'Ik ben met de auto',
        plate: 'Kenteken',
        submit: 'Aanmelden',
        welcome: 'Welkom, Zoë!',
        preview: 'Kenteken: 12-ABC-3',
      },
    ],
    [
      'en',
      'English',
      {
        acknowledge: 'I have read this',
        first: 'First name',
        last: 'Last name',
        company: 'Company (optional)',
        car: 'I came by car',
        plate: 'Licence plate',
        submit: 'Sign in',
        welcome: 'Welcome, Zoë!',
        preview: 'Licence plate: 12-ABC-3',
      },
    ],
  ] as const)(
    'signs in and out in %s',
    async (language, languageButton, text) => {
      // One kiosk and one window, turned between the rounds: each round signs a visitor in and out.
      const page = await openKiosk();
      for (const [round, [orientation, viewport]] of Object.entries(VIEWPORTS).entries()) {
        await page.setViewportSize(viewport);
        const shot = (screen: string) => screenshot(page, `${orientation}-${language}-${screen}`);

        await page.getByRole('button', { name: languageButton }).click();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        await shot('01-welcome');
        await expectAccessible(page);

        await page.getByRole('button', { name: language === 'nl' ? 'Aanmelden' : 'Sign in' }).click();
        await page.getByRole('button', { name: text.acknowledge }).waitFor();
        expect(await page.getByRole('checkbox').count()).toBe(0); // an acknowledgement, never a consent tick-box
        const notice = await page.locator('.notice-text').innerText();
        expect(notice).toContain('communicatie@ploum.nl');
        expect(notice).toContain(language === 'nl' ? 'maximaal 6 maanden' : 'at most 6 months');
        expect(notice).toContain(language === 'nl' ? '4 weken (28 dagen)' : '4 weeks (28 days)');
        expect(notice).toContain('Autoriteit Persoonsgegevens');
        await shot('02-notice');
        await expectAccessible(page);

        await page.getByRole('button', { name: text.acknowledge }).click();
        await page.getByLabel(text.first).fill('Zoë');
        await page.getByLabel(text.last).fill("van 't Hoff");
        await page.getByLabel(text.company).fill('Müller & Söhne B.V.');
        await page.getByLabel(text.car).check();
        await page.getByLabel(text.plate).fill('12abc3');
        await expect.poll(() => page.locator('.note').last().innerText()).toBe(text.preview);
        for (const input of await page.locator('input[type=text], input:not([type])').all()) {
          expect(await input.getAttribute('autocomplete')).toBe('off');
        }
        await shot('03-form');
        await expectAccessible(page);

        await page.getByRole('button', { name: text.submit, exact: true }).click();
        await page.getByRole('heading', { name: text.welcome }).waitFor();
        const code = await page.getByTestId('sign-out-code').innerText();
        expect(code).toMatch(/^[ACEFGHJKMNPRTWXY34679]{6}$/);
        await shot('04-confirmation');
        await expectAccessible(page);
        const visits = await storedVisits();
        expect(visits).toHaveLength(round + 1);
        expect(visits.at(-1)).toEqual({
          first_name: 'Zoë',
          last_name: "van 't Hoff",
          company: 'Müller & Söhne B.V.',
          plate: '12-ABC-3',
          signed_out_at: null,
        });

        await page.getByRole('button', { name: language === 'nl' ? 'Klaar' : 'Done' }).click();
        await page.getByRole('button', { name: 'Nederlands' }).waitFor();
        // The choice of language resets for the next visitor.
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
        await page.getByRole('button', { name: languageButton }).click();
        await page.getByRole('button', { name: language === 'nl' ? 'Afmelden' : 'Sign out' }).click();
        const codeField = page.getByLabel(
          language === 'nl' ? 'Uw afmeldcode (6 tekens)' : 'Your sign-out code (6 characters)',
        );
        await codeField.fill('WWWWWW');
        await page.getByRole('button', { name: language === 'nl' ? 'Afmelden' : 'Sign out', exact: true }).click();
        await page
          .getByText(language === 'nl' ? 'Deze afmeldcode kennen we niet' : 'We do not know this sign-out code')
          .waitFor();
        await shot('05-sign-out-unknown-code');
        await expectAccessible(page);

        await codeField.fill(code.toLowerCase());
        await page.getByRole('button', { name: language === 'nl' ? 'Afmelden' : 'Sign out', exact: true }).click();
        await page.getByRole('heading', { name: language === 'nl' ? 'Tot ziens!' : 'Goodbye!' }).waitFor();
        await shot('06-goodbye');
        await expectAccessible(page);
        expect((await storedVisits()).at(-1)!.signed_out_at).not.toBeNull();

        await page.getByRole('button', { name: language === 'nl' ? 'Klaar' : 'Done' }).click();
        await page.getByRole('button', { name: 'Nederlands' }).waitFor();
      }
    },
    120_000,
  );

  it('can be used with a keyboard alone', async () => {
    const page = await openKiosk();
    await page.keyboard.press('Tab'); // Nederlands
    await page.keyboard.press('Tab'); // English
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.keyboard.press('Tab'); // Sign in
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Privacy notice for visitors' }).waitFor();
    await page.keyboard.press('Tab'); // the notice text, scrollable by keyboard
    await page.keyboard.press('Tab'); // I have read this
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kees');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jansen');
    await page.keyboard.press('Enter'); // on to the company, the last field
    await page.keyboard.press('Enter');
    await page.getByTestId('sign-out-code').waitFor();
    expect(await storedVisits()).toMatchObject([{ first_name: 'Kees', last_name: 'Jansen' }]);
  });

  it('shows a rejected input inline, in the chosen language, and stores nothing', async () => {
    const page = await openKiosk();
    for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'I have read this' }).click();
      await page.getByLabel('First name').fill('<script>alert(1)</script>');
      await page.getByLabel('Last name').fill('   ');
      await page.getByLabel('I came by car').check();
      await page.getByLabel('Licence plate').fill('###');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText('Please check the highlighted fields.').waitFor();
      expect(await page.getByRole('alert').allInnerTexts()).toEqual(
        expect.arrayContaining([
          "Only letters, spaces and ' - . are allowed.",
          'Please fill in this field.',
          'This does not look like a licence plate: use 2 to 12 letters and digits.',
        ]),
      );
      expect(await page.getByLabel('First name').getAttribute('aria-invalid')).toBe('true');
      // The first field to mend has the focus, not the button that was pressed.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(
        await page.getByLabel('First name').getAttribute('id'),
      );
      await screenshot(page, `${orientation}-en-03b-form-errors`);
      await expectAccessible(page);
      expect(await storedVisits()).toEqual([]);
      // Back to the start for the next round: what was typed goes.
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
  }, 60_000);

  it('the server refuses hostile input that skips the form, and stores nothing', async () => {
    const page = await openKiosk();
    const token = running.server.token;
    const results = await page.evaluate(
      async ({ token }) => {
        const post = async (body: unknown) => {
          const response = await fetch('/api/visits.signIn', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-kiosk-token': token,
              'x-kiosk-terminal': crypto.randomUUID(),
            },
            body: JSON.stringify(body),
          });
          return response.json();
        };
        return [
          await post({ firstName: '<img src=x onerror=alert(1)>', lastName: 'X', noticeVersion: '2-6m-28d' }),
          await post({ firstName: 'Anna', lastName: 'X'.repeat(10_000), noticeVersion: '2-6m-28d' }),
          await post({ firstName: 'Anna', lastName: 'Jansen', noticeVersion: '0-outdated' }),
        ];
      },
      { token },
    );
    expect(results).toEqual([
      { ok: false, error: { key: 'validation.failed', fields: { firstName: 'name.invalidCharacters' } } },
      { ok: false, error: { key: 'validation.failed', fields: { lastName: 'name.tooLong' } } },
      { ok: false, error: { key: 'notice.outdated' } },
    ]);
    expect(await storedVisits()).toEqual([]);
  });

  it('an answer that arrives after the visitor left the form is not shown to the next visitor', async () => {
    const page = await openKiosk();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/visits.signIn', async (route) => {
      await held;
      await route.continue();
    });
    // A signal from the page once it has handled the sign-in's answer: a task queued when the answer's
    // JSON resolves runs only after every continuation of it (the client, the form) has run.
    await page.evaluate(() => {
      const json = Response.prototype.json;
      const flags = window as unknown as { signInAnswerHandled?: Promise<void> };
      flags.signInAnswerHandled = new Promise<void>((handled) => {
        Response.prototype.json = function (this: Response) {
          const parsed = json.call(this);
          if (this.url.endsWith('/api/visits.signIn')) void parsed.finally(() => setTimeout(handled, 0));
          return parsed;
        };
      });
    });
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
    await page.getByLabel('Voornaam').fill('Earlier');
    await page.getByLabel('Achternaam').fill('Visitor');
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByRole('button', { name: 'Nederlands' }).waitFor();
    release();
    await expect.poll(storedVisits).toHaveLength(1); // the sign-in itself went through
    await page.evaluate(async () => {
      await (window as unknown as { signInAnswerHandled: Promise<void> }).signInAnswerHandled;
      // and two frames, so whatever that answer changed would be on screen
      await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    });
    expect(await page.getByTestId('sign-out-code').count()).toBe(0);
    expect(await page.getByText('Earlier').count()).toBe(0);
  });

  it('decline ends at the receptionist and stores nothing', async () => {
    const page = await openKiosk();
    for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.getByRole('button', { name: 'Ik geef deze gegevens liever niet' }).click();
      await page.getByRole('heading', { name: 'Meld u bij de receptie' }).waitFor();
      await screenshot(page, `${orientation}-nl-02b-declined`);
      await expectAccessible(page);
      expect(await storedVisits()).toEqual([]);
      await page.getByRole('button', { name: 'Klaar' }).click();
      await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
    }
  });

  it('a language chosen by a visitor who walked away resets for the next one', async () => {
    const page = await openKiosk(VIEWPORTS.landscape, { fakeClock: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.clock.fastForward(61_000);
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });

  it('the idle timeout clears a half-filled form and returns to the welcome screen', async () => {
    const page = await openKiosk(VIEWPORTS.landscape, { fakeClock: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'I have read this' }).click();
    await page.getByLabel('First name').fill('Previous');
    await page.getByLabel('Last name').fill('Visitor');

    // The page's clock runs on between steps: 55 s leaves a loaded machine 5 s before the 60 s end.
    await page.clock.fastForward(55_000);
    expect(await page.getByLabel('First name').inputValue()).toBe('Previous');
    await page.clock.fastForward(6_000);
    await page.getByRole('button', { name: 'Nederlands' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');

    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
    expect(await page.getByLabel('Voornaam').inputValue()).toBe('');
    expect(await page.getByLabel('Achternaam').inputValue()).toBe('');
    expect(await storedVisits()).toEqual([]);
  });

  it('a notice changed while the kiosk rested is the one the next visitor reads; one changed while they fill in is shown again', async () => {
    const page = await openKiosk();
    const save = async (months: number) =>
      expect(
        await running.kiosk.router.invoke(
          'settings.save',
          { changes: [{ key: 'retention.visitMonths', value: months }], confirmed: true },
          { kind: 'operator' },
        ),
      ).toMatchObject({ ok: true, value: { outcome: 'saved' } });
    await save(3);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.locator('.notice-text').getByText('maximaal 3 maanden').waitFor();
    await page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
    await page.getByLabel('Voornaam').fill('Anna');
    await page.getByLabel('Achternaam').fill('Jansen');
    // Saved while Anna fills in: she reads the notice again, then signs in.
    await save(2);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await page.locator('.notice-text').getByText('maximaal 2 maanden').waitFor();
    await page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
    await page.getByLabel('Voornaam').fill('Anna');
    await page.getByLabel('Achternaam').fill('Jansen');
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await page.getByTestId('sign-out-code').waitFor();
    expect(await running.kiosk.database.all('SELECT retention_months FROM visits')).toEqual([{ retention_months: 2 }]);
  });

  it('the confirmation returns to the welcome screen by itself', async () => {
    const page = await openKiosk(VIEWPORTS.landscape, { fakeClock: true });
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
    await page.getByLabel('Voornaam').fill('Anna');
    await page.getByLabel('Achternaam').fill('Jansen');
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await page.getByTestId('sign-out-code').waitFor();
    for (let second = 0; second < 31; second++) await page.clock.runFor(1_000);
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    expect(await page.getByTestId('sign-out-code').count()).toBe(0);
  });
});

describe('browser mode refuses foreign callers', () => {
  function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: running.server.port,
          path: options.path,
          method: options.method ?? 'POST',
          headers: options.headers,
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }
  const signIn = JSON.stringify({
    firstName: 'Mallory',
    lastName: 'Evil',
    noticeVersion: noticeVersion(defaultConfig),
  });

  it('a request without the token, with a wrong token, a foreign Origin or a foreign Host changes nothing', async () => {
    running = await startKiosk();
    const own = `127.0.0.1:${running.server.port}`;
    const json = { 'content-type': 'application/json' };
    // The screen id the server hands out with the page, as a browser sends it back.
    const page = await fetch(`http://${own}/`);
    const screen = page.headers.get('set-cookie')!.split(';')[0]!;
    const token = { 'x-kiosk-token': running.server.token, cookie: screen };

    expect((await request({ path: '/api/visits.signIn', headers: json, body: signIn })).status).toBe(401);
    expect(
      (await request({ path: '/api/visits.signIn', headers: { ...json, 'x-kiosk-token': 'guess' }, body: signIn }))
        .status,
    ).toBe(401);
    expect(
      (
        await request({
          path: '/api/visits.signIn',
          headers: { ...json, ...token, origin: 'http://evil.example' },
          body: signIn,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request({
          path: '/api/visits.signIn',
          headers: { ...json, ...token, host: `evil.example:${running.server.port}` },
          body: signIn,
        })
      ).status,
    ).toBe(421);
    expect((await request({ path: '/', method: 'GET', headers: { host: 'evil.example' } })).status).toBe(421);
    // A simple cross-site form post cannot send JSON.
    expect(
      (await request({ path: '/api/visits.signIn', headers: { ...token, 'content-type': 'text/plain' }, body: signIn }))
        .status,
    ).toBe(415);
    expect(
      (await request({ path: '/api/visits.signIn', headers: { ...json, ...token }, body: 'x'.repeat(70_000) })).status,
    ).toBe(413);
    expect(
      (await request({ path: '/api/visits.signIn', headers: { ...json, ...token }, body: '{not json' })).status,
    ).toBe(400);
    expect((await request({ path: '/api/visits.delete', headers: { ...json, ...token }, body: '{}' })).status).toBe(
      404,
    );
    expect((await request({ path: '/../../etc/passwd', method: 'GET', headers: { host: own } })).status).toBe(404);
    expect((await request({ path: '/%2e%2e/%2e%2e/package.json', method: 'GET', headers: { host: own } })).status).toBe(
      404,
    );
    expect(await storedVisits()).toEqual([]);

    // The same call with the token from our own origin is accepted: the refusals above were the checks.
    const accepted = await request({
      path: '/api/visits.signIn',
      headers: { ...json, ...token, origin: `http://${own}` },
      body: signIn,
    });
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body)).toMatchObject({ ok: true });
    expect(await storedVisits()).toHaveLength(1);
  });

  it('Chromium is started with an owner-only launch page, never the token in its arguments', async () => {
    running = await startKiosk();
    const folder = makeTempDir();
    const launchPage = writeLaunchPage(folder, running.server.url);
    if (process.platform !== 'win32') expect((fs.statSync(launchPage).mode & 0o777).toString(8)).toBe('600');
    const page = await browser.newPage();
    await page.goto(pathToFileURL(launchPage).href);
    await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
    expect(page.url()).toBe(running.server.url);
    await page.close();
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    running = await startKiosk();
    const response = await request({ path: '/', method: 'GET', headers: { host: `127.0.0.1:${running.server.port}` } });
    expect(response.status).toBe(200);
    const page = await browser.newPage();
    const loaded = await page.goto(running.server.url);
    expect(loaded?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.close();
  });
});
