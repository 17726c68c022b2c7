import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_PATH_PREFIX } from '../../shared/api/bridge';
import { defaultConfig } from '../../shared/config';
import { makeTempDir } from '../helpers/temp-dir';
import { manualClock, visitor } from '../helpers/kiosk';
import { fillDateField } from './date-field';
import { launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';

const ADMIN_PIN = '864205';
const SECURITY_PIN = '192837';

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

/** A kiosk on a fixed day, with an admin, a security officer, a visit and one footage file. */
async function startDesk() {
  const root = makeTempDir('footage-');
  const file = path.join(root, 'garage', 'garage_20261122_101500.mkv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x'.repeat(2048));
  fs.utimesSync(file, new Date('2026-11-22T09:16:00Z'), new Date('2026-11-22T09:16:00Z'));
  running = await startKiosk({
    clock: manualClock('2026-11-24T10:00:00Z'),
    config: { ...defaultConfig, footage: { ...defaultConfig.footage, root } },
  });
  await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
  await running.kiosk.staff.add('operator', 'Sam Security', 'security', SECURITY_PIN);
  await running.kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Held' }));
  await running.kiosk.footage.scan();
}

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.landscape });
  const page = await context.newPage();
  await page.goto(running.server.url);
  await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  return page;
}

async function unlock(page: Page, name: string, pin: string) {
  const account = (await running.kiosk.staff.list()).find((candidate) => candidate.name === name);
  await page.getByRole('button', { name: 'Medewerkers' }).click();
  await page.getByLabel('Medewerkernummer').fill(String(account?.id));
  const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.locator('.staff-view').waitFor();
}

/**
 * Double-clicks a form's submit while the core's answer to the first call is held back, so the
 * second click lands while the first still runs, on any machine. Returns how many calls were made.
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
  try {
    await done.waitFor();
  } catch (error) {
    // What the form showed instead, so a failure on a loaded machine says more than a timeout.
    await screenshot(page, `double-submit-failed-${channel}`);
    const shown = await page.locator('.error, [role="alert"], [role="status"]').allInnerTexts();
    throw new Error(`calls ${calls}, answered ${answered}; the page showed: ${JSON.stringify(shown)}`, {
      cause: error,
    });
  }
  await expect.poll(() => answered).toBe(calls);
  return calls;
}

interface DataChangingForm {
  name: string;
  channel: string;
  /** Unlocks, opens the form and fills it in; returns its submit button and what shows it worked. */
  open: (page: Page) => Promise<{ submit: Locator; done: Locator }>;
  count: () => Promise<number>;
}

async function rowCount(table: string): Promise<number> {
  const [row] = await running.kiosk.database.all<{ rows: number }>(`SELECT COUNT(*) AS rows FROM ${table}`);
  return row?.rows ?? 0;
}

const holdCount = async () => (await running.kiosk.holds.listActive()).length;

