// Issue 19: "every form that changes data ignores a second submit while the first runs; check it on
// each". double-submit.e2e covers the hold, staff, desk, host and expected-visitor forms; these are
// the other forms that change data: an invitation's sign-in, the first admin, a setting, a device's
// enrolment code, a restriction of processing.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_PATH_PREFIX } from '../../shared/api/bridge';
import { manualClock, visitor } from '../helpers/kiosk';
import { launchChromium, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';

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
  await running?.stop();
});

async function openPage(): Promise<Page> {
  running = await startKiosk({ clock: manualClock('2026-11-24T10:00:00Z') });
  const context = await browser.newContext({ viewport: VIEWPORTS.landscape });
  const page = await context.newPage();
  await page.goto(running.server.url);
  await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  return page;
}

/**
 * Double-clicks a submit while the core's answer to the first call is held back, so the second click
 * lands while the first still runs, on any machine. Returns how many calls reached the core.
 */
async function doubleSubmit(page: Page, submit: Locator, channel: string, done: Locator): Promise<number> {
  let calls = 0;
  let answered = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${API_PATH_PREFIX}${channel}`, async (route) => {
    calls += 1;
    await released;
    await route.fulfill({ response: await route.fetch() });
    answered += 1;
  });
  await submit.dblclick();
  release();
  await done.waitFor();
  await expect.poll(() => answered).toBe(calls);
  return calls;
}

async function unlock(page: Page, name: string, role: 'admin' | 'privacy', pin: string) {
  await running.kiosk.staff.add('operator', name, role, pin);
  const account = (await running.kiosk.staff.list()).find((candidate) => candidate.name === name)!;
  await page.getByRole('button', { name: 'Medewerkers' }).click();
  await page.getByLabel('Medewerkernummer').fill(String(account.id));
  await page.getByLabel('Pincode', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.locator('.staff-view').waitFor();
}

async function rows(sql: string): Promise<number> {
  const [row] = await running.kiosk.database.all<{ n: number }>(sql);
  return row?.n ?? 0;
}

describe('a second tap while the first still runs changes nothing (the other forms)', () => {
  it('an expected visitor signing in with their invitation ("Ik heb dit gelezen")', async () => {
    const page = await openPage();
    const [invitation] = await running.kiosk.invitations.add('operator', '2026-11-24', [
      { firstName: 'Zoë', lastName: 'Bakker' },
    ]);
    await page.getByRole('button', { name: 'Ik heb een uitnodiging' }).click();
    await page.locator('input.code-input').fill(invitation!.code);
    await page.getByRole('button', { name: 'Volgende', exact: true }).click();
    await page.getByRole('button', { name: 'Klopt, verder' }).click();
    const submit = page.getByRole('button', { name: 'Ik heb dit gelezen' });
    const calls = await doubleSubmit(page, submit, 'invitations.signIn', page.getByTestId('sign-out-code'));
    expect(calls).toBe(1);
    expect(await rows('SELECT count(*) AS n FROM visits')).toBe(1);
  }, 90_000);

  it('the first admin on a new install', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'Medewerkers' }).click();
    await page.getByLabel('Naam').fill('Ada Admin');
    await page.getByLabel('Pincode (6 tot 12 cijfers)').fill(ADMIN_PIN);
    await page.getByLabel('Herhaal de pincode').fill(ADMIN_PIN);
    const submit = page.getByRole('button', { name: 'Aanmaken en ontgrendelen' });
    const calls = await doubleSubmit(page, submit, 'staff.createFirstAdmin', page.locator('.staff-view'));
    expect(calls).toBe(1);
    expect(await rows('SELECT count(*) AS n FROM staff')).toBe(1);
  }, 90_000);

  it('a setting saved by an admin', async () => {
    const page = await openPage();
    await unlock(page, 'Ada Admin', 'admin', ADMIN_PIN);
    await page.getByRole('navigation').getByRole('button', { name: 'Instellingen', exact: true }).click();
    const screens = page.getByRole('region', { name: 'Schermen en wachttijden', exact: true });
    await screens.locator('[data-setting="idle.staffSeconds"]').fill('300');
    const calls = await doubleSubmit(
      page,
      screens.getByRole('button', { name: 'Opslaan', exact: true }),
      'settings.save',
      screens.getByRole('status').filter({ hasText: 'Opgeslagen.' }),
    );
    expect(calls).toBe(1);
    expect((await running.kiosk.audit.list({ action: 'settings' })).length).toBe(1);
  }, 90_000);

  it('an enrolment code made by an admin', async () => {
    const page = await openPage();
    await unlock(page, 'Ada Admin', 'admin', ADMIN_PIN);
    await page.getByRole('navigation').getByRole('button', { name: 'Apparaten', exact: true }).click();
    // The tab's lists first, as a person sees them before typing (console.e2e does the same).
    await page.getByText('Nog geen apparaten aangemeld.').waitFor();
    await page.getByLabel('Naam van het apparaat').fill('Telefoon BHV');
    const submit = page.getByRole('button', { name: 'Code maken' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    const calls = await doubleSubmit(page, submit, 'devices.createCode', page.getByTestId('enrolment-code'));
    expect(calls).toBe(1);
    expect(await rows("SELECT count(*) AS n FROM audit_log WHERE action = 'devices.codeCreated'")).toBe(1);
  }, 90_000);

  it('a restriction of processing placed by the privacy officer', async () => {
    const page = await openPage();
    const signedIn = await running.kiosk.handle(
      'kiosk',
      'visits.signIn',
      visitor({ firstName: 'Zoë', lastName: 'Darcy' }),
    );
    if (!signedIn.ok) throw new Error(signedIn.error.key);
    await unlock(page, 'Pia Privacy', 'privacy', '246813');
    await page.getByLabel('Naam, bedrijf of kenteken').fill('darcy');
    await page.getByLabel('Doel').selectOption({ label: 'Verzoek om inzage' });
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('checkbox', { name: /^Bezoek \d+ selecteren$/ }).check();
    await page.getByRole('button', { name: 'Beperken', exact: true }).click();
    await page.getByLabel('Reden of kenmerk van het verzoek (geen namen)').fill('art. 18 ref 2026-3');
    const submit = page.getByRole('button', { name: 'Bevestigen', exact: true });
    const calls = await doubleSubmit(page, submit, 'privacy.restrictVisits', page.getByText('1 bezoek beperkt.'));
    expect(calls).toBe(1);
    expect(await rows("SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.restricted'")).toBe(1);
  }, 90_000);
});
