import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repository = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repository, 'node_modules', '.bin', 'tsx');

/** Runs the real CLI in a child process, as `npm run cli` does. */
export function cli(args: string[], env: Record<string, string> = {}, input = '') {
  const run = spawnSync(tsx, [path.join(repository, 'electron/cli/main.ts'), ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, KIOSK_NOW: '2026-11-24T10:15:00+01:00', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
