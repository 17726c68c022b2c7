import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../shared/config';
import { manualClock } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import { typeStaffNumber } from './staff-number';
import { fillDateField } from './date-field';

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

describe('recorder layouts and the footage list’s pages in Chromium', () => {
  it('the admin sees camera names, a time range with its count, and which layout read which folders', async () => {
    const root = makeTempDir('footage-');
    const write = (relative: string, mtime: string) => {
      const file = path.join(root, ...relative.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      fs.utimesSync(file, new Date(mtime), new Date(mtime));
    };
    write('frigate/2026-11-20/09/front_door/15.30.mp4', '2026-11-20T09:16:00Z');
    write('frigate/2026-11-20/09/front_door/15.40.mp4', '2026-11-20T09:16:00Z');
    write('frigate/2026-11-21/09/front_door/00.00.mp4', '2026-11-21T09:01:00Z');
    write('zm/1/2026-11-20/3/3-video.mp4', '2026-11-20T09:30:00Z');
    running = await startKiosk({
      clock: manualClock('2026-11-24T10:00:00Z'),
      config: kioskConfigSchema.parse({ footage: { root, cameraNames: { '1': 'Ingang' } } }),
    });
    await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
    await running.kiosk.footage.scan();

    const context = await browser.newContext({ viewport: VIEWPORTS.landscape });
    const page = await context.newPage();
    await page.goto(running.server.url);
    await page.getByRole('button', { name: 'Medewerkers' }).click();
    await typeStaffNumber(page, running.kiosk, 'Ada Admin');
    const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
    for (const digit of ADMIN_PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByRole('button', { name: 'Camerabeelden' }).click();

    await page.getByText('Bestanden 1–4 van 4').waitFor();
    await page.getByRole('row', { name: /^Ingang 1 \(1 met tijd uit bestandsdatum\) / }).waitFor();
    await page.getByRole('row', { name: /20-11-2026 10:30 \(tijd uit bestandsdatum\) Ingang/ }).waitFor();

    // The camera-range hold offers the camera by its name and records its id.
    const holdForm = page.getByRole('form', { name: 'Camera over een periode bewaren' });
    expect(await holdForm.getByLabel('Camera').locator('option', { hasText: 'Ingang' }).getAttribute('value')).toBe(
      '1',
    );

    await fillDateField(page, 'Vanaf (datum en tijd)', '2026-11-20T10:15');
    await fillDateField(page, 'Tot (datum en tijd, niet inbegrepen)', '2026-11-20T10:16');
    await page.getByText('Bestanden 1–2 van 2').waitFor();
    expect(await page.getByRole('button', { name: 'Oudere bestanden' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Controleer de indeling' }).click();
    const layouts = page.getByRole('table', { name: 'Recorderindeling' });
    await layouts.getByRole('row', { name: /frigate\/#-#-#\/#\/front_door Frigate 3 0/ }).waitFor();
    await layouts
      .getByRole('row', {
        name: /zm\/#\/#-#-#\/# ZoneMinder \(geen opnametijd in de paden: de bestandsdatum telt\) 1 1 .*Ingang, 20-11-2026 10:30 \(bestandsdatum\)/,
      })
      .waitFor();
    await screenshot(page, 'landscape-nl-30-admin-recorder-layouts');
    await expectAccessible(page);
  });
});
