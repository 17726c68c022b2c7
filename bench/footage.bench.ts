// Footage benchmarks: `npm run bench`. A Frigate-like tree of about a million small files
// (12 cameras, 10-second segments, 10 days: 2,880 folders of 360 files) in a temp folder; every
// figure against a baseline on the same tree in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig, type KioskConfig } from '../shared/config';
import { fixedClock, systemClock } from '../electron/core/clock';
import { openDatabase } from '../electron/core/database';
import { purgeFootage } from '../electron/core/footage/purge';
import { scanFootage } from '../electron/core/footage/scanner';
import { measureTimeOfDayList } from './footage-list-measure';

const CAMERAS = 12;
// BENCH_FOOTAGE_DAYS=2 makes the tree smaller (2 of the 10 days), to try a change on a busy machine:
// ratios only, and the rows that grow with the tree (the first scan) then mean less.
const DAYS = Number(process.env.BENCH_FOOTAGE_DAYS ?? 10);
if (!Number.isInteger(DAYS) || DAYS < 2 || DAYS > 10)
  throw new Error('BENCH_FOOTAGE_DAYS must be a whole number from 2 to 10');
const SEGMENTS_PER_HOUR = 360;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// NOW lies a little after the real time, so the files just written count as settled, not still being
// written. The days of the tree (ten unless BENCH_FOOTAGE_DAYS) end 19 days before NOW or earlier; only the oldest day is past its 28 days
// at the next run: 103,680 files for the purge.
const NOW = Math.ceil(systemClock.now() / HOUR) * HOUR + HOUR + 30 * 60_000;
const FIRST_HOUR = NOW - 30 * 60_000 - 29 * DAY; // on the hour, as the tree's hour folders
const NEXT_RUN = FIRST_HOUR + 28 * DAY + DAY - 1;
const config: KioskConfig = { ...defaultConfig, footage: { ...defaultConfig.footage, settleMinutes: 0 } };

const pad = (value: number) => String(value).padStart(2, '0');

