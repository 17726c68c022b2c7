// `npm run bench`: every benchmark under bench/, each printing Markdown for docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const files = fs
  .readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
let failed = false;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', file)], { stdio: 'inherit' });
  failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;
