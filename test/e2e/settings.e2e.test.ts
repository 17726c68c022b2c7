import fs from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, visitor } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import { expectNoOverlap } from './overlap';
import { typeStaffNumber } from './staff-number';

let browser: Browser;
let running: RunningKiosk;
const ADMIN = { name: 'Ada Admin', pin: '864205' };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await running?.stop();
});

/** A kiosk on 24 November 2026 with one visitor from 3 August: kept under 6 months, due under 3. */
async function start() {
  const clock = manualClock('2026-08-03T08:00:00Z');
  running = await startKiosk({ clock });
  await running.kiosk.staff.add('operator', ADMIN.name, 'admin', ADMIN.pin);
  expect((await running.kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
  clock.set('2026-11-24T09:15:00Z');
  return clock;
}

/** What each step of the flow reads like, per language. */
const FLOW = {
  nl: {
    retention: 'Bewaartermijnen',
    footage: 'Camerabeelden en recorder',
    screens: 'Schermen en wachttijden',
    mail: 'Alarmen en mail',
    save: 'Opslaan',
    confirm: 'Bevestigen en opslaan',
    saved: 'Opgeslagen.',
    erases: 'De volgende opschoning wist 1 bezoek(en), waarvan 1 door deze wijziging. Weet u het zeker?',
    tooLong: 'Bezoekgegevens bewaren (maanden): mag hoogstens 6 zijn',
    files: /1 bestanden in 1 mappenpatroon/,
    recordedAt: '20-11-2026 10:15',
    notEnforced: /geen map voor camerabeelden ingesteld/,
    testMail: 'Testmail sturen',
    testMailSent: 'Testmail verstuurd aan it@ploum.nl.',
    auditTab: 'Auditlog',
    auditSentences: (root: string) => [
      'Instelling „Bezoekgegevens bewaren (maanden)” gewijzigd: 6 → 3',
      'Instelling „Schema bezoekers opschonen (cron)” gewijzigd: 0 * * * * → 30 * * * *',
      `Instelling „Map van de camerarecorder” gewijzigd: (niet ingesteld) → ${root}`,
      'Instelling „Medewerkersscherm vergrendelt na (seconden)” gewijzigd: 120 → 300',
      'Instelling „Mailserver” gewijzigd: (niet ingesteld) → 127.0.0.1',
    ],
  },
  en: {
    retention: 'Retention',
    footage: 'Camera footage and recorder',
    screens: 'Screens and idle times',
    mail: 'Alarms and mail',
    save: 'Save',
    confirm: 'Confirm and save',
    saved: 'Saved.',
    erases: 'The next purge erases 1 visit(s), 1 of them because of this change. Are you sure?',
    tooLong: 'Keep visitor data (months): must be at most 6',
    files: /1 files in 1 folder pattern/,
    recordedAt: '20/11/2026 10:15',
    notEnforced: /no footage folder is configured/,
    testMail: 'Send a test mail',
    testMailSent: 'Test mail sent to it@ploum.nl.',
    auditTab: 'Audit log',
    auditSentences: (root: string) => [
      'Setting “Keep visitor data (months)” changed: 6 → 3',
      'Setting “Visit purge schedule (cron)” changed: 0 * * * * → 30 * * * *',
      `Setting “Camera recorder's folder” changed: (not set) → ${root}`,
      'Setting “Staff view locks after (seconds)” changed: 120 → 300',
      'Setting “Mail server” changed: (not set) → 127.0.0.1',
    ],
  },
} as const;

async function openSettings(page: Page, language: 'nl' | 'en') {
  await page.goto(running.server.url);
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: language === 'nl' ? 'Medewerkers' : 'Staff' }).click();
  await typeStaffNumber(page, running.kiosk, ADMIN.name);
  const pad = page.getByRole('group', { name: language === 'nl' ? 'Cijfers van de pincode' : 'PIN digits' });
  for (const digit of ADMIN.pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: language === 'nl' ? 'Ontgrendelen' : 'Unlock' }).click();
  await page.getByRole('button', { name: language === 'nl' ? 'Instellingen' : 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: language === 'nl' ? 'Instellingen' : 'Settings', level: 1 }).waitFor();
}

const group = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const field = (page: Page, key: string) => page.locator(`[data-setting="${key}"]`);

async function settingsAudit() {
  return (await running.kiosk.audit.list({ action: 'settings' })).map((entry) => ({
    actor: entry.actor,
    ...(entry.detail as Record<string, unknown>),
  }));
}

