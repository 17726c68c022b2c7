// Today's list on 1,000,000 visits, the desk's path (`kiosk.handle` for an unlocked receptionist:
// session, access, input, the query, the audit of a refresh), against the bare SELECT of the same day,
// taking turns in blocks so a busy machine weighs on both alike. Part of `npm run bench`; alone:
// `BENCH_ONLY=today-list npm run bench`. BENCH_VISITS=200000 makes it smaller (ratios only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../shared/config';
import { fixedClock, systemClock } from '../electron/core/clock';
import { createKiosk } from '../electron/core/kiosk';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const TOTAL = Number(process.env.BENCH_VISITS ?? 1_000_000);
const PER_DAY = 200;
const BLOCKS = 20;
const PER_BLOCK = 100;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-today-bench-'));
const kiosk = await createKiosk({ dataDir, config: defaultConfig, clock: fixedClock(NOW), logError: () => undefined });
// About 200 visitors a day for 13.7 years: a million visits, today's list a realistic 200.
const step = Math.floor(DAY / PER_DAY);
const firstAt = NOW - (TOTAL / PER_DAY) * DAY + DAY / 2;
await kiosk.database.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${TOTAL - 1})
  INSERT INTO visits (first_name, last_name, company, plate, plate_kind, notice_version, signed_in_at, signed_out_at, sign_out_method, sign_out_code, search_text)
  SELECT 'V' || i, 'Visitor', 'Company ' || (i % 997), '12-ABC-3', 'nl', '1-6m-28d', ${firstAt} + i * ${step},
         ${firstAt} + i * ${step} + 3600000, 'kiosk', 'C' || i, 'v' || i || ' visitor company ' || (i % 997) || ' 12abc3' FROM n;`);
await kiosk.database.checkpoint();

const receptionist = await kiosk.staff.add('operator', 'Bench Desk', 'receptionist', '135790');
await kiosk.handle('desk', 'staff.unlock', { staffId: receptionist.id, pin: '135790' });
const first = await kiosk.handle('desk', 'visits.today', {}); // warms the page cache, writes the one audit row
if (!first.ok) throw new Error(`visits.today failed: ${JSON.stringify(first)}`);
const rows = (first.value as { visits: unknown[] }).visits.length;
const dayStart = NOW - (NOW % DAY) - 3_600_000; // Amsterdam is UTC+1 in November
const bareSelect = () =>
  kiosk.database.all('SELECT * FROM visits WHERE signed_in_at >= ? AND signed_in_at < ?', [dayStart, dayStart + DAY]);
const bareRows = (await bareSelect()).length;
if (bareRows !== rows) throw new Error(`the bare SELECT found ${bareRows} visits, today's list ${rows}`);

const ours: number[] = [];
const bare: number[] = [];
const measure = async (into: number[], work: () => Promise<unknown>) => {
  for (let index = 0; index < PER_BLOCK; index++) {
    const start = performance.now();
    await work();
    into.push(performance.now() - start);
  }
};
for (let block = 0; block < BLOCKS; block++) {
  await measure(bare, bareSelect);
  await measure(ours, () => kiosk.handle('desk', 'visits.today', {}));
}
await kiosk.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const ms = (value: number) => `${value.toFixed(2)} ms`;
const ratio = percentile(ours, 99) / percentile(bare, 99);
console.log(`## Today's list (${new Date(systemClock.now()).toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version})

| benchmark | ours | baseline (same run, same data) | target | met |
|---|---|---|---|---|
| today's list (${rows} visits) for an unlocked receptionist, through \`kiosk.handle\`, on ${TOTAL.toLocaleString('en')} visits (${BLOCKS * PER_BLOCK} calls each, taking turns) | median ${ms(percentile(ours, 50))}, p99 ${ms(percentile(ours, 99))} | the bare SELECT: median ${ms(percentile(bare, 50))}, p99 ${ms(percentile(bare, 99))} | p99 at most 1.3x the bare SELECT's | ${ratio.toFixed(2)}x ${ratio <= 1.3 ? 'yes' : 'NO'} |
`);
