import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/core/database';
import { defaultConfig, type KioskConfig } from '../../shared/config';
import { identifyFootage } from '../../shared/footage-path';
import { manualClock } from '../helpers/kiosk';
import { makeTempDir } from '../helpers/temp-dir';
import { fillDateField } from './date-field';
import { typeStaffNumber } from './staff-number';
import { expectAccessible, launchChromium, SCREENSHOT_DIR, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';

const SECURITY_PIN = '192837';
const IDLE_SECONDS = 60;
const KEEP_ALIVE_SECONDS = 5; // the player's keep-alive (footage-player.tsx)
const CLIPS = 8_640; // a day of ten-second clips
const MORNING_FILE = 'gate/gate_20261123_080000.mkv';
const NEXT_FILE = 'gate/gate_20261123_080010.mkv';
/**
 * What the axe checks here cover: the timeline with its player and hold form. The file list under it
 * shows 500 rows of this day (10,000 elements: axe takes half a minute over them on a busy machine, and
 * the staff view's idle lock runs meanwhile); the same list, a row like each of these, is checked
 * whole in staff.e2e's footage test.
 */
const TIMELINE = '.timeline-section';

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

/**
 * Real video clips, recorded in Chromium from a canvas (WebM is Matroska: the .mkv files a recorder
 * writes). Recording runs in real time, so the long clip takes as long to make as to play.
 */
async function recordClips(seconds: number[]): Promise<Buffer[]> {
  const page = await browser.newPage();
  const clips = await page.evaluate(async (lengths) => {
    const record = (length: number) =>
      new Promise<string>((resolve) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 48;
        const context = canvas.getContext('2d')!;
        const recorder = new MediaRecorder(canvas.captureStream(10), {
          mimeType: 'video/webm;codecs=vp8',
          videoBitsPerSecond: 40_000,
        });
        const chunks: Blob[] = [];
        recorder.ondataavailable = (event) => chunks.push(event.data);
        recorder.onstop = () => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result).split(',')[1]!);
          reader.readAsDataURL(new Blob(chunks));
        };
        let frame = 0;
        const timer = setInterval(() => {
          context.fillStyle = `hsl(${(frame * 7) % 360} 60% 50%)`;
          context.fillRect(0, 0, 64, 48);
          context.fillStyle = '#fff';
          context.fillText(String(frame++), 8, 28);
        }, 100);
        recorder.start(1000);
        setTimeout(() => {
          clearInterval(timer);
          recorder.stop();
        }, length * 1000);
      });
    return Promise.all(lengths.map(record));
  }, seconds);
  await page.close();
  return clips.map((clip) => Buffer.from(clip, 'base64'));
}

/**
 * 23 November in Amsterdam (UTC+1): one file every ten seconds, named in local time, indexed the way
 * a scan indexes them (identifyFootage reads each path). Only the two files played are on disk: a
 * scan of a full day is footage-scan-day.test.ts's job, not this screen's.
 */
async function seedDay(database: Database, config: KioskConfig, root: string, longClip: Buffer, shortClip: Buffer) {
  const dayStart = Date.parse('2026-11-22T23:00:00Z');
  // The clips' mtime is the day's end (each clip ends where the next begins), the morning file's its own.
  const dayEnd = Date.parse('2026-11-23T23:00:00Z');
  const morningEnd = Date.parse('2026-11-23T07:00:10Z');
  const name = (at: number) => {
    const local = new Date(at + 3_600_000).toISOString(); // Amsterdam is UTC+1 in November
    return `gate_${local.slice(0, 10).replaceAll('-', '')}_${local.slice(11, 19).replaceAll(':', '')}.mkv`;
  };
  const rows = Array.from({ length: CLIPS }, (_, clip) => {
    const relative = `gate/${name(dayStart + clip * 10_000)}`;
    const morning = relative === MORNING_FILE;
    const mtime = morning ? morningEnd : dayEnd;
    const identity = identifyFootage(relative, mtime, config.footage, config.timeZone);
    const size = morning ? longClip.length : shortClip.length;
    return [path.basename(relative), identity.camera, identity.recordedAt, identity.timeSource, size, mtime];
  });
  await database.run(
    `INSERT INTO footage_files (folder, name, camera, recorded_at, time_source, size, mtime, status, indexed_at)
     SELECT 'gate', value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, 'kept', ?
       FROM json_each(?)`,
    [Date.parse('2026-11-24T10:00:00Z'), JSON.stringify(rows)],
  );
  fs.mkdirSync(path.join(root, 'gate'), { recursive: true });
  fs.writeFileSync(path.join(root, MORNING_FILE), longClip);
  fs.utimesSync(path.join(root, MORNING_FILE), new Date(morningEnd), new Date(morningEnd));
  fs.writeFileSync(path.join(root, NEXT_FILE), shortClip);
  fs.utimesSync(path.join(root, NEXT_FILE), new Date(dayEnd), new Date(dayEnd));
}

/**
 * The timeline section only: the page under it lists 500 files. Cut from a page screenshot, as an
 * element's screenshot waits for animation frames, which the page's fake clock holds.
 */
async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const clip = await page.locator('.timeline-section').evaluate((section) => {
    const box = section.getBoundingClientRect();
    return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height };
  });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, clip });
}

async function unlock(page: Page) {
  await page.getByRole('button', { name: 'Medewerkers' }).click();
  await typeStaffNumber(page, running.kiosk, 'Sam Security');
  const pad = page.getByRole('group', { name: 'Cijfers van de pincode' });
  for (const digit of SECURITY_PIN) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
}

