// `npm test`: type-check, ESLint, Prettier, build, and the unit and end-to-end vitest projects, run
// as steps side by side on as many lanes as the machine has cores (at least two; `--jobs=N` to choose).
//
// Each vitest project is a process of its own: Vitest 4.1 runs projects whose `maxWorkers` differ one
// group after the other, and the e2e project (one Chromium at a time) is such a group. The tests need
// the build (the browser-mode server and the CLI run from dist/), so they start when it is done; the
// checks need nothing and fill the lanes meanwhile and at the end. Every step runs to its end even when
// another fails, the summary lists each one, and any failure fails the run.
//
// Extra arguments go to both vitest projects (e.g. `npm test -- --reporter=verbose`). A signal to this
// process (Ctrl+C) reaches every step through the process group.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jobsArgument = process.argv.slice(2).find((arg) => arg.startsWith('--jobs='));
const vitestArgs = process.argv.slice(2).filter((arg) => arg !== jobsArgument);
const lanes = jobsArgument ? Number(jobsArgument.slice('--jobs='.length)) : Math.max(2, os.availableParallelism());
if (!Number.isInteger(lanes) || lanes < 1)
  throw new Error(`--jobs wants a whole number of at least 1: ${jobsArgument}`);

/**
 * The e2e files in shards (vitest's own split, by file), two per lane: a lane that finishes its other
 * steps early takes a shard, so the lanes end together instead of one waiting on a single long e2e
 * run. With a file filter or other arguments the project runs whole, where a shard could be empty.
 */
function e2eSteps() {
  const command = ['vitest', 'run', '--project', 'e2e', ...vitestArgs];
  if (vitestArgs.length > 0) return [{ name: 'e2e', needs: ['build'], stream: true, commands: [command] }];
  const shards = lanes * 2;
  return Array.from({ length: shards }, (_, index) => ({
    name: `e2e ${index + 1}/${shards}`,
    needs: ['build'],
    stream: true,
    commands: [[...command, `--shard=${index + 1}/${shards}`]],
  }));
}

/**
 * In the order they start when a lane is free and what they need is done: the long test projects as
 * early as they can, so the short checks even out the lanes' ends. `stream` steps print their lines
 * as they come, marked with the step's name; the others print their output in one piece when done.
 */
const steps = [
  {
    name: 'build',
    commands: [
      ['vite', 'build'],
      ['node', 'scripts/build-node.mjs'],
    ],
  },
  { name: 'typecheck', commands: [['tsc', '--noEmit', '-p', 'tsconfig.json']] },
  { name: 'unit', needs: ['build'], stream: true, commands: [['vitest', 'run', '--project', 'unit', ...vitestArgs]] },
  ...e2eSteps(),
  { name: 'eslint', commands: [['eslint', '.']] },
  { name: 'prettier', commands: [['prettier', '--check', '.']] },
];

// As `npm run` does: the project's own binaries first on the PATH.
const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0'),
};

function runCommand(step, [command, ...args], output) {
  const child = spawn(command === 'node' ? process.execPath : command, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (step.stream) out.write(`[${step.name}] ${line}\n`);
      else output.push(line);
    });
  }
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(String(error));
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(signal ?? code ?? 1));
  });
}

async function runStep(step) {
  const started = performance.now();
  const output = [];
  let exit = 0;
  for (const command of step.commands) {
    exit = await runCommand(step, command, output);
    if (exit !== 0) break;
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  // A failed step's output and verdict go to stderr together.
  const out = exit === 0 ? process.stdout : process.stderr;
  if (!step.stream) out.write(output.map((line) => `[${step.name}] ${line}\n`).join(''));
  out.write(`[${step.name}] ${exit === 0 ? 'passed' : `FAILED (exit ${exit})`} in ${seconds} s\n`);
  return { exit, seconds };
}

const results = new Map(); // name -> { exit, seconds } or { skipped }
const running = new Set();
const waiting = [...steps];

await new Promise((allDone) => {
  const startWhatCan = () => {
    for (const step of [...waiting]) {
      if (running.size >= lanes) break;
      const needs = step.needs ?? [];
      const failedNeeds = needs.filter((name) => results.has(name) && results.get(name).exit !== 0);
      if (failedNeeds.length > 0) {
        // What it needs failed: it cannot run, and the run fails.
        waiting.splice(waiting.indexOf(step), 1);
        results.set(step.name, { skipped: true });
        console.log(`[${step.name}] not run: ${failedNeeds.join(', ')} failed`);
        continue;
      }
      if (!needs.every((name) => results.has(name))) continue;
      waiting.splice(waiting.indexOf(step), 1);
      running.add(step.name);
      runStep(step).then((result) => {
        running.delete(step.name);
        results.set(step.name, result);
        startWhatCan();
      });
    }
    if (running.size === 0 && waiting.length === 0) allDone();
  };
  startWhatCan();
});

console.log(`\nnpm test (lanes: ${lanes}):`);
for (const { name } of steps) {
  const result = results.get(name);
  const status = result.skipped ? 'not run' : result.exit === 0 ? 'passed' : `FAILED (exit ${result.exit})`;
  console.log(`  ${name.padEnd(10)} ${status}${result.skipped ? '' : `, ${result.seconds} s`}`);
}
process.exitCode = steps.every(({ name }) => results.get(name).exit === 0) ? 0 : 1;
