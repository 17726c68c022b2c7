// One CLI command, built (`node dist/electron/cli.js visits today`), against starting Node with nothing
// to do (`node -e 0`), taking turns, on a small data folder; the medians are compared. Part of
// `npm run bench`; alone: `node --import tsx bench/cli.bench.ts` (builds dist/electron first).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../electron/core/clock';

const RUNS = 15;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-cli-bench-'));
execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
const cli = ['dist/electron/cli.js', 'visits', 'today', '--data-dir', dataDir];
const env = { ...process.env, KIOSK_NOW: '2026-11-24T10:00:00Z' };
execFileSync(process.execPath, cli, { env }); // creates the database and config.json: later runs only read

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const command: number[] = [];
const bare: number[] = [];
for (let run = 0; run < RUNS; run++) {
  let start = performance.now();
  execFileSync(process.execPath, cli, { env });
  command.push(performance.now() - start);
  start = performance.now();
  execFileSync(process.execPath, ['-e', '0'], { env });
  bare.push(performance.now() - start);
}
fs.rmSync(dataDir, { recursive: true, force: true });
const ratio = median(command) / median(bare);
console.log(`## Command line (${new Date(systemClock.now()).toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version})

| benchmark | ours | baseline (same run) | target | met |
|---|---|---|---|---|
| \`visits today\`, built, on a small data folder (median of ${RUNS}, taking turns) | ${Math.round(median(command))} ms | \`node -e 0\`: ${Math.round(median(bare))} ms | at most 3x | ${ratio.toFixed(2)}x ${ratio <= 3 ? 'yes' : 'NO'} |
`);
