// Issue 19: "every form that changes data ignores a second submit while the first runs; check it on
// each". double-submit.e2e and double-submit-more.e2e cover the forms; these are the remaining
// controls that change data: the privacy view's access copy, erasure and correction, a legal hold's
// new review date and its release, a device's revocation, the clock confirmation and "purge now" in
// Retention, and "delete expired footage now".
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_PATH_PREFIX } from '../../shared/api/bridge';
import { defaultConfig } from '../../shared/config';
import { manualClock, visitor } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { fillDateField } from './date-field';
import { launchChromium, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';

const ADMIN_PIN = '864205';
const SECURITY_PIN = '192837';
const PRIVACY_PIN = '246813';

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

async function openPage(config = defaultConfig, now = '2026-11-24T10:00:00Z') {
  const clock = manualClock(now);
  running = await startKiosk({ clock, config });
  const context = await browser.newContext({ viewport: VIEWPORTS.landscape });
  const page = await context.newPage();
  await page.goto(running.server.url);
  await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  return { page, clock };
}

async function unlock(page: Page, name: string, role: 'admin' | 'security' | 'privacy', pin: string) {
  await running.kiosk.staff.add('operator', name, role, pin);
  const account = (await running.kiosk.staff.list()).find((candidate) => candidate.name === name)!;
  await page.getByRole('button', { name: 'Medewerkers' }).click();
  await page.getByLabel('Medewerkernummer').fill(String(account.id));
  await page.getByLabel('Pincode', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.locator('.staff-view').waitFor();
}

/**
 * Holds back the core's answer on `channel` (only the calls `counts` picks), so a second tap lands
 * while the first call still runs, on any machine. `press` taps twice; returns how many calls were made.
 */
async function pressTwice(
  page: Page,
  channel: string,
  press: () => Promise<void>,
  done: Locator,
  counts: (input: Record<string, unknown>) => boolean = () => true,
): Promise<number> {
  let calls = 0;
  let answered = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${API_PATH_PREFIX}${channel}`, async (route: Route) => {
    if (!counts((route.request().postDataJSON() ?? {}) as Record<string, unknown>)) return route.continue();
    calls += 1;
    await released;
    await route.fulfill({ response: await route.fetch() });
    answered += 1;
  });
  await press();
  release();
  await sayingWhatTheScreenShowed(page, `no answer on screen after ${calls} call(s) of ${channel}`, () =>
    done.waitFor(),
  );
  await expect.poll(() => answered).toBe(calls);
  return calls;
}

/**
 * Runs a step; when it fails, the error says what the screen showed. A step of the privacy view failed
 * twice in many full runs, not when run again: the next failure must say why.
 */
async function sayingWhatTheScreenShowed(page: Page, what: string, step: () => Promise<unknown>) {
  try {
    await step();
  } catch (error) {
    const screen = await page.locator('body').innerText();
    throw new Error(`${what}; the screen said:\n${screen.slice(0, 3000)}`, { cause: error });
  }
}

async function auditCount(action: string): Promise<number> {
  const [row] = await running.kiosk.database.all<{ n: number }>(
    'SELECT count(*) AS n FROM audit_log WHERE action = ?',
    [action],
  );
  return row?.n ?? 0;
}

describe('a second tap while the first still runs changes nothing (the remaining controls)', () => {
  describe('the privacy view', () => {
    async function findDarcy(purpose: string) {
      const { page } = await openPage();
      const signedIn = await running.kiosk.handle(
        'kiosk',
        'visits.signIn',
        visitor({ firstName: 'Zoë', lastName: 'Darcy' }),
      );
      if (!signedIn.ok) throw new Error(signedIn.error.key);
      await unlock(page, 'Pia Privacy', 'privacy', PRIVACY_PIN);
      await page.getByLabel('Naam, bedrijf of kenteken').fill('darcy');
      await page.getByLabel('Doel').selectOption({ label: purpose });
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await sayingWhatTheScreenShowed(page, 'no visit to select after the search', () =>
        page.getByRole('checkbox', { name: /^Bezoek \d+ selecteren$/ }).check(),
      );
      return page;
    }
    const confirmTwice = (page: Page) => () => page.getByRole('button', { name: 'Bevestigen', exact: true }).dblclick();

    it('an access copy ("Kopie voor inzage")', async () => {
      const page = await findDarcy('Verzoek om inzage');
      await page.getByRole('button', { name: 'Kopie voor inzage (pagina + JSON)' }).click();
      const calls = await pressTwice(
        page,
        'privacy.exportVisits',
        confirmTwice(page),
        page.getByText(/^Kopie van 1 bezoek/),
      );
      expect(calls).toBe(1);
      expect(await auditCount('privacy.exported')).toBe(1);
    }, 90_000);

    it('an erasure ("Wissen")', async () => {
      const page = await findDarcy('Verzoek om verwijdering');
      await page.getByRole('button', { name: 'Wissen', exact: true }).click();
      await page.getByLabel('Reden of kenmerk van het verzoek (geen namen)').fill('art. 17 ref 2026-4');
      const calls = await pressTwice(
        page,
        'privacy.eraseVisits',
        confirmTwice(page),
        page.getByText(/^1 bezoek gewist\./),
      );
      expect(calls).toBe(1);
      expect(await auditCount('privacy.erased')).toBe(1);
    }, 90_000);

    it('a correction ("Corrigeren")', async () => {
      const page = await findDarcy('Verzoek om correctie');
      await page.getByRole('button', { name: 'Corrigeren', exact: true }).click();
      await page.getByLabel('Voornaam').fill('Zoey');
      const calls = await pressTwice(
        page,
        'privacy.correctVisit',
        confirmTwice(page),
        page.getByText(/^Bezoek \d+ gecorrigeerd\./),
      );
      expect(calls).toBe(1);
      expect(await auditCount('privacy.corrected')).toBe(1);
    }, 90_000);
  });

  describe('a legal hold on the holds tab', () => {
    async function openHold() {
      const { page } = await openPage();
      await running.kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Held' }));
      await running.kiosk.holds.placeOnVisit('operator', 1, 'Politieverzoek 2026-118', null, {
        basis: 'legalObligation',
      });
      await unlock(page, 'Sam Security', 'security', SECURITY_PIN);
      await page.getByRole('button', { name: 'Bewaarplichten' }).click();
      return page;
    }

    it('a new review date ("Verzetten")', async () => {
      const page = await openHold();
      await fillDateField(page, 'Nieuwe herbeoordelingsdatum voor bewaarplicht 1', '2027-02-28');
      const extend = page.getByRole('button', { name: 'Herbeoordelingsdatum van bewaarplicht 1 verzetten' });
      const calls = await pressTwice(
        page,
        'holds.extendReview',
        () => extend.dblclick(),
        page.getByRole('row', { name: /Politieverzoek 2026-118 .* 28-02-2027/ }),
      );
      expect(calls).toBe(1);
      expect(await auditCount('holds.reviewExtended')).toBe(1);
    }, 90_000);

    it('its release ("Opheffen", then "Ja, opheffen")', async () => {
      const page = await openHold();
      const releaseHold = page.getByRole('button', { name: 'Bewaarplicht 1 opheffen' });
      const yes = page.getByRole('button', { name: 'Ja, opheffen' });
      const calls = await pressTwice(
        page,
        'holds.release',
        async () => {
          await releaseHold.click();
          await yes.click();
          // The confirmation closes on the first tap: the second tap is the whole gesture again.
          await releaseHold.click({ force: true });
          if (await yes.isVisible()) await yes.click({ force: true });
        },
        page.getByText('Er zijn geen actieve bewaarplichten.'),
      );
      expect(calls).toBe(1);
      expect(await auditCount('holds.released')).toBe(1);
    }, 90_000);
  });

  it("a device's revocation (devices tab)", async () => {
    const { page } = await openPage();
    const { code } = await running.kiosk.devices.createCode('Telefoon BHV', 'desk', 'operator');
    await running.kiosk.devices.enroll(code);
    await unlock(page, 'Ada Admin', 'admin', ADMIN_PIN);
    await page.getByRole('navigation').getByRole('button', { name: 'Apparaten', exact: true }).click();
    const revoke = page.getByRole('button', { name: 'Telefoon BHV intrekken' });
    const calls = await pressTwice(page, 'devices.revoke', () => revoke.dblclick(), page.getByText(/^Ingetrokken /));
    expect(calls).toBe(1);
    expect(await auditCount('devices.revoked')).toBe(1);
  }, 90_000);

  it('"Nu opschonen" in Retention', async () => {
    const { page } = await openPage();
    await unlock(page, 'Ada Admin', 'admin', ADMIN_PIN);
    await page.getByRole('navigation').getByRole('button', { name: 'Bewaartermijnen', exact: true }).click();
    const runNow = page.getByRole('button', { name: 'Nu opschonen', exact: true });
    await runNow.waitFor();
    const calls = await pressTwice(
      page,
      'retention.run',
      () => runNow.dblclick(),
      runNow.and(page.locator(':enabled')),
      (input) => !input.dryRun,
    );
    expect(calls).toBe(1);
    expect(await auditCount('retention.runRequested')).toBe(1);
  }, 90_000);

  it('the clock confirmation in Retention, then "Verlopen camerabeelden nu verwijderen"', async () => {
    const root = makeTempDir('footage-');
    const recording = (camera: string, name: string, at: string) => {
      const file = path.join(root, camera, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      fs.utimesSync(file, new Date(at), new Date(at));
    };
    recording('gate', 'gate_20260301_090000.mp4', '2026-03-01T08:05:00Z');
    recording('lobby', 'lobby_20260301_091500.mp4', '2026-03-01T08:20:00Z');
    const { page, clock } = await openPage(
      { ...defaultConfig, footage: { ...defaultConfig.footage, root, maxDeleteShare: 1 } },
      '2026-03-01T10:00:00Z',
    );
    expect((await running.kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
    expect((await running.kiosk.retention.run()).outcome).toBe('ok');
    expect((await running.kiosk.footage.purge()).outcome).toBe('ok');
    // Nothing seen for almost nine months: both purges wait for the admin to confirm the time.
    clock.set('2026-11-24T10:00:00Z');
    recording('gate', 'gate_20261124_080000.mp4', '2026-11-24T07:05:00Z');
    expect((await running.kiosk.retention.run()).outcome).toBe('blocked');
    expect((await running.kiosk.footage.purge()).outcome).toBe('blocked');
    await page.reload();
    await page.getByRole('button', { name: 'Aanmelden' }).waitFor();

    await unlock(page, 'Ada Admin', 'admin', ADMIN_PIN);
    await page.getByRole('navigation').getByRole('button', { name: 'Bewaartermijnen', exact: true }).click();
    const confirmClock = page.getByRole('button', { name: 'De tijd klopt: opschonen' });
    const clockCalls = await pressTwice(
      page,
      'retention.confirmClock',
      () => confirmClock.dblclick(),
      page.getByRole('button', { name: 'Nu opschonen', exact: true }).and(page.locator(':enabled')),
    );
    await expect.poll(() => confirmClock.count()).toBe(0);
    expect(clockCalls).toBe(1);
    expect(await auditCount('retention.clockConfirmed')).toBe(1);

    const main = page.getByRole('main');
    const purgeNow = main.getByRole('button', { name: 'Verlopen camerabeelden nu verwijderen' }).last();
    await purgeNow.click();
    const yes = main.getByRole('button', { name: 'Ja, 2 bestanden verwijderen' });
    const purgeCalls = await pressTwice(
      page,
      'footage.purge',
      () => yes.dblclick(),
      purgeNow.and(page.locator(':enabled')),
      (input) => !input.dryRun,
    );
    expect(purgeCalls).toBe(1);
    await main.getByRole('status').getByText('2 bestanden verwijderd.').waitFor();
    expect(await auditCount('footage.purgeRequested')).toBe(1);
  }, 90_000);
});
