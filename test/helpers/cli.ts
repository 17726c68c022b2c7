import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
// As `npm run cli` runs it: the bundled CLI, rebuilt first when a source is newer.
const launcher = path.join(root, 'scripts', 'cli.mjs');

/** Runs the real CLI in a child process, as `npm run cli` does; `input` is its standard input. */
export function runCli(args: string[], input = '', env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, KIOSK_NOW: '2026-11-24T10:15:00+01:00', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, with the environment before the standard input. */
export function cli(args: string[], env: Record<string, string> = {}, input = '') {
  return runCli(args, input, env);
}
