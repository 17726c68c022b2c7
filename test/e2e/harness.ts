import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import axe from 'axe-core';
import { expect } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/browser/server';
import { clockFromEnvironment, type Clock } from '../../electron/core/clock';
import { createKiosk, type Kiosk } from '../../electron/core/kiosk';
import { defaultConfig, type KioskConfig } from '../../shared/config';
import { TEST_PIN_PARAMS } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 800, height: 1280 },
} as const;

/** The test Chromium; `extraFlags` are added to the usual ones (a certificate pin, say). */
export function launchChromium(extraFlags: string[] = []): Promise<Browser> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS, ...extraFlags] });
}

/**
 * Where every end-to-end kiosk's time starts unless its test brings a clock: a fixed KIOSK_NOW that
 * runs on, mid-morning in Amsterdam, so no run crosses midnight and every date a test enters lies
 * ahead, whatever the real date.
 */
export const E2E_NOW = '2026-11-24T10:00:00+01:00';

export interface RunningKiosk {
  kiosk: Kiosk;
  server: BrowserServer;
  dataDir: string;
  /** What the core logged as an error: a failing wait names it, where the screen shows only a message. */
  loggedErrors: string[];
  stop(): Promise<void>;
}

export async function startKiosk(
  options: { clock?: Clock; config?: KioskConfig; /** A data folder prepared beforehand. */ dataDir?: string } = {},
): Promise<RunningKiosk> {
  const dataDir = options.dataDir ?? makeTempDir('kiosk-e2e-');
  const loggedErrors: string[] = [];
  const kiosk = await createKiosk({
    dataDir,
    config: options.config ?? defaultConfig,
    clock: options.clock ?? clockFromEnvironment({ KIOSK_NOW: E2E_NOW }),
    logError: (error, context) =>
      loggedErrors.push(`${context}: ${error instanceof Error ? error.message : String(error)}`),
    pinParams: TEST_PIN_PARAMS,
  });
  const server = await startBrowserServer({ kiosk, rendererDir: RENDERER_DIR, port: 0 });
  let stopped: Promise<void> | null = null;
  return {
    kiosk,
    server,
    dataDir,
    loggedErrors,
    stop: () =>
      (stopped ??= (async () => {
        await server.close();
        await kiosk.close();
      })()),
  };
}

/**
 * A new browser window on the running kiosk, unlocked by a staff member typing their number and PIN,
 * in the chosen language; resolves once the staff view shows.
 */
export async function openStaffDesk(
  browser: Browser,
  running: RunningKiosk,
  who: { name: string; pin: string },
  viewport: { width: number; height: number },
  language: 'nl' | 'en',
  contextOptions: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  await page.goto(running.server.url);
  await unlockStaffDesk(page, running, who, language);
  return page;
}

/**
 * On a window already showing the welcome screen (after `goto`, or after locking the staff view): a
 * staff member types their number and PIN in the chosen language; resolves once the staff view shows.
 */
export async function unlockStaffDesk(
  page: Page,
  running: RunningKiosk,
  who: { name: string; pin: string },
  language: 'nl' | 'en',
): Promise<void> {
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: language === 'nl' ? 'Medewerkers' : 'Staff' }).click();
  const account = (await running.kiosk.staff.list()).find((staff) => staff.name === who.name)!;
  await page.getByLabel(language === 'nl' ? 'Medewerkernummer' : 'Staff number').fill(String(account.id));
  await page.getByLabel(language === 'nl' ? 'Pincode' : 'PIN', { exact: true }).fill(who.pin);
  await page.getByRole('button', { name: language === 'nl' ? 'Ontgrendelen' : 'Unlock' }).click();
  await page.locator('.staff-view').waitFor();
}

/** The messages on the screen (status lines, alerts, field errors) and which screen it is. */
async function shownMessages(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts = [...document.querySelectorAll('[role="status"], [role="alert"], .error')]
      .map((element) => element.textContent?.trim() ?? '')
      .filter((text) => text !== '');
    const screen = document.querySelector('.staff-view')
      ? 'staff view'
      : (document.querySelector('h1')?.textContent ?? '?');
    return `[${screen}] ${texts.join(' | ')}`;
  });
}

/**
 * Waits for a message on the screen; when it does not come, the error says what the screen showed
 * instead and what the core logged, where a plain wait would say only that it timed out.
 */
export async function waitForMessage(page: Page, running: RunningKiosk, pattern: RegExp, timeoutMs = 30_000) {
  // Counted in pauses, not read off a clock: tests read no clock of their own.
  for (let pauses = 0; ; pauses++) {
    const shown = await shownMessages(page);
    if (pattern.test(shown)) return;
    if (pauses * 100 >= timeoutMs) {
      const logged = running.loggedErrors.length ? running.loggedErrors.join(' | ') : 'nothing';
      throw new Error(`waited ${timeoutMs} ms for ${pattern}; the screen shows ${shown}; the core logged ${logged}`);
    }
    await page.waitForTimeout(100);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * axe-core's serious and critical findings on the current screen, as readable strings; `within`, a CSS
 * selector, limits the check to that part of the screen.
 */
export async function seriousAccessibilityViolations(page: Page, within?: string): Promise<string[]> {
  // axe-core's source is half a megabyte: parsed once per document, not once per check.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (within) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(within ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      // No media preload: it waits up to 10 s for an autoplaying video's metadata, which the tests'
      // stand-in footage files never have, and serves only no-autoplay-audio, a moderate finding
      // this check ignores anyway.
      preload: { assets: ['cssom'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, within);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(', ')}`);
}

/** Controls a finger cannot hit reliably: smaller than 44 x 44 CSS pixels (WCAG 2.5.5). */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = [...document.querySelectorAll<HTMLElement>('button, input, label.check, a[href]')];
    return targets
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.width < 44 || box.height < 44);
      })
      .map((element) => `${element.tagName.toLowerCase()} "${element.textContent?.trim() ?? ''}"`);
  });
}

/**
 * Every screen the tests visit: no serious or critical axe finding, no target too small for a finger.
 * `within` (a CSS selector) limits the axe check to one part of a very long screen; the touch targets
 * are always checked on the whole screen.
 */
export async function expectAccessible(page: Page, options: { within?: string } = {}): Promise<void> {
  expect(await seriousAccessibilityViolations(page, options.within)).toEqual([]);
  expect(await smallTouchTargets(page)).toEqual([]);
}
