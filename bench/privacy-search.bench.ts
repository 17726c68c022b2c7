// The privacy search over 50,000 visits (more than six months at a busy desk): an in-memory scan that
// normalises every name, company and plate, against a baseline of SQLite's own LIKE over the same rows
// (which is not accent- or punctuation-insensitive). Run alone: `npx tsx bench/privacy-search.bench.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../shared/config';
import { fixedClock } from '../electron/core/clock';
import { createKiosk } from '../electron/core/kiosk';

const VISITS = 50_000;
const RUNS = 5;
const NOW = Date.parse('2026-11-24T12:00:00Z');
const SIX_MONTHS = 183 * 24 * 3_600_000;
const FIRST = ['Zoë', 'Anna', 'Piet', 'Jan', 'Fatima', 'Mohammed', 'Sanne', 'Ömer', 'Chloé', 'Lars'];
const LAST = ["D'Arcy", 'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Yılmaz', 'Smit', 'Müller', 'El Idrissi'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-bench-'));
const kiosk = await createKiosk({ dataDir: work, config: defaultConfig, clock: fixedClock(NOW), logError: () => {} });
await kiosk.database.transaction(async (tx) => {
  for (let index = 0; index < VISITS; index++) {
    await tx.run(
      `INSERT INTO visits (first_name, last_name, company, plate, plate_kind, notice_version, signed_in_at,
                           signed_out_at, sign_out_method, sign_out_code)
       VALUES (?, ?, ?, ?, 'foreign', '1-6m-28d', ?, ?, 'kiosk', ?)`,
      [
        FIRST[index % FIRST.length]!,
        `${LAST[index % LAST.length]!}${index % 97}`,
        `Company ${index % 500} B.V.`,
        `GB-${String(index).padStart(5, '0')}`,
        NOW - SIX_MONTHS + Math.floor((index * SIX_MONTHS) / VISITS),
        NOW - SIX_MONTHS + Math.floor((index * SIX_MONTHS) / VISITS) + 3_600_000,
        `C${String(index).padStart(5, '0')}`,
      ],
    );
  }
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function time(run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return { median: median(times), all: times.map((ms) => Math.round(ms)) };
}

const search = await time(() => kiosk.privacy.search('operator', { query: 'zoe darcy', purpose: 'other' }));
const hits = (await kiosk.privacy.search('operator', { query: 'zoe darcy', purpose: 'other' })).visits.length;
const baseline = await time(() =>
  kiosk.database.all(
    "SELECT * FROM visits WHERE (first_name LIKE '%zoe%' OR last_name LIKE '%zoe%') AND (first_name LIKE '%darcy%' OR last_name LIKE '%darcy%')",
  ),
);
console.log(
  JSON.stringify({
    visits: VISITS,
    hits,
    searchMedianMs: Math.round(search.median),
    searchRunsMs: search.all,
    likeBaselineMedianMs: Math.round(baseline.median),
    likeRunsMs: baseline.all,
    ratio: Number((search.median / baseline.median).toFixed(1)),
  }),
);
await kiosk.close();
fs.rmSync(work, { recursive: true, force: true });
