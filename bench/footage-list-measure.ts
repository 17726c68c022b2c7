// The security view's time-of-day list (and a camera's day on the timeline) through the router, on
// the footage benchmark's index; run by footage.bench.ts on its million files. Run alone on a small
// tree to check it works: `node --import tsx bench/footage-list-measure.ts [days] [cameras]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { defaultConfig, type KioskConfig } from '../shared/config';
import { fixedClock, systemClock } from '../electron/core/clock';
import { footageListQuery } from '../electron/core/footage/footage-list-query';
import { scanFootage } from '../electron/core/footage/scanner';
import { createKiosk } from '../electron/core/kiosk';

const HOUR = 3_600_000;
const WINDOW = 30 * 60_000;
const SAMPLES = 300;
const WARM_UP = 30;

export interface Latency {
  median: number;
  p99: number;
}

export interface ListMeasurements {
  list: Latency;
  bareList: Latency;
  timeline: Latency;
  rowsPerList: number;
  clipsPerDay: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function latency(samples: number, work: (sample: number) => Promise<unknown>): Promise<Latency> {
  for (let sample = 0; sample < WARM_UP; sample++) await work(sample);
  const times: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    const start = performance.now();
    await work(sample);
    times.push(performance.now() - start);
  }
  return { median: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * On the index in `dataDir` (files of `cameras` cameras named camera_00..., over `days` days from
 * `firstHour`): half-hour windows at random times of random days, for one camera or all, 500 rows a
 * page, as the operator through the router; and the same SQL bare. Then whole camera-days for the
 * timeline.
 */
export async function measureTimeOfDayList(options: {
  dataDir: string;
  config: KioskConfig;
  now: number;
  firstHour: number;
  days: number;
  cameras: number;
}): Promise<ListMeasurements> {
  const kiosk = await createKiosk({
    dataDir: options.dataDir,
    config: options.config,
    clock: fixedClock(options.now),
    logError: () => undefined,
  });
  try {
    let seed = 20261124;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) as number;
    const pad = (value: number) => String(value).padStart(2, '0');
    const windows = Array.from({ length: SAMPLES + WARM_UP }, () => {
      const from = options.firstHour + Math.floor(random() * (options.days * 24 * HOUR - WINDOW));
      const camera = random() < 0.5 ? `camera_${pad(Math.floor(random() * options.cameras))}` : undefined;
      return { camera, from, to: from + WINDOW, limit: 500 };
    });
    let rows = 0;
    const list = await latency(SAMPLES, async (sample) => {
      const result = await kiosk.router.invoke('footage.list', windows[sample]!, { kind: 'operator' });
      if (!result.ok) throw new Error(result.error.key);
      rows += result.value.length;
    });
    const bareList = await latency(SAMPLES, async (sample) => {
      const query = footageListQuery(windows[sample]!, options.now);
      await kiosk.database.all(query.sql, query.params);
    });
    const zone = options.config.timeZone;
    let clips = 0;
    const timeline = await latency(SAMPLES, async (sample) => {
      const day = new Date(options.firstHour + (1 + (sample % (options.days - 1 || 1))) * 24 * HOUR);
      const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(day);
      const camera = `camera_${pad(sample % options.cameras)}`;
      const result = await kiosk.router.invoke('footage.timeline', { camera, date }, { kind: 'operator' });
      if (!result.ok) throw new Error(result.error.key);
      clips = Math.max(clips, result.value.segments.length);
    });
    return { list, bareList, timeline, rowsPerList: Math.round(rows / (SAMPLES + WARM_UP)), clipsPerDay: clips };
  } finally {
    await kiosk.close();
  }
}

/** Alone: a small Frigate-like tree (2 cameras, ten-second segments) to see the measurement work. */
async function main() {
  const days = Number(process.argv[2] ?? 1);
  const cameras = Number(process.argv[3] ?? 2);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-list-measure-'));
  const root = path.join(work, 'root');
  const firstHour = Math.floor(systemClock.now() / HOUR) * HOUR - (days + 2) * 24 * HOUR;
  const now = firstHour + (days + 2) * 24 * HOUR;
  try {
    for (let hour = 0; hour < days * 24; hour++) {
      const date = new Date(firstHour + hour * HOUR);
      for (let camera = 0; camera < cameras; camera++) {
        const folder = path.join(
          root,
          date.toISOString().slice(0, 10),
          String(date.getUTCHours()).padStart(2, '0'),
          `camera_${String(camera).padStart(2, '0')}`,
        );
        fs.mkdirSync(folder, { recursive: true });
        for (let second = 0; second < 3600; second += 10)
          fs.writeFileSync(
            path.join(
              folder,
              `${String(Math.floor(second / 60)).padStart(2, '0')}.${String(second % 60).padStart(2, '0')}.mp4`,
            ),
            'x',
          );
      }
    }
    const config = { ...defaultConfig, footage: { ...defaultConfig.footage, root, settleMinutes: 0 } };
    const kiosk = await createKiosk({ dataDir: work, config, clock: fixedClock(now), logError: () => undefined });
    const scanned = await scanFootage({ database: kiosk.database, root, config, clock: fixedClock(now) });
    await kiosk.close();
    const result = await measureTimeOfDayList({ dataDir: work, config, now, firstHour, days, cameras });
    console.log(JSON.stringify({ files: scanned.added, ...result }, null, 1));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