describe('the settings view in Chromium', () => {
  it.each(['nl', 'en'] as const)(
    'shows every group in both orientations (%s), accessible, nothing overlapping',
    async (language) => {
      await start();
      for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
        const page = await browser.newPage({ viewport });
        await openSettings(page, language);
        for (const title of language === 'nl'
          ? [
              'Organisatie',
              'Bewaartermijnen',
              'Camerabeelden en recorder',
              'Alarmen en mail',
              'Schermen en wachttijden',
            ]
          : ['Organisation', 'Retention', 'Camera footage and recorder', 'Alarms and mail', 'Screens and idle times'])
          await group(page, title).waitFor();
        await screenshot(page, `${orientation}-${language}-60-settings`);
        await expectAccessible(page);
        await expectNoOverlap(page);
        await page.close();
      }
    },
    180_000,
  );

  it.each(['nl', 'en'] as const)(
    'an admin shortens retention (sees the effect, confirms), sets the footage root (sees the inspection), an idle time, the schedule and the mail (a test mail arrives); each applies at once and is in the audit tab (%s)',
    async (language) => {
      const t = FLOW[language];
      const clock = await start();
      const page = await browser.newPage({ viewport: VIEWPORTS.landscape });
      await openSettings(page, language);
      // No footage root yet: the banner says the kiosk deletes no footage.
      await page.getByTestId('health-banner').getByText(t.notEnforced).waitFor();

      // Retention 6 -> 3: the effect first, the notice in both languages, then confirmed.
      const retention = group(page, t.retention);
      await field(page, 'retention.visitMonths').fill('3');
      await retention.getByRole('button', { name: t.save, exact: true }).click();
      await retention.getByText(t.erases).waitFor();
      await retention
        .getByText(/maximaal 3 maanden na uw bezoek/)
        .first()
        .waitFor();
      await retention
        .getByText(/at most 3 months/)
        .first()
        .waitFor();
      await screenshot(page, `landscape-${language}-61-settings-retention-effect`);
      expect(running.kiosk.config.retention.visitMonths).toBe(6);
      await retention.getByRole('button', { name: t.confirm }).click();
      await retention.getByRole('status').filter({ hasText: t.saved }).waitFor();
      expect(await running.kiosk.handle('kiosk', 'notice.current', {})).toMatchObject({
        ok: true,
        value: { visitRetentionMonths: 3 },
      });

      // The schedule: the next purge moves at once.
      const before = await running.kiosk.retention.status();
      await field(page, 'schedules.visitPurge').fill('30 * * * *');
      await retention.getByRole('button', { name: t.save, exact: true }).click();
      await retention.getByRole('status').filter({ hasText: t.saved }).waitFor();
      const after = await running.kiosk.retention.status();
      expect(after.nextVisitPurgeAt).not.toBe(before.nextVisitPurgeAt);
      expect(new Date(after.nextVisitPurgeAt).getUTCMinutes()).toBe(30);

      // A longer period than the statement allows: refused, the field named.
      await field(page, 'retention.visitMonths').fill('9');
      await retention.getByRole('button', { name: t.save, exact: true }).click();
      await retention.getByText(t.tooLong).waitFor();
      expect(running.kiosk.config.retention.visitMonths).toBe(3);

      // The footage root: what the recorder layout reads, before it is saved, in the kiosk's time.
      const root = makeTempDir('settings-footage-');
      const file = path.join(root, '2026-11-20', '09', 'front_door', '15.30.mp4');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      const footage = group(page, t.footage);
      await field(page, 'footage.root').fill(root);
      await footage.getByRole('button', { name: t.save, exact: true }).click();
      await footage.getByText(t.files).waitFor();
      // Frigate names its folders in UTC: 09:15 UTC is 10:15 in Amsterdam, in the app's date format.
      await footage.getByText(`2026-11-20/09/front_door/15.30.mp4 – front_door, ${t.recordedAt}`).waitFor();
      expect(await footage.getByText(/UTC/).count()).toBe(0);
      await screenshot(page, `landscape-${language}-62-settings-footage-inspection`);
      await footage.getByRole('button', { name: t.confirm }).click();
      await footage.getByRole('status').filter({ hasText: t.saved }).waitFor();
      expect(running.kiosk.config.footage.root).toBe(root);
      // The running kiosk now deletes footage: the banner's alarm goes at its next look.
      await page.getByTestId('health-banner').getByText(t.notEnforced).waitFor({ state: 'detached' });

      // An idle time: the running kiosk's open session already counts with it. What the admin has
      // typed in another group meanwhile survives the reload that this save causes.
      const screens = group(page, t.screens);
      await field(page, 'alerts.email.host').fill('typed.before.reload');
      await field(page, 'idle.staffSeconds').fill('300');
      const reloaded = page.waitForResponse((response) => response.url().endsWith('/api/settings.show'));
      await screens.getByRole('button', { name: t.save, exact: true }).click();
      await screens.getByRole('status').filter({ hasText: t.saved }).waitFor();
      await (await reloaded).finished();
      // React renders the reloaded view within a frame or two of the response.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await field(page, 'alerts.email.host').inputValue()).toBe('typed.before.reload');
      expect(await field(page, 'idle.staffSeconds').inputValue()).toBe('300');
      expect(running.kiosk.config.idle.staffSeconds).toBe(300);

      // The mail settings, then a test mail that reaches a real SMTP server.
      const received: string[] = [];
      const smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, session, callback) {
          received.push(session.envelope.rcptTo.map((recipient) => recipient.address).join(','));
          stream.on('data', () => undefined);
          stream.on('end', () => callback());
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = (smtp as unknown as { server: Server }).server.address() as AddressInfo;
        const mail = group(page, t.mail);
        await field(page, 'alerts.email.host').fill('127.0.0.1');
        await field(page, 'alerts.email.port').fill(String(port));
        await field(page, 'alerts.email.tls').selectOption('opportunistic');
        await field(page, 'alerts.email.from').fill('kiosk@ploum.nl');
        await field(page, 'alerts.email.to').fill('["it@ploum.nl"]');
        await mail.getByRole('button', { name: t.save, exact: true }).click();
        await mail.getByRole('status').filter({ hasText: t.saved }).waitFor();
        await mail.getByRole('button', { name: t.testMail }).click();
        await mail.getByRole('status').filter({ hasText: t.testMailSent }).waitFor();
        expect(received).toEqual(['it@ploum.nl']);
        await screenshot(page, `landscape-${language}-63-settings-mail`);
      } finally {
        await new Promise<void>((resolve) => smtp.close(() => resolve()));
      }

      // Past the old idle time (120 s), within the new one (300 s): the session is still open.
      clock.advance(200_000);
      await page.getByRole('button', { name: t.auditTab, exact: true }).click();
      const audit = page.getByRole('table', { name: t.auditTab });
      for (const sentence of t.auditSentences(root)) await audit.getByText(sentence, { exact: true }).waitFor();
      await screenshot(page, `landscape-${language}-64-settings-audit`);
      const stored = await settingsAudit();
      for (const key of ['retention.visitMonths', 'schedules.visitPurge', 'footage.root', 'idle.staffSeconds'])
        expect(stored).toContainEqual(expect.objectContaining({ actor: ADMIN.name, key }));
      await page.close();
    },
    240_000,
  );

  it('in English: refusals name the field in English, and the effect is shown before saving', async () => {
    await start();
    const page = await browser.newPage({ viewport: VIEWPORTS.portrait });
    await openSettings(page, 'en');
    const retention = group(page, 'Retention');
    await field(page, 'retention.footageDays').fill('35');
    await retention.getByRole('button', { name: 'Save' }).click();
    await retention.getByText('Keep camera footage (days): must be at most 28').waitFor();
    await field(page, 'retention.footageDays').fill('14');
    await retention.getByRole('button', { name: 'Save' }).click();
    await retention.getByText('The privacy notice as visitors will read it').waitFor();
    await retention
      .getByText(/2 weeks \(14 days\)/)
      .first()
      .waitFor();
    await screenshot(page, 'portrait-en-61-settings-notice-effect');
    await retention.getByRole('button', { name: 'Confirm and save' }).click();
    await retention.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(running.kiosk.config.retention.footageDays).toBe(14);
    await page.close();
  }, 180_000);

  it.each([
    [
      'nl',
      'De recorder wist zijn beelden zelf',
      /daarna wist de camerarecorder ze zelf/,
      /geen map voor camerabeelden/,
    ],
    ['en', 'The recorder deletes its own footage', /the camera recorder then deletes them itself/, /no footage folder/],
  ] as const)(
    'choosing that the recorder deletes footage clears the banner and changes the notice (%s)',
    async (language, choice, noticeSays, alarm) => {
      await start();
      const page = await browser.newPage({ viewport: VIEWPORTS.portrait });
      await openSettings(page, language);
      const banner = page.getByTestId('health-banner');
      await banner.getByText(alarm).waitFor();
      const footage = group(page, FLOW[language].footage);
      await field(page, 'footage.enforcedBy').selectOption({ label: choice });
      await footage.getByRole('button', { name: FLOW[language].save, exact: true }).click();
      // The notice as visitors will read it, in both languages, before it is saved.
      await footage.getByText(/daarna wist de camerarecorder ze zelf/).waitFor();
      await footage.getByText(/the camera recorder then deletes them itself/).waitFor();
      await screenshot(page, `portrait-${language}-65-settings-recorder-deletes`);
      await footage.getByRole('button', { name: FLOW[language].confirm }).click();
      await footage.getByRole('status').filter({ hasText: FLOW[language].saved }).waitFor();
      await banner.getByText(alarm).waitFor({ state: 'detached' });
      expect(running.kiosk.config.footage.enforcedBy).toBe('recorder');
      const notice = await running.kiosk.handle('kiosk', 'notice.current', {});
      expect(notice).toMatchObject({ ok: true, value: { footageDeletedBy: 'recorder', version: '3-6m-28d-7i-rec' } });

      // The visitor reads it on the kiosk's own notice screen.
      const visitorPage = await browser.newPage({ viewport: VIEWPORTS.portrait });
      await visitorPage.goto(running.server.url);
      if (language === 'en') await visitorPage.getByRole('button', { name: 'English' }).click();
      await visitorPage.getByRole('button', { name: language === 'nl' ? 'Aanmelden' : 'Sign in', exact: true }).click();
      await visitorPage.getByText(noticeSays).waitFor();
      await expectAccessible(page);
      await visitorPage.close();
      await page.close();
    },
    180_000,
  );
});
