import net, { type AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { defaultConfig } from '../../shared/config';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, visitor } from '../helpers/kiosk';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
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

const STAFF = {
  receptionist: { name: 'Rosa Receptie', pin: '731942' },
  security: { name: 'Sam Security', pin: '192837' },
  admin: { name: 'Ada Admin', pin: '864205' },
} as const;

/** A kiosk whose visit purge was blocked by a clock nine months on, and which has no footage root. */
async function startWithAlarms() {
  const clock = manualClock('2026-03-01T10:00:00Z');
  running = await startKiosk({ clock });
  for (const [role, { name, pin }] of Object.entries(STAFF)) {
    await running.kiosk.staff.add('operator', name, role as keyof typeof STAFF, pin);
  }
  expect((await running.kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
  await running.kiosk.retention.run();
  clock.set('2026-11-24T10:00:00Z');
  expect((await running.kiosk.retention.run()).outcome).toBe('blocked');
}

async function unlock(page: Page, who: { name: string; pin: string }, language: 'nl' | 'en') {
  await page.goto(running.server.url);
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: language === 'nl' ? 'Medewerkers' : 'Staff' }).click();
  await typeStaffNumber(page, running.kiosk, who.name);
  const pad = page.getByRole('group', { name: language === 'nl' ? 'Cijfers van de pincode' : 'PIN digits' });
  for (const digit of who.pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: language === 'nl' ? 'Ontgrendelen' : 'Unlock' }).click();
}

describe('the retention alarm banner in Chromium', () => {
  it.each([
    ['receptionist', 'nl', /^Bezoekers vandaag/],
    ['security', 'nl', /^Camerabeelden/],
    ['admin', 'en', /^Visitors today/],
  ] as const)(
    'is on the first screen of the %s (%s)',
    async (role, language, firstScreen) => {
      await startWithAlarms();
      const page = await browser.newPage({ viewport: VIEWPORTS.landscape });
      await unlock(page, STAFF[role], language);
      await page.getByRole('heading', { name: firstScreen }).first().waitFor();
      const banner = page.getByTestId('health-banner');
      await banner.waitFor();
      const text = await banner.innerText();
      if (language === 'nl') {
        expect(text).toMatch(/De bewaartermijnen worden niet nagekomen \(2 problemen\)/);
        expect(text).toMatch(/Sinds 24-11-2026 11:00 wist de opschoning van bezoeken niets/);
        expect(text).toMatch(/Vraag een beheerder de klok van deze computer te controleren/);
        expect(text).toMatch(/Vraag een beheerder in Instellingen → Camerabeelden en recorder/);
      } else {
        expect(text).toMatch(/Retention is not being kept \(2 problems\)/);
        expect(text).toMatch(/Since 24\/11\/2026 11:00 the visit purge has erased nothing/);
        expect(text).toMatch(
          /Ask an admin to check this computer's clock and confirm the time with "The time is right: purge" in Retention/,
        );
        expect(text).toMatch(/Ask an admin to enter the camera recorder's folder in Settings → Camera footage/);
      }
      await screenshot(page, `landscape-${language}-50-health-banner-${role}`);
      await expectAccessible(page);
      await page.close();
    },
    90_000,
  );

  it("shows a mail that cannot be sent, with the server's error, until a mail goes through", async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const email = {
      host: '127.0.0.1',
      port,
      tls: 'opportunistic' as const,
      from: 'kiosk@ploum.nl',
      to: ['it@ploum.nl'],
    };
    running = await startKiosk({
      clock: manualClock('2026-11-24T10:00:00Z'),
      config: { ...defaultConfig, alerts: { email } },
    });
    await running.kiosk.staff.add('operator', STAFF.admin.name, 'admin', STAFF.admin.pin);
    expect(await running.kiosk.alerts.check()).toBe('failed'); // the server is down
    const page = await browser.newPage({ viewport: VIEWPORTS.landscape });
    await unlock(page, STAFF.admin, 'en');
    const banner = page.getByTestId('health-banner');
    await banner
      .getByText(/A mail from the kiosk .* could not be sent\. The mail server says: .*ECONNREFUSED/)
      .waitFor();
    await screenshot(page, 'landscape-en-50-health-banner-mail-failed');
    await expectAccessible(page);

    const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await running.kiosk.alerts.check()).toBe('sent');
      await expect.poll(() => banner.innerText(), { timeout: 30_000 }).not.toMatch(/could not be sent/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await page.close();
  }, 90_000);

  it.each(['nl', 'en'] as const)(
    'says the kiosk was off past a deadline until an admin acknowledges it (%s)',
    async (language) => {
      const clock = manualClock('2026-05-10T10:00:00+02:00');
      running = await startKiosk({ clock });
      await running.kiosk.staff.add('operator', STAFF.admin.name, 'admin', STAFF.admin.pin);
      expect((await running.kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
      clock.set('2026-11-01T10:00:00+01:00');
      await running.kiosk.retention.run(); // the last thing the kiosk did before it was off
      clock.set('2026-12-11T10:00:00+01:00');
      expect(await running.kiosk.offlineGaps.recordAtStart()).toMatchObject({ visits: 1, files: 0 });
      const page = await browser.newPage({ viewport: VIEWPORTS.landscape });
      await unlock(page, STAFF.admin, language);
      const banner = page.getByTestId('health-banner');
      const message =
        language === 'nl'
          ? /De kiosk stond uit van 1 nov\. 2026 10:00 tot 11 dec\. 2026 10:00; 1 bezoek en 0 bestanden bleven tot 31 dagen/
          : /The kiosk was off from 1 Nov 2026 10:00 to 11 Dec 2026 10:00; 1 visit and 0 files outlived their deadline by up to 31 days/;
      await banner.getByText(message).waitFor();
      await screenshot(page, `landscape-${language}-50-health-banner-offline`);
      await expectAccessible(page);
      await banner
        .getByRole('button', { name: language === 'nl' ? 'Gelezen: bericht weghalen' : 'Read: remove this message' })
        .click();
      await expect.poll(() => banner.innerText(), { timeout: 30_000 }).not.toMatch(message);
      await page.close();
    },
    90_000,
  );

  it('goes away with the background refresh once the admin has confirmed the clock', async () => {
    await startWithAlarms();
    const page = await browser.newPage({ viewport: VIEWPORTS.landscape });
    await unlock(page, STAFF.admin, 'nl');
    const banner = page.getByTestId('health-banner');
    await banner.getByText(/wist de opschoning van bezoeken niets/).waitFor();

    await page.getByRole('button', { name: 'Bewaartermijnen' }).click();
    await page.getByRole('button', { name: 'De tijd klopt: opschonen' }).click();
    await expect
      .poll(() => banner.innerText(), { timeout: 30_000 })
      .not.toMatch(/wist de opschoning van bezoeken niets/);
    expect(await banner.innerText()).toMatch(/geen map voor camerabeelden ingesteld/);
    await page.close();
  }, 90_000);
});
