// Visit benchmarks: `npm run bench`. Each figure is measured against a baseline in the same run, on
// the same data. Results are printed as Markdown for docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../shared/config';
import { noticeVersion } from '../shared/notice';
import { fixedClock, systemClock } from '../electron/core/clock';
import { createKiosk, DATABASE_FILE_NAME } from '../electron/core/kiosk';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
// BENCH_VISITS makes a smaller run, to try a change on a busy machine (ratios only).
const TOTAL = Number(process.env.BENCH_VISITS ?? 1_000_000);
const quiet = () => undefined;

function sqliteShell(): string {
  const found = spawnSync('which', ['sqlite3'], { encoding: 'utf8' });
  if (found.status !== 0)
    throw new Error('the sqlite3 command-line shell is needed for the baselines: apt-get install sqlite3');
  return found.stdout.trim();
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/** Rows made inside SQLite: `count` visits, one every `stepMs`, the first at `firstAt`. */
function visitsSql(count: number, firstAt: number, stepMs: number, prefix: string) {
  return `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${count - 1})
    INSERT INTO visits (first_name, last_name, company, plate, plate_kind, notice_version, signed_in_at, signed_out_at, sign_out_method, sign_out_code, search_text)
    SELECT '${prefix}' || i, 'Visitor', 'Company ' || (i % 997), '12-ABC-3', 'nl', '1-6m-28d', ${firstAt} + i * ${stepMs},
           ${firstAt} + i * ${stepMs} + 3600000, 'kiosk', 'C' || i,
           lower('${prefix}') || i || ' visitor company ' || (i % 997) || ' 12abc3' FROM n;`;
}

async function freshDataDir(setupSql: string[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'));
  const kiosk = await createKiosk({ dataDir, config: defaultConfig, clock: fixedClock(NOW), logError: quiet });
  for (const sql of setupSql) await kiosk.database.exec(sql);
  await kiosk.close(); // a clean close checkpoints: the file holds everything, no WAL
  return dataDir;
}

async function purgeBenchmark(shell: string) {
  const expiredSpan = 180 * DAY; // 13 to 7 months ago
  const recentSpan = 150 * DAY; // the last five months
  const half = TOTAL / 2;
  const dataDir = await freshDataDir([
    visitsSql(half, NOW - 395 * DAY, Math.floor(expiredSpan / half), 'Old'),
    visitsSql(half, NOW - recentSpan, Math.floor(recentSpan / half), 'New'),
  ]);
  const ours = path.join(dataDir, DATABASE_FILE_NAME);
  const theirs = path.join(dataDir, 'baseline.sqlite3');
  fs.copyFileSync(ours, theirs);
  const cutoff = NOW - 200 * DAY; // every Old visit, no New one

  const shellStart = performance.now();
  execFileSync(shell, [theirs, `DELETE FROM visits WHERE signed_in_at <= ${cutoff};`]);
  const shellMs = performance.now() - shellStart;
  const shellRemaining = Number(
    execFileSync(shell, [theirs, 'SELECT count(*) FROM visits;'], { encoding: 'utf8' }).trim(),
  );

  const kiosk = await createKiosk({ dataDir, config: defaultConfig, clock: fixedClock(NOW), logError: quiet });
  const start = performance.now();
  const run = await kiosk.retention.run();
  const oursMs = performance.now() - start;
  const remaining = (await kiosk.database.get<{ n: number }>('SELECT count(*) AS n FROM visits'))!.n;
  await kiosk.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (run.outcome !== 'ok' || remaining !== shellRemaining || run.counts.erased !== half) {
    throw new Error(
      `purge benchmark did not do the same work: ${JSON.stringify(run)}, ${remaining} vs ${shellRemaining} left`,
    );
  }
  return { oursMs, shellMs, erased: run.counts.erased };
}

async function queryBenchmarks() {
  // About 200 visitors a day for 13.7 years: a million visits, today's list a realistic 200.
  const perDay = 200;
  const step = Math.floor(DAY / perDay);
  const dataDir = await freshDataDir([visitsSql(TOTAL, NOW - (TOTAL / perDay) * DAY + DAY / 2, step, 'V')]);
  const clock = { now: () => NOW };
  // The clock stands still: the public screen's per-minute cap is raised to its maximum, so all 500
  // timed sign-ins are taken (and still pass through the cap's check).
  const config = { ...defaultConfig, publicScreen: { maxSignInsPerMinute: 600 } };
  const kiosk = await createKiosk({ dataDir, config, clock, logError: quiet });

  const time = async (runs: number, work: (index: number) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let index = 0; index < runs; index++) {
      const start = performance.now();
      await work(index);
      samples.push(performance.now() - start);
    }
    return { median: percentile(samples, 50), p99: percentile(samples, 99) };
  };

  const { start, end } = { start: NOW - (NOW % DAY) - 3_600_000, end: NOW - (NOW % DAY) + DAY - 3_600_000 };
  // The reception view's path: an unlocked session, whose first view is audited and refreshes are not.
  const receptionist = await kiosk.staff.add('operator', 'Bench Desk', 'receptionist', '135790');
  await kiosk.handle('desk', 'staff.unlock', { staffId: receptionist.id, pin: '135790' });
  await kiosk.handle('desk', 'visits.today', {}); // warms the page cache, writes the one audit row
  const todayRows = (await kiosk.visits.today()).visits.length;
  const todayRaw = await time(1000, () =>
    kiosk.database.all('SELECT * FROM visits WHERE signed_in_at >= ? AND signed_in_at < ?', [start, end]),
  );
  const today = await time(1000, () => kiosk.handle('desk', 'visits.today', {}));

  const version = noticeVersion(defaultConfig);
  const insertRaw = await time(500, (index) =>
    kiosk.database.run(
      'INSERT INTO visits (first_name, last_name, company, plate, plate_kind, notice_version, signed_in_at, signed_out_at, sign_out_method, sign_out_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ['Raw', 'Insert', 'ACME', '12-ABC-3', 'nl', version, NOW, NOW, 'kiosk', `R${index}`],
    ),
  );
  const signIn = await time(500, (index) =>
    kiosk.router.invoke(
      'visits.signIn',
      {
        firstName: 'Bench',
        lastName: `Visitor ${String.fromCharCode(65 + (index % 26))}`,
        company: 'ACME',
        plate: '12abc3',
        noticeVersion: version,
      },
      { kind: 'kiosk', terminal: 'bench' },
    ),
  );
  const { synchronous } = (await kiosk.database.get<{ synchronous: number }>('PRAGMA synchronous'))!;
  await kiosk.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { todayRows, todayRaw, today, insertRaw, signIn, synchronous };
}

const shell = sqliteShell();
const shellVersion = execFileSync(shell, ['--version'], { encoding: 'utf8' }).split(' ')[0];
const purge = await purgeBenchmark(shell);
const queries = await queryBenchmarks();
const ratio = purge.oursMs / purge.shellMs;

console.log(`## Visits (${new Date(systemClock.now()).toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, sqlite3 shell ${shellVersion})

| benchmark | ours | baseline (same run, same data) | target | met |
|---|---|---|---|---|
| purge of ${TOTAL.toLocaleString('en')} visits, ${purge.erased.toLocaleString('en')} expired, secure_delete on, WAL checkpointed | ${ms(purge.oursMs)} | plain \`DELETE\` in the sqlite3 shell: ${ms(purge.shellMs)} | at most 1.2x the shell | ${ratio.toFixed(2)}x ${ratio <= 1.2 ? 'yes' : 'NO'} |
| today's list (${queries.todayRows} visits) for an unlocked receptionist, through the router, on ${TOTAL.toLocaleString('en')} visits | median ${ms(queries.today.median)}, p99 ${ms(queries.today.p99)} | the bare SELECT: median ${ms(queries.todayRaw.median)}, p99 ${ms(queries.todayRaw.p99)} | p99 under 5 ms | ${queries.today.p99 < 5 ? 'yes' : 'NO'} |
| sign-in through the router (validation, code, INSERT, fsync: synchronous=${queries.synchronous === 2 ? 'FULL' : queries.synchronous}) | median ${ms(queries.signIn.median)}, p99 ${ms(queries.signIn.p99)} | a bare INSERT: median ${ms(queries.insertRaw.median)}, p99 ${ms(queries.insertRaw.p99)} | p99 under 20 ms | ${queries.signIn.p99 < 20 ? 'yes' : 'NO'} |
`);
