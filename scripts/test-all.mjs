// `npm test`'s last step: the unit and end-to-end projects side by side, one worker each.
//
// Vitest 4.1 runs projects whose `maxWorkers` differ as separate groups, one group after the other,
// and the e2e project (one Chromium at a time) lands in its own sequential group; on a 2-core machine
// the unit project gets one worker too, so every file ran after the previous one. Two processes give
// one unit worker beside the one e2e worker. Extra arguments go to both (e.g. `--reporter=verbose`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const extraArgs = process.argv.slice(2);

function runProject(project) {
  const child = spawn(process.execPath, [vitest, 'run', '--project', project, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
  });
  const prefix = `[${project}] `;
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ project, code: code ?? 1, signal }));
  });
}

// A signal to this process (Ctrl+C) reaches both children through the process group.
const results = await Promise.all([runProject('e2e'), runProject('unit')]);
for (const { project, code, signal } of results) {
  console.log(`${project}: ${code === 0 ? 'passed' : `failed (exit ${signal ?? code})`}`);
}
process.exitCode = results.every((result) => result.code === 0) ? 0 : 1;
