// A desk that reads at a glance (issue 24): the legal-holds table fits its card with the longest path
// a recorder writes, a file already held says so, the camera-range form's date-time fields never wrap
// inside themselves, and Today shows an empty expected list as one plain line, its date whole.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import type { Language } from '../../shared/messages';
import { manualClock, visitor } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import {
  expectAccessible,
  launchChromium,
  openStaffDesk,
  screenshot,
  SCREENSHOT_DIR,
  startKiosk,
  VIEWPORTS,
  type RunningKiosk,
} from './harness';
import { walkOrientationsAndLanguages, type Orientation } from './desk-walk';
import { overflowingTables, overlappingControls } from './overlap';
import { wordsSplitAcrossLines } from './word-split';

const ADMIN_PIN = '864205';
// A Synology Surveillance Station recording (reference/recorder-layouts.md) of a camera with a long
// name: the name twice, glued to the date, 146 characters in all.
const CAMERA_NAME = 'Kantoorpand Hoofdingang Parkeergarage Slagboom Noord';
const LONG_PATH = `${CAMERA_NAME}/20261122AM/${CAMERA_NAME}20261122-084321-1795337001.mp4`;
const GARAGE_FILE = 'garage/garage_20261122_101500.mkv';

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

async function startDesk() {
  const root = makeTempDir('footage-');
  const file = path.join(root, ...GARAGE_FILE.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x'.repeat(2048));
  fs.utimesSync(file, new Date('2026-11-22T09:16:00Z'), new Date('2026-11-22T09:16:00Z'));
  running = await startKiosk({
    clock: manualClock('2026-11-26T09:00:00Z'),
    config: { ...defaultConfig, footage: { ...defaultConfig.footage, root } },
  });
  await running.kiosk.staff.add('operator', 'Ada Admin', 'admin', ADMIN_PIN);
}

const openDesk = (viewport: { width: number; height: number }, language: Language) =>
  openStaffDesk(browser, running, { name: 'Ada Admin', pin: ADMIN_PIN }, viewport, language);

/** Both orientations and languages on one window (desk-walk.ts). */
const walkDesk = (visit: (page: Page, orientation: Orientation, language: Language) => Promise<void>) =>
  walkOrientationsAndLanguages(browser, running, { name: 'Ada Admin', pin: ADMIN_PIN }, visit);

async function openTab(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) }).waitFor();
}

/** A date (26-11-2026, 26/11/2026) in `selector` broken across lines. */
async function datesSplitAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll(scope)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      // A date may sit across several text nodes (inside a span): measure it over the whole heading.
      const text = nodes.map((node) => node.data).join('');
      for (const match of text.matchAll(/\d{2}[-/]\d{2}[-/]\d{4}/g)) {
        const range = document.createRange();
        let offset = 0;
        for (const node of nodes) {
          const end = offset + node.data.length;
          if (match.index >= offset && match.index < end) range.setStart(node, match.index - offset);
          if (match.index + match[0].length > offset && match.index + match[0].length <= end)
            range.setEnd(node, match.index + match[0].length - offset);
          offset = end;
        }
        const lines = new Set(
          [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom)),
        );
        if (lines.size > 1) found.push(`"${match[0]}" in ${root.tagName.toLowerCase()}`);
      }
    }
    return found;
  }, selector);
}

/**
 * Each segmented date-time field in `form` whose date or time is split across lines: day, month and
 * year share a line, hour and minutes share a line (the time may go below the date).
 */
async function dateTimeFieldsSplit(form: Locator): Promise<string[]> {
  return form.evaluate((element) => {
    const found: string[] = [];
    for (const field of element.querySelectorAll('fieldset.date-time-field')) {
      const top = (part: string) => {
        const input = field.querySelector(`input.segment-${part}`);
        return input ? Math.round(input.getBoundingClientRect().top) : null;
      };
      const name = field.querySelector('legend')?.textContent ?? '';
      if (new Set([top('day'), top('month'), top('year')]).size > 1) found.push(`${name}: the date`);
      if (top('hour') !== null && top('hour') !== top('minute')) found.push(`${name}: the time`);
    }
    return found;
  });
}

const TEXT = {
  nl: {
    holds: 'Bewaarplichten',
    footage: 'Camerabeelden',
    today: 'Vandaag',
    rangeForm: 'Camera over een periode bewaren',
    noneExpected: 'Vandaag worden geen bezoekers meer verwacht.',
    expectedCaption: /^Verwacht vandaag/,
    todayHeading: 'Bezoekers vandaag (26-11-2026)',
  },
  en: {
    holds: 'Legal holds',
    footage: 'Camera footage',
    today: 'Today',
    rangeForm: 'Hold a camera over a time range',
    noneExpected: 'No more visitors are expected today.',
    expectedCaption: /^Expected today/,
    todayHeading: 'Visitors today (26/11/2026)',
  },
} as const;