describe('the security view on a real day of footage', () => {
  it('a security officer finds a morning file among 8,640 clips on the timeline, watches it past the idle time, and holds it', async () => {
    const [longClip, shortClip] = await recordClips([4, 2]);
    const root = makeTempDir('footage-day-');
    // The core's clock and the page's move by the test's hand: the idle lock is a controlled wait.
    const clock = manualClock('2026-11-24T10:00:00Z');
    const config: KioskConfig = {
      ...defaultConfig,
      idle: { ...defaultConfig.idle, staffSeconds: IDLE_SECONDS },
      footage: { ...defaultConfig.footage, root, cameraNames: { gate: 'Poort' } },
    };
    running = await startKiosk({ clock, config });
    await seedDay(running.kiosk.database, config, root, longClip!, shortClip!);
    await running.kiosk.staff.add('operator', 'Sam Security', 'security', SECURITY_PIN);
    const idOf = async (relative: string) =>
      (await running.kiosk.database.get<{ id: number }>('SELECT id FROM footage_files WHERE path = ?', [relative]))!.id;
    const morningId = await idOf(MORNING_FILE);
    const nextId = await idOf(NEXT_FILE);

    const context = await browser.newContext({ viewport: VIEWPORTS.landscape });
    const page = await context.newPage();
    // The page's timers are the test's to move on (they also run on in real time, as installed):
    // a minute's idle time leaves room for a slow machine before the test moves the clock itself.
    await page.clock.install();
    await page.goto(running.server.url);
    await unlock(page);
    await page.getByRole('heading', { name: 'Tijdlijn per camera en dag' }).waitFor();
    await fillDateField(page, 'Dag', '2026-11-23');
    await page.getByText(`${CLIPS} opnamen, 0 onderbrekingen`).waitFor();
    await screenshot(page, 'landscape-nl-25-footage-timeline');
    await expectAccessible(page, { within: TIMELINE });
    await page.setViewportSize(VIEWPORTS.portrait);
    await screenshot(page, 'portrait-nl-25-footage-timeline');
    await page.setViewportSize(VIEWPORTS.landscape);

    // The morning file, by the moment: it plays from there.
    await page.getByLabel('Tijdstip (uu:mm:ss)').fill('08:00:00');
    await page.getByRole('button', { name: 'Afspelen vanaf dit tijdstip' }).click();
    const video = page.locator(`figure.player[data-file-id="${morningId}"] video`);
    await video.waitFor();
    // Under the page's fake clock the player does not start on its own: started as its control would.
    await video.evaluate((element: HTMLVideoElement) => element.play());
    // Played slowly, the short clip is still playing while the test moves time on.
    await page.waitForFunction(
      () => {
        const playing = document.querySelector<HTMLVideoElement>('figure.player video');
        return playing !== null && !playing.paused && playing.currentTime > 0;
      },
      undefined,
      { polling: 200 },
    );
    await video.evaluate((element: HTMLVideoElement) => (element.playbackRate = 0.0625));

    // Longer than the idle time without a touch: the player's keep-alive holds the view open, in
    // the page and in the core (each keep-alive reaches the core before its clock moves on).
    for (let second = 1; second <= IDLE_SECONDS + 2; second++) {
      const keptAlive =
        second % KEEP_ALIVE_SECONDS === 0
          ? page.waitForResponse((response) => response.url().endsWith('/api/footage.watching'))
          : null;
      await page.clock.runFor(1_000);
      expect((await keptAlive)?.ok() ?? true).toBe(true);
      clock.advance(1_000);
    }
    expect(await video.evaluate((element: HTMLVideoElement) => element.ended)).toBe(false);
    expect(await page.getByRole('button', { name: 'Vergrendelen' }).isVisible()).toBe(true);
    const actions = (await running.kiosk.audit.list()).map((entry) => entry.action);
    expect(actions).not.toContain('staff.locked');
    expect(actions).toContain('footage.played');

    // Paused and held; played on, the next clip follows on its own.
    await video.evaluate((element: HTMLVideoElement) => element.pause());
    await screenshot(page, 'landscape-nl-26-footage-timeline-playing');
    await page.getByRole('button', { name: 'Dit bestand vasthouden' }).click();
    const form = page.getByRole('form', { name: `Reden om ${MORNING_FILE} vast te houden` });
    await form.getByLabel('Reden om een bestand vast te houden').fill('Incident 2026-91');
    await form.getByLabel('Grond om een bestand vast te houden').selectOption('legalObligation');
    await form.getByRole('button', { name: 'Vasthouden', exact: true }).click();
    await page.getByRole('status').getByText('Vastgehouden.').waitFor();
    await video.evaluate((element: HTMLVideoElement) => {
      element.playbackRate = 4;
      return element.play();
    });
    await page.locator(`figure.player[data-file-id="${nextId}"] video`).waitFor({ timeout: 60_000 });
    expect(await running.kiosk.holds.listActive()).toMatchObject([
      { kind: 'footage-file', footagePath: MORNING_FILE, reason: 'Incident 2026-91', placedBy: 'Sam Security' },
    ]);
    await expectAccessible(page, { within: TIMELINE }); // the player and its hold form, playing on
    await page.setViewportSize(VIEWPORTS.portrait);
    await screenshot(page, 'portrait-nl-26-footage-timeline-held');

    // The holds view names the camera and the recording's local time, not the recorder's file name.
    await page.setViewportSize(VIEWPORTS.landscape);
    await page.getByRole('button', { name: 'Bewaarplichten' }).click();
    const held = page.getByRole('row', { name: /Poort: 23-11-2026 08:00 .*Incident 2026-91/ });
    await held.waitFor();
    expect(await held.innerText()).not.toContain('gate_20261123');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'landscape-nl-27-holds-footage-file.png') });
  }, 240_000);
});
