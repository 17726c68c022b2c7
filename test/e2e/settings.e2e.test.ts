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
}

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

  it('an admin shortens retention (sees the effect, confirms), sets the footage root (sees the inspection), an idle time, the schedule and the mail (a test mail arrives); each applies at once and is audited', async () => {
    await start();
    const page = await browser.newPage({ viewport: VIEWPORTS.landscape });
    await openSettings(page, 'nl');

    // Retention 6 -> 3: the effect first, in both languages, then confirmed.
    const retention = group(page, 'Bewaartermijnen');
    await field(page, 'retention.visitMonths').fill('3');
    await retention.getByRole('button', { name: 'Opslaan' }).click();
    await retention
      .getByText('De volgende opschoning wist 1 bezoek(en), waarvan 1 door deze wijziging. Weet u het zeker?')
      .waitFor();
    await retention
      .getByText(/maximaal 3 maanden na uw bezoek/)
      .first()
      .waitFor();
    await retention
      .getByText(/at most 3 months/)
      .first()
      .waitFor();
    await screenshot(page, 'landscape-nl-61-settings-retention-effect');
    expect(running.kiosk.config.retention.visitMonths).toBe(6);
    await retention.getByRole('button', { name: 'Bevestigen en opslaan' }).click();
    await retention.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    expect(
      (await running.kiosk.handle('kiosk', 'notice.current', {})).ok && running.kiosk.config.retention.visitMonths,
    ).toBe(3);
    expect(await running.kiosk.router.invoke('notice.current', {}, { kind: 'operator' })).toMatchObject({
      value: { visitRetentionMonths: 3 },
    });

    // The schedule: the next purge moves at once.
    const before = await running.kiosk.retention.status();
    await field(page, 'schedules.visitPurge').fill('30 * * * *');
    await retention.getByRole('button', { name: 'Opslaan' }).click();
    await retention.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    const after = await running.kiosk.retention.status();
    expect(after.nextVisitPurgeAt).not.toBe(before.nextVisitPurgeAt);
    expect(new Date(after.nextVisitPurgeAt).getUTCMinutes()).toBe(30);

    // A longer period than the statement allows: refused, the field named.
    await field(page, 'retention.visitMonths').fill('9');
    await retention.getByRole('button', { name: 'Opslaan' }).click();
    await retention.getByText('Bezoekgegevens bewaren (maanden): mag hoogstens 6 zijn').waitFor();
    expect(running.kiosk.config.retention.visitMonths).toBe(3);

    // The footage root: what the recorder layout reads, before it is saved.
    const root = makeTempDir('settings-footage-');
    const file = path.join(root, '2026-11-20', '09', 'front_door', '15.30.mp4');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    const footage = group(page, 'Camerabeelden en recorder');
    await field(page, 'footage.root').fill(root);
    await footage.getByRole('button', { name: 'Opslaan' }).click();
    await footage.getByText(/1 bestanden in 1 mappenpatroon/).waitFor();
    await footage.getByText(/2026-11-20\/09\/front_door\/15\.30\.mp4 – front_door/).waitFor();
    await screenshot(page, 'landscape-nl-62-settings-footage-inspection');
    await footage.getByRole('button', { name: 'Bevestigen en opslaan' }).click();
    await footage.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    expect(running.kiosk.config.footage.root).toBe(root);

    // An idle time: the next staff call already counts with it.
    const screens = group(page, 'Schermen en wachttijden');
    await field(page, 'idle.staffSeconds').fill('300');
    await screens.getByRole('button', { name: 'Opslaan' }).click();
    await screens.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    expect((await running.kiosk.router.invoke('notice.current', {}, { kind: 'operator' })).ok).toBe(true);
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
      const mail = group(page, 'Alarmen en mail');
      await field(page, 'alerts.email.host').fill('127.0.0.1');
      await field(page, 'alerts.email.port').fill(String(port));
      await field(page, 'alerts.email.tls').selectOption('opportunistic');
      await field(page, 'alerts.email.from').fill('kiosk@ploum.nl');
      await field(page, 'alerts.email.to').fill('["it@ploum.nl"]');
      await mail.getByRole('button', { name: 'Opslaan' }).click();
      await mail.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
      await mail.getByRole('button', { name: 'Testmail sturen' }).click();
      await mail.getByRole('status').filter({ hasText: 'Testmail verstuurd aan it@ploum.nl.' }).waitFor();
      expect(received).toEqual(['it@ploum.nl']);
      await screenshot(page, 'landscape-nl-63-settings-mail');
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }

    const audit = await settingsAudit();
    for (const [key, after] of [
      ['retention.visitMonths', '3'],
      ['schedules.visitPurge', '"30 * * * *"'],
      ['footage.root', JSON.stringify(root)],
      ['idle.staffSeconds', '300'],
      ['alerts.email.host', '"127.0.0.1"'],
    ])
      expect(audit).toContainEqual(expect.objectContaining({ actor: ADMIN.name, key, after }));
    await page.close();
  }, 240_000);

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
});
