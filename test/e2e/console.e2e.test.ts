// The staff console over HTTPS (issue 22): a desk and a second entrance enrolled on a console bound to
// 127.0.0.2, each in its own Chromium that trusts the generated certificate by its key's pin only.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleServer, type ConsoleServer } from '../../electron/browser/console-server';
import { defaultConfig } from '../../shared/config';
import { callers, currentNotice, manualClock } from '../helpers/kiosk';
import { expectAccessible, launchChromium, RENDERER_DIR, screenshot, startKiosk, type RunningKiosk } from './harness';
import { overlappingControls } from './overlap';
import { typeStaffNumber } from './staff-number';

const HOST = '127.0.0.2';
const RECEPTION_PIN = '731942';
const ADMIN_PIN = '864205';

let running: RunningKiosk;
let consoleServer: ConsoleServer;
let deskBrowser: Browser;
let kioskBrowser: Browser;
let desk: Page;
let entrance: Page;

/** A Chromium that trusts the console's certificate by its public key's SHA-256, and nothing else extra. */
function pinnedChromium(spki: string): Promise<Browser> {
  return launchChromium([`--ignore-certificate-errors-spki-list=${spki}`]);
}

async function code(name: string, kind: 'desk' | 'kiosk'): Promise<string> {
  const result = await running.kiosk.router.invoke('devices.createCode', { name, kind }, callers.operator);
  if (!result.ok) throw new Error(result.error.key);
  return result.value.code;
}

async function enrol(page: Page, enrolmentCode: string) {
  await page.goto(consoleServer.url);
  await page.getByRole('heading', { name: 'Dit apparaat aanmelden' }).waitFor();
  await page.getByLabel('Aanmeldcode').fill(enrolmentCode);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  // The visitor's welcome screen has an "Aanmelden" button too: wait until the enrol screen has gone.
  await page.getByRole('heading', { name: 'Dit apparaat aanmelden' }).waitFor({ state: 'detached' });
}

