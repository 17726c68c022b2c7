import type { Browser, Page } from 'playwright-core';
import type { Language } from '../../shared/messages';
import { openStaffDesk, unlockStaffDesk, VIEWPORTS, type RunningKiosk } from './harness';

export type Orientation = keyof typeof VIEWPORTS;

/**
 * A staff screen checked in both orientations and both languages, on one window: the staff view has
 * no language switch, so the walk locks it and unlocks again in English, and it turns the window by
 * resizing it rather than loading the page four times. `visit` starts on the screen the unlock or the
 * previous visit left (it opens its own tab) and must not lock the view itself.
 */
export async function walkOrientationsAndLanguages(
  browser: Browser,
  running: RunningKiosk,
  who: { name: string; pin: string },
  visit: (page: Page, orientation: Orientation, language: Language) => Promise<void>,
): Promise<void> {
  let page: Page | null = null;
  try {
    for (const language of ['nl', 'en'] as const) {
      if (page === null) {
        page = await openStaffDesk(browser, running, who, VIEWPORTS.landscape, language);
      } else {
        await page.getByRole('button', { name: 'Vergrendelen' }).click();
        await page.getByRole('button', { name: 'Medewerkers' }).waitFor();
        await unlockStaffDesk(page, running, who, language);
      }
      for (const orientation of Object.keys(VIEWPORTS) as Orientation[]) {
        await page.setViewportSize(VIEWPORTS[orientation]);
        await visit(page, orientation, language);
      }
    }
  } finally {
    await page?.context().close();
  }
}