const FORMS: DataChangingForm[] = [
  {
    name: 'a legal hold on a visit ("Vastleggen" on the holds tab)',
    channel: 'holds.placeOnVisit',
    open: async (page) => {
      await unlock(page, 'Sam Security', SECURITY_PIN);
      await page.getByRole('button', { name: 'Bewaarplichten' }).click();
      await page.getByLabel('Bezoeknummer').fill('1');
      await page.getByLabel('Reden (verplicht)').fill('Politieverzoek 2026-118');
      await page.getByLabel('Grond (verplicht)').selectOption('legalObligation');
      return {
        submit: page.getByRole('button', { name: 'Vastleggen' }),
        // Two holds would show two rows: the first is enough to know one was placed.
        done: page.getByRole('row', { name: /Politieverzoek 2026-118/ }).first(),
      };
    },
    count: holdCount,
  },
  {
    name: 'a legal hold on a camera over a time range',
    channel: 'holds.placeOnFootage',
    open: async (page) => {
      await unlock(page, 'Sam Security', SECURITY_PIN);
      const form = page.getByRole('form', { name: 'Camera over een periode bewaren' });
      await form.getByLabel('Camera').selectOption('garage');
      await fillDateField(form, 'Opnamen vanaf', '2026-11-22T00:00');
      await fillDateField(form, 'Opnamen tot', '2026-11-23T00:00');
      await form.getByLabel('Reden (verplicht)').fill('Inbraak 2026-31');
      await form.getByLabel('Grond (verplicht)').selectOption('legalObligation');
      return {
        submit: form.getByRole('button', { name: 'Vastleggen' }),
        done: form.getByRole('status').getByText(/^Bewaarplicht vastgelegd: garage/),
      };
    },
    count: holdCount,
  },
  {
    name: 'a legal hold on one footage file',
    channel: 'holds.placeOnFootage',
    open: async (page) => {
      await unlock(page, 'Sam Security', SECURITY_PIN);
      await page.getByRole('button', { name: 'garage/garage_20261122_101500.mkv vasthouden' }).click();
      const form = page.getByRole('form', { name: 'Reden om garage/garage_20261122_101500.mkv vast te houden' });
      await form.getByLabel('Reden om een bestand vast te houden').fill('Incident 2026-77');
      await form.getByLabel('Grond om een bestand vast te houden').selectOption('necessaryForActivities');
      return {
        submit: form.getByRole('button', { name: 'Vasthouden', exact: true }),
        done: page.getByRole('row', { name: /garage.*vastgehouden/ }),
      };
    },
    count: holdCount,
  },
  {
    name: 'a new staff account',
    channel: 'staff.add',
    open: async (page) => {
      await unlock(page, 'Ada Admin', ADMIN_PIN);
      await page.getByRole('button', { name: 'Medewerkers', exact: true }).click();
      const form = page.locator('form.add-staff-form');
      await form.getByLabel('Naam').fill('Rosa Receptie');
      await form.getByLabel('Rol').selectOption('receptionist');
      await form.getByLabel('Pincode (6 tot 12 cijfers)').fill('731942');
      return {
        submit: form.getByRole('button', { name: 'Toevoegen' }),
        done: page.getByRole('row', { name: /Rosa Receptie/ }).first(),
      };
    },
    count: async () => (await running.kiosk.staff.list()).length - 2,
  },
  {
    name: 'a visitor registered by hand at the desk',
    channel: 'visits.register',
    open: async (page) => {
      await unlock(page, 'Ada Admin', ADMIN_PIN);
      await page.getByRole('button', { name: 'Bezoeker aanmelden' }).click();
      await page.getByLabel('Voornaam').fill('Jan');
      await page.getByLabel('Achternaam').fill('de Vries');
      return {
        submit: page.getByRole('button', { name: 'Aanmelden', exact: true }),
        done: page.getByRole('status').getByText(/^Jan is aangemeld/),
      };
    },
    count: async () => (await running.kiosk.visits.today()).visits.length - 1,
  },
  {
    name: 'a host added to the directory',
    channel: 'hosts.add',
    open: async (page) => {
      await unlock(page, 'Ada Admin', ADMIN_PIN);
      await page.getByRole('button', { name: 'Gastheren' }).click();
      await page.getByLabel('Naam').fill('Henk de Wit');
      await page.getByLabel('E-mailadres').fill('henk@example.org');
      return {
        submit: page.getByRole('button', { name: 'Toevoegen' }),
        done: page.getByRole('row', { name: /Henk de Wit/ }).first(),
      };
    },
    count: () => rowCount('hosts'),
  },
  {
    name: 'an expected visitor added at the desk',
    channel: 'invitations.add',
    open: async (page) => {
      await unlock(page, 'Ada Admin', ADMIN_PIN);
      // Adding one sits behind its summary on Today; the date is today's unless changed.
      await page.getByRole('button', { name: 'Verwachte bezoeker toevoegen' }).click();
      const form = page.locator('form.expected-form');
      await form.getByLabel('Voornaam').fill('Karel');
      await form.getByLabel('Achternaam').fill('Appel');
      return { submit: form.getByRole('button', { name: 'Toevoegen' }), done: page.getByTestId('invitation-code') };
    },
    count: () => rowCount('expected_visits'),
  },
  {
    name: 'a visitor signing in at the kiosk',
    channel: 'visits.signIn',
    open: async (page) => {
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
      await page.getByLabel('Voornaam').fill('Kim');
      await page.getByLabel('Achternaam').fill('Jansen');
      return {
        submit: page.getByRole('button', { name: 'Aanmelden', exact: true }),
        done: page.getByTestId('sign-out-code'),
      };
    },
    count: async () => (await running.kiosk.visits.today()).visits.length - 1,
  },
];

describe('a second tap while the first still runs changes nothing', () => {
  it.each(FORMS)(
    '$name',
    async (form) => {
      await startDesk();
      const page = await openPage();
      const { submit, done } = await form.open(page);
      expect(await form.count()).toBe(0);
      const calls = await doubleSubmit(page, submit, form.channel, done);
      expect(await form.count()).toBe(1);
      expect(calls).toBe(1);
    },
    90_000,
  ); // a whole desk per form, on a shared 2-core machine
});
