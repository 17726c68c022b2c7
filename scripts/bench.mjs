// `npm run bench`: every benchmark under bench/, each printing Markdown for docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The footage benchmark ends by removing a million files, which keeps the kernel busy for a while
// after: the latency benchmarks of the visits run first, on a quiet machine.
const files = fs
  .readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  // BENCH_ONLY=cli,today-list runs those files only (bench/cli.bench.ts, bench/today-list.bench.ts).
  .filter(
    (name) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name.replace('.bench.ts', '')),
  )
  .sort()
  .reverse();
let failed = false;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', file)], { stdio: 'inherit' });
  failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;
