import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import { manualClock } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { expectAccessible, launchChromium, screenshot, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import { typeStaffNumber } from './staff-number';

const ADMIN_PIN = '864205';
const NOW = Date.parse('2026-11-24T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

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

/** 40 days of one file a day for two cameras: 24 of the 80 files are within four weeks. */
function footageRoot(): string {
  const root = makeTempDir('footage-');
  for (let day = 1; day <= 40; day++) {
    for (const camera of ['gate', 'lobby']) {
      const at = new Date(NOW - day * DAY);
      const [date, time] = at.toISOString().split('T') as [string, string];
      const file = path.join(root, date, time.slice(0, 2), camera, `${time.slice(3, 5)}.${time.slice(6, 8)}.mp4`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      fs.utimesSync(file, at, at);
    }
  }
  return root;
}

describe('a footage backlog in the admin’s Retention tab', () => {
  it('shows what would go per camera, in Dutch, and deletes it after a confirmation naming the count', async () => {
    const root = footageRoot();
    running = await startKiosk({
      clock: manualClock(new Date(NOW).toISOString()),
      config: { ...defaultConfig, footage: { ...defaultConfig.footage, root, maxDeleteShare: 0.25 } },
    });
    await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
    expect(await running.kiosk.footage.purge()).toMatchObject({ outcome: 'blocked' });

    const context = await browser.newContext({ viewport: VIEWPORTS.landscape });
    const page = await context.newPage();
    await page.goto(running.server.url);
    await page.getByRole('button', { name: 'Medewerkers' }).click();
    await typeStaffNumber(page, running.kiosk, 'Ada Admin');
    const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
    for (const digit of ADMIN_PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    // The footage tab gives the run's reason in Dutch too, and says who can go on.
    await page.getByRole('button', { name: 'Camerabeelden' }).click();
    await page.getByText(/Laatst opgeschoond: .* \(tegengehouden: 26 van de 80 bestanden zouden in één keer/).waitFor();
    await page.getByText('Een beheerder bekijkt en bevestigt deze verwijdering onder Bewaartermijnen.').waitFor();
    await page.getByRole('button', { name: 'Bewaartermijnen' }).click();

    await page.getByRole('heading', { name: 'Grote verwijdering wacht op bevestiging' }).waitFor();
    await page.getByRole('row', { name: /gate 13 / }).waitFor();
    await page.getByRole('row', { name: /lobby 13 / }).waitFor();
    // The run's reason in Dutch, in the runs table.
    await page.getByRole('row', { name: /camerabeelden opschonen .* tegengehouden: 26 van de 80 bestanden/ }).waitFor();
    await page.getByRole('button', { name: 'Verwijdering bevestigen…' }).click();
    await page.getByText('Weet u het zeker? 26 bestanden worden definitief verwijderd.', { exact: false }).waitFor();
    await screenshot(page, 'landscape-nl-30-footage-backlog-confirm');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ja, 26 bestanden verwijderen' }).click();
    await page.getByText('26 bestanden verwijderd.').waitFor();
    expect(
      await running.kiosk.database.get("SELECT count(*) AS n FROM footage_files WHERE status = 'deleted'"),
    ).toEqual({ n: 26 });
    expect((await running.kiosk.audit.list({ action: 'footage.largeDeletionConfirmed' }))[0]).toMatchObject({
      actor: 'Ada Admin',
      detail: { files: 26 },
    });
  });
});
