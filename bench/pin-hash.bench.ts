// PIN unlock cost: `npm run bench`, or alone with `node --import tsx bench/pin-hash.bench.ts`.
// One unlock reads one PIN with scrypt at the current parameters; the target is under 300 ms.
// The first release's N=2^15 is the baseline, measured in the same run.
import { performance } from 'node:perf_hooks';
import { scryptSync } from 'node:crypto';
import { defaultConfig } from '../shared/config';
import { fixedClock } from '../electron/core/clock';
import { createKiosk } from '../electron/core/kiosk';
import { CURRENT_PARAMS } from '../electron/core/staff/pin-hash';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = 7;
const PIN = '739164';
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pin-bench-'));
  const kiosk = await createKiosk({
    dataDir,
    config: defaultConfig,
    clock: fixedClock(Date.parse('2026-11-24T10:00:00Z')),
    logError: () => undefined,
  });
  try {
    const account = await kiosk.staff.add('operator', 'Ada', 'admin', PIN);
    const unlocks: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      await kiosk.staff.verify(account.id, PIN, 'bench');
      unlocks.push(performance.now() - start);
      start = performance.now();
      scryptSync(PIN, 'salt', 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
      baseline.push(performance.now() - start);
    }
    const { N, r, p } = CURRENT_PARAMS;
    console.log(`\n## PIN unlock (scrypt N=2^${Math.log2(N)}, r=${r}, p=${p}), median of ${RUNS}\n`);
    console.log('| what | median | all runs |');
    console.log('| --- | --- | --- |');
    console.log(
      `| unlock (staff.verify) | ${median(unlocks).toFixed(0)} ms | ${unlocks.map((t) => t.toFixed(0)).join(', ')} |`,
    );
    console.log(
      `| baseline scrypt N=2^15 | ${median(baseline).toFixed(0)} ms | ${baseline.map((t) => t.toFixed(0)).join(', ')} |`,
    );
  } finally {
    await kiosk.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