/** Writes one hour of every camera's segments; returns the number of files. */
function writeHour(root: string, hourStart: number): number {
  const date = new Date(hourStart);
  const day = date.toISOString().slice(0, 10);
  let count = 0;
  for (let camera = 0; camera < CAMERAS; camera++) {
    const folder = path.join(root, day, pad(date.getUTCHours()), `camera_${pad(camera)}`);
    fs.mkdirSync(folder, { recursive: true });
    for (let segment = 0; segment < SEGMENTS_PER_HOUR; segment++) {
      const seconds = segment * 10;
      fs.writeFileSync(path.join(folder, `${pad(Math.floor(seconds / 60))}.${pad(seconds % 60)}.mp4`), 'x');
      count++;
    }
  }
  return count;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const shell = spawnSync('which', ['sqlite3'], { encoding: 'utf8' }).stdout.trim();
if (!shell) throw new Error('the sqlite3 command-line shell is needed for the baselines: apt-get install sqlite3');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-footage-bench-'));
const root = path.join(work, 'root');
try {
  const generated = timed(() => {
    let files = 0;
    for (let hour = 0; hour < DAYS * 24; hour++) files += writeHour(root, FIRST_HOUR + hour * HOUR);
    return files;
  });
  const files = generated.value;
  // Written back to disk before anything is measured, so the kernel's writeback of a million new files
  // does not land in one measurement and miss the other.
  execFileSync('sync');

  // One walk first, unmeasured: every measurement below then meets the same warm inode and dentry
  // caches, not only the ones that happen to come after another.
  execFileSync('find', [root, '-type', 'f', '-printf', '%P\\t%s\\t%T@\\n'], { maxBuffer: 1 << 30 });
  // Baselines: find alone, and find imported by the sqlite3 shell into a table with a unique index.
  const findOnly = timed(() =>
    execFileSync('find', [root, '-type', 'f', '-printf', '%P\\t%s\\t%T@\\n'], { maxBuffer: 1 << 30 }),
  );
  const listing = path.join(work, 'listing.tsv');
  const baselineDatabase = path.join(work, 'baseline.sqlite3');
  const runPipeline = () =>
    timed(() => {
      fs.rmSync(baselineDatabase, { force: true });
      execFileSync('sh', ['-c', `find "${root}" -type f -printf '%P\\t%s\\t%T@\\n' > "${listing}"`]);
      execFileSync(shell, [
        baselineDatabase,
        '-cmd',
        'CREATE TABLE files (path TEXT NOT NULL UNIQUE, size INTEGER, mtime REAL);',
        '-cmd',
        '.mode tabs',
        `.import ${listing} files`,
      ]);
    }).ms;
  // The first scan runs in its own process, so its peak memory is its own, into an empty database.
  const runFirstScan = () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(work, `kiosk.sqlite3${suffix}`), { force: true });
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'footage-scan-child.ts'), work, root, String(NOW)],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssKb: number; added: number };
  };
  // Three of each, taking turns, each after a sync so that no run pays for another's writeback: this
  // machine's timings drift by a fifth within minutes, and a drift then reaches both sides alike.
  const pipelines: number[] = [];
  const firstScans: ReturnType<typeof runFirstScan>[] = [];
  for (let round = 0; round < 3; round++) {
    execFileSync('sync');
    pipelines.push(runPipeline());
    execFileSync('sync');
    firstScans.push(runFirstScan());
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  const pipeline = { ms: median(pipelines) };
  const firstScan = {
    ms: median(firstScans.map((run) => run.ms)),
    maxRssKb: Math.max(...firstScans.map((run) => run.maxRssKb)),
    added: firstScans[0]!.added,
  };
  const runsOf = (values: number[]) => values.map((value) => Math.round(value).toLocaleString('en')).join(', ');

  const database = await openDatabase(path.join(work, 'kiosk.sqlite3'));
  const clock = fixedClock(NOW);
  const scan = () => scanFootage({ database, root, config, clock });
  // The scheduler rescans every 15 minutes in a long-running process: the median of five rescans is
  // the figure; the first, in a fresh process (code not yet compiled, caches cold), is reported too.
  const rescans: { ms: number; value: Awaited<ReturnType<typeof scan>> }[] = [];
  for (let run = 0; run < 5; run++) rescans.push(await timedAsync(scan));
  const rescan = [...rescans].sort((a, b) => a.ms - b.ms)[2]!;
  if (rescans.some((run) => run.value.foldersRead !== 0 || run.value.added !== 0))
    throw new Error('a rescan of an unchanged tree read folders or added files');
  const rescanFind = timed(() =>
    execFileSync('find', [root, '-type', 'f', '-printf', '%P\\t%s\\t%T@\\n'], { maxBuffer: 1 << 30 }),
  );
  const newHour = writeHour(root, FIRST_HOUR + DAYS * 24 * HOUR);
  const afterHour = await timedAsync(scan);
  // The security view's time-of-day list and a camera's day, on the whole index, through the router.
  const lists = await measureTimeOfDayList({
    dataDir: work,
    config,
    now: NOW,
    firstHour: FIRST_HOUR,
    days: DAYS,
    cameras: CAMERAS,
  });

  // Purge: the oldest day, from disk and index, against `find -delete` of a tree like that day. Four
  // weeks old footage is on the disk, not only in the page cache, and deleting it costs the file system
  // more: both trees are flushed with `sync` first. Then the same again on files just written.
  const purgeAgainstFind = async (flushed: boolean) => {
    const baselineTree = path.join(work, 'baseline-day');
    for (let hour = 0; hour < 24; hour++) writeHour(baselineTree, FIRST_HOUR + hour * HOUR);
    if (flushed) execFileSync('sync');
    const ours = await timedAsync(() =>
      purgeFootage({ database, root, config, clock, nextRunAt: NEXT_RUN, dryRun: false }),
    );
    if (ours.value.outcome !== 'ok') throw new Error(`the purge did not run: ${JSON.stringify(ours.value)}`);
    if (flushed) execFileSync('sync');
    const baseline = timed(() => execFileSync('find', [baselineTree, '-type', 'f', '-delete']));
    const left = execFileSync('find', [baselineTree, '-type', 'f']).length;
    if (left !== 0) throw new Error('find -delete left files behind');
    return { ms: ours.ms, deleted: ours.value.counts.deleted, counts: ours.value.counts, baselineMs: baseline.ms };
  };
  const onDisk = await purgeAgainstFind(true);
  // The oldest day once more, written just now, and indexed again.
  for (let hour = 0; hour < 24; hour++) writeHour(root, FIRST_HOUR + hour * HOUR);
  await scan();
  const inCache = await purgeAgainstFind(false);
  const dayFiles = 24 * CAMERAS * SEGMENTS_PER_HOUR;
  for (const run of [onDisk, inCache]) {
    if (run.deleted !== dayFiles) {
      const which = run === onDisk ? 'files on disk' : 'files in page cache';
      throw new Error(
        `the purge (${which}) deleted ${run.deleted} files, not the day's ${dayFiles}: ${JSON.stringify(run.counts)}`,
      );
    }
  }
  await database.close();

  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`## Footage (${new Date(systemClock.now()).toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${cpu}, Node ${process.version}; tree of ${files.toLocaleString('en')} files made in ${ms(generated.ms)})

| benchmark | ours | baseline (same run, same tree) | target | met |
|---|---|---|---|---|
| first scan into an empty index (${firstScan.added.toLocaleString('en')} files) | median of 3: ${ms(firstScan.ms)} (runs: ${runsOf(firstScans.map((run) => run.ms))} ms) | \`find\` + sqlite3 shell import with a unique index, median of 3: ${ms(pipeline.ms)} (runs: ${runsOf(pipelines)} ms); \`find\` alone: ${ms(findOnly.ms)} | at most 1.1x the pipeline | ${ratio(firstScan.ms, pipeline.ms)}x the pipeline, ${ratio(firstScan.ms, findOnly.ms)}x find: ${firstScan.ms <= 1.1 * pipeline.ms ? 'yes' : 'NO'} |
| rescan, nothing changed | median of 5: ${ms(rescan.ms)} (first: ${ms(rescans[0]!.ms)}; ${rescan.value.foldersRead} folders read of ${rescan.value.folders}) | \`find\`: ${ms(rescanFind.ms)} | at least 50x faster than find | ${(rescanFind.ms / rescan.ms).toFixed(0)}x (first: ${(rescanFind.ms / rescans[0]!.ms).toFixed(0)}x): ${rescanFind.ms / rescan.ms >= 50 ? 'yes' : 'NO'} |
| rescan after one hour of new segments (${newHour.toLocaleString('en')} files) | ${ms(afterHour.ms)} (${afterHour.value.added.toLocaleString('en')} added) | (reported) | | |
| purge of ${dayFiles.toLocaleString('en')} expired files, disk and index, files on disk (\`sync\` first) | ${ms(onDisk.ms)} | \`find -delete\` of ${dayFiles.toLocaleString('en')} files: ${ms(onDisk.baselineMs)} | at most 1.3x | ${ratio(onDisk.ms, onDisk.baselineMs)}x: ${onDisk.ms <= 1.3 * onDisk.baselineMs ? 'yes' : 'NO'} |
| the same purge, files just written (page cache only) | ${ms(inCache.ms)} | \`find -delete\`: ${ms(inCache.baselineMs)} | at most 2x | ${ratio(inCache.ms, inCache.baselineMs)}x: ${inCache.ms <= 2 * inCache.baselineMs ? 'yes' : 'NO'} |
| time-of-day list: half an hour of a random day, one camera or all, 500 a page (${lists.rowsPerList} rows on average), through the router | median ${ms(lists.list.median)}, p99 ${ms(lists.list.p99)} | the bare SELECT: median ${ms(lists.bareList.median)}, p99 ${ms(lists.bareList.p99)} | p99 under 50 ms | ${lists.list.p99 < 50 ? 'yes' : 'NO'} |
| a camera's day on the timeline (${lists.clipsPerDay.toLocaleString('en')} clips), through the router | median ${ms(lists.timeline.median)}, p99 ${ms(lists.timeline.p99)} | | p99 under 20 ms | ${lists.timeline.p99 < 20 ? 'yes' : 'NO'} |
| peak memory (RSS) of the first scan | ${(firstScan.maxRssKb / 1024).toFixed(0)} MB | | under 200 MB | ${firstScan.maxRssKb / 1024 < 200 ? 'yes' : 'NO'} |
`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