async function unlock(page: Page, name: string, pin: string) {
  await typeStaffNumber(page, running.kiosk, name);
  await page.getByLabel('Pincode', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.locator('.staff-view').waitFor();
}

beforeAll(async () => {
  const clock = manualClock('2026-12-07T08:00:00Z');
  running = await startKiosk({
    clock,
    config: { ...defaultConfig, console: { ...defaultConfig.console, listen: `${HOST}:0` } },
  });
  await running.kiosk.staff.add('operator', 'Rosa Receptie', 'receptionist', RECEPTION_PIN);
  await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
  consoleServer = await startConsoleServer({
    kiosk: running.kiosk,
    rendererDir: RENDERER_DIR,
    host: HOST,
    port: 0,
    logError: () => undefined,
  });
  const spki = (await running.kiosk.console.certificate()).spkiSha256;
  [deskBrowser, kioskBrowser] = await Promise.all([pinnedChromium(spki), pinnedChromium(spki)]);
  desk = await (await deskBrowser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  entrance = await (await kioskBrowser.newContext({ viewport: { width: 800, height: 1280 } })).newPage();
});

afterAll(async () => {
  await deskBrowser?.close();
  await kioskBrowser?.close();
  await consoleServer?.close();
  await running?.stop();
});

describe('the staff console over HTTPS', () => {
  it('enrols a desk, which unlocks for the receptionist and shows the Today list', async () => {
    await desk.goto(consoleServer.url);
    await desk.getByRole('heading', { name: 'Dit apparaat aanmelden' }).waitFor();
    await screenshot(desk, 'console-01-enrol');
    await expectAccessible(desk);
    await desk.getByLabel('Aanmeldcode').fill('AAAA-BBBB-CCCC');
    await desk.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await desk.getByText('Deze aanmeldcode klopt niet, is verlopen of al gebruikt.').waitFor();

    await enrol(desk, await code('Receptie-pc', 'desk'));
    await desk.getByRole('heading', { name: 'Medewerkersscherm ontgrendelen' }).waitFor();
    await unlock(desk, 'Rosa Receptie', RECEPTION_PIN);
    await desk.getByRole('button', { name: 'Vandaag' }).waitFor();
    await desk.locator('[data-live="connected"]').waitFor();
    await screenshot(desk, 'console-02-desk-today');
    await expectAccessible(desk);
    expect(await overlappingControls(desk)).toEqual([]);
  });

  it('shows a sign-in made at a kiosk device on the desk without a reload, and an expected visitor’s arrival', async () => {
    await enrol(entrance, await code('Tweede ingang', 'kiosk'));
    const signIn = entrance.getByRole('button', { name: 'Aanmelden', exact: true });
    await signIn.click();
    await entrance.getByRole('button', { name: 'Ik heb dit gelezen', exact: true }).click();
    await entrance.getByLabel('Voornaam').fill('Zoë');
    await entrance.getByLabel('Achternaam').fill('van Dijk');
    await entrance.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await entrance.getByTestId('sign-out-code').waitFor();
    await screenshot(entrance, 'console-03-entrance-signed-in');

    await desk.getByRole('cell', { name: /Zoë/ }).first().waitFor();
    expect(await desk.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

    // An expected visitor signs in at the second entrance: the desk is told (only the live feed says so).
    const invitation = await running.kiosk.router.invoke(
      'invitations.add',
      { firstName: 'Piet', lastName: 'Verwacht', date: '2026-12-07' },
      callers.operator,
    );
    if (!invitation.ok) throw new Error(invitation.error.key);
    const answer = await entrance.evaluate(
      async ({ invitationCode, noticeVersion }) => {
        const response = await fetch('/api/invitations.signIn', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: invitationCode, firstName: 'Piet', lastName: 'Verwacht', noticeVersion }),
        });
        return (await response.json()) as { ok: boolean };
      },
      { invitationCode: invitation.value.code, noticeVersion: currentNotice },
    );
    expect(answer.ok).toBe(true);
    await desk.getByRole('status').filter({ hasText: 'Een verwachte bezoeker is zojuist aangekomen.' }).waitFor();
    await desk.getByRole('cell', { name: /Piet/ }).first().waitFor();
    await screenshot(desk, 'console-04-desk-arrival');
  });

  it('runs a roll call on the desk and records only the counts', async () => {
    await desk.getByRole('button', { name: 'Ontruimingslijst' }).click();
    await desk.getByRole('button', { name: 'Appel starten' }).click();
    await desk.getByTestId('roll-call-missing').getByText('Nog 3 personen vermist:').waitFor();
    await desk.getByRole('button', { name: 'Zoë van Dijk', pressed: false }).click();
    await desk.getByRole('button', { name: 'Rosa Receptie', pressed: false }).click();
    await desk.getByTestId('roll-call-missing').getByText('Nog 1 persoon vermist:').waitFor();
    expect(await desk.getByTestId('roll-call-missing').innerText()).toContain('Piet Verwacht');
    await screenshot(desk, 'console-05-roll-call');
    await expectAccessible(desk);
    expect(await overlappingControls(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Appel afsluiten' }).click();
    await desk.getByText('Appel vastgelegd: 1 van 2 bezoekers en 1 van 1 medewerkers aanwezig.').waitFor();
    const [entry] = await running.kiosk.audit.list({ action: 'evacuation.rollCall' });
    expect(entry!.detail).toEqual({ visitors: 2, visitorsPresent: 1, staff: 1, staffPresent: 1 });
    expect(JSON.stringify(entry)).not.toMatch(/Zoë|Piet|Dijk|Verwacht/);
  });

  it('a kiosk device opens no footage, even for an admin', async () => {
    await entrance.getByRole('button', { name: 'Klaar' }).click();
    await entrance.getByRole('button', { name: 'Medewerkers' }).click();
    await unlock(entrance, 'Ada Admin', ADMIN_PIN);
    await entrance.getByRole('button', { name: 'Vandaag' }).waitFor();
    const tabs = await entrance.locator('.staff-bar nav button').allInnerTexts();
    expect(tabs).toEqual(['Vandaag', 'Ontruimingslijst']);
    const footage = await entrance.evaluate(async () => {
      const response = await fetch('/api/footage.list', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return (await response.json()) as unknown;
    });
    expect(footage).toEqual({ ok: false, error: { key: 'lobby.viewClosed' } });
    await screenshot(entrance, 'console-06-entrance-staff');
  });

  it('the admin sees the fingerprint, makes a code and revokes the desk, which returns to the enrol screen', async () => {
    // The admin's view, here on the loopback browser mode (a desk would do the same).
    const admin = await (await deskBrowser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await admin.goto(running.server.url);
    await admin.getByRole('button', { name: 'Medewerkers' }).click();
    await unlock(admin, 'Ada Admin', ADMIN_PIN);
    await admin.getByRole('button', { name: 'Apparaten' }).click();
    await admin.getByTestId('console-fingerprint').waitFor();
    expect(await admin.getByTestId('console-fingerprint').innerText()).toBe(consoleServer.fingerprint);
    await admin.getByLabel('Naam van het apparaat').fill('Telefoon BHV');
    await admin.getByRole('button', { name: 'Code maken' }).click();
    expect(await admin.getByTestId('enrolment-code').innerText()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await screenshot(admin, 'console-07-admin-devices');
    await expectAccessible(admin);
    expect(await overlappingControls(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Receptie-pc intrekken' }).click();
    await admin.getByRole('cell', { name: /^Ingetrokken/ }).waitFor();
    await desk.getByRole('heading', { name: 'Dit apparaat aanmelden' }).waitFor();
    await screenshot(desk, 'console-08-revoked');
    const revoked = await running.kiosk.audit.list({ action: 'devices.revoked' });
    expect(revoked).toHaveLength(1);
  });
});
