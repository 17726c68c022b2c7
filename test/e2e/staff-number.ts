import type { Page } from 'playwright-core';
import type { Kiosk } from '../../electron/core/kiosk';

/** The unlock screen names nobody: a staff member types their personal number (the account id). */
export async function typeStaffNumber(page: Page, kiosk: Kiosk, name: string): Promise<void> {
  const account = (await kiosk.staff.list()).find((candidate) => candidate.name === name);
  if (!account) throw new Error(`no staff account named ${name}`);
  await page.getByLabel(/^(Medewerkernummer|Staff number)$/).fill(String(account.id));
}