describe('a desk that reads at a glance, in Chromium', () => {
  it('the legal-holds table fits its card with a 146-character recorder path, in both orientations and languages', async () => {
    await startDesk();
    await running.kiosk.holds.placeOnFootage(
      'operator',
      { path: LONG_PATH },
      'Incident 2026-77 bij de slagboom',
      null,
      {
        basis: 'legalObligation',
      },
    );
    await running.kiosk.holds.placeOnFootage(
      'operator',
      { camera: 'garage', from: Date.parse('2026-11-20T23:00:00Z'), to: Date.parse('2026-11-21T23:00:00Z') },
      'Inbraak 2026-31',
      Date.parse('2027-03-31T22:00:00Z'),
      { basis: 'necessaryForActivities' },
    );
    await walkDesk(async (page, orientation, language) => {
      await openTab(page, TEXT[language].holds);
      // The path is the row's name, read whole, though it wraps at its slashes.
      await page
        .getByRole('row', { name: new RegExp(`^${LONG_PATH.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
        .waitFor();
      await screenshot(page, `${orientation}-${language}-glance-holds-long-path`);
      const where = `${orientation} ${language}`;
      expect(await overflowingTables(page), where).toEqual([]);
      expect(await overlappingControls(page), where).toEqual([]);
      expect(await wordsSplitAcrossLines(page), where).toEqual([]);
      if (orientation === 'landscape' && language === 'nl') await expectAccessible(page);
    });
  });

  it('an action stays busy until its list has loaded again: useLoaded().reload resolves after the reload', async () => {
    await startDesk();
    await running.kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Held' }));
    await running.kiosk.holds.placeOnVisit('operator', 1, 'Politieverzoek 2026-118', null, {
      basis: 'legalObligation',
    });
    const page = await openDesk(VIEWPORTS.landscape, 'en');
    // The list's loads after the first wait at this gate until the test opens it.
    let gate: Promise<void> | null = null;
    let openGate = () => undefined as void;
    await page.route('**/api/holds.list', async (route) => {
      if (gate) await gate;
      await route.continue();
    });
    await openTab(page, TEXT.en.holds);
    await page.getByRole('row', { name: /^visit 1 Politieverzoek 2026-118/ }).waitFor();
    gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    await page.getByRole('button', { name: 'Release legal hold 1' }).click();
    await page.getByRole('button', { name: 'Yes, release' }).click();
    await expect.poll(() => running.kiosk.holds.listActive()).toEqual([]);
    // Released, but the list has not loaded again: the row's buttons are still busy with the release.
    const move = page.getByRole('button', { name: 'Move the review date of legal hold 1' });
    await expect.poll(() => move.getAttribute('aria-busy')).toBe('true');
    expect(await move.isDisabled()).toBe(true);
    openGate();
    await page.getByText('There are no active legal holds.').waitFor();
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
  });

  it('placing a hold on a file that another desk held meanwhile says so, and places no second hold', async () => {
    await startDesk();
    const page = await openDesk(VIEWPORTS.landscape, 'en');
    await openTab(page, TEXT.en.footage);
    await page.getByRole('button', { name: 'Scan now' }).click();
    await page.getByRole('button', { name: `Hold ${GARAGE_FILE}` }).click();
    const form = page.getByRole('form', { name: `Reason to hold ${GARAGE_FILE}` });
    await form.getByLabel('Reason to hold a file').fill('Incident 2026-78');
    await form.getByLabel('Ground to hold a file').selectOption('legalObligation');
    // Another desk holds the same file while this form is open.
    await running.kiosk.holds.placeOnFootage('operator', { path: GARAGE_FILE }, 'Incident 2026-77', null, {
      basis: 'legalObligation',
    });
    await form.getByRole('button', { name: 'Hold', exact: true }).click();
    await form.getByRole('alert').getByText('This file is already under a legal hold').waitFor();
    expect(await running.kiosk.holds.listActive()).toHaveLength(1);
    await screenshot(page, 'landscape-en-glance-file-already-held');
  });

  it('the camera-range form keeps each date and each time on one line, in both orientations and languages', async () => {
    await startDesk();
    await walkDesk(async (page, orientation, language) => {
      await openTab(page, TEXT[language].footage);
      await page.getByRole('button', { name: language === 'nl' ? 'Nu inlezen' : 'Scan now' }).click();
      const form = page.getByRole('form', { name: TEXT[language].rangeForm });
      await form.waitFor();
      const where = `${orientation} ${language}`;
      expect(await dateTimeFieldsSplit(form), where).toEqual([]);
      expect(await overlappingControls(page), where).toEqual([]);
      await form.screenshot({ path: path.join(SCREENSHOT_DIR, `${orientation}-${language}-glance-range-form.png`) });
    });
  });

  it('Today with no one expected: one plain line instead of an empty table, and a heading whose date never breaks', async () => {
    await startDesk();
    await walkDesk(async (page, orientation, language) => {
      await page.getByRole('heading', { level: 1, name: TEXT[language].todayHeading }).waitFor();
      await page.getByText(TEXT[language].noneExpected).waitFor();
      const where = `${orientation} ${language}`;
      expect(await page.getByRole('table', { name: TEXT[language].expectedCaption }).count(), where).toBe(0);
      expect(await page.locator('table').count(), where).toBe(0);
      expect(await datesSplitAcrossLines(page, 'h1, h2, caption'), where).toEqual([]);
      await screenshot(page, `${orientation}-${language}-glance-today`);
    });
  });
});
