import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dir';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/**
 * Starts the symlink attacker (test/fixtures/symlink-attacker.mjs) on a plan and resolves once it has
 * swapped everything at least once. `stop` makes it put every swapped path back and exit.
 */
export async function startSymlinkAttacker(swaps: { path: string; targets: string[] }[]) {
  const folder = makeTempDir('attack-plan-');
  const plan = path.join(folder, 'plan.json');
  fs.writeFileSync(plan, JSON.stringify({ swaps }));
  return startFixture('symlink-attacker.mjs', [plan], 'swapping', folder);
}

/**
 * Starts the symlink flipper (test/fixtures/symlink-flipper.mjs): `link` points at each of `targets`
 * in turn, every switch atomic. `stop` leaves it at the first target.
 */
export async function startSymlinkFlipper(link: string, targets: string[]) {
  const folder = makeTempDir('attack-plan-');
  return startFixture('symlink-flipper.mjs', [link], 'flipping', folder, targets);
}

async function startFixture(script: string, args: string[], started: string, folder: string, more: string[] = []) {
  const stopFile = path.join(folder, 'stop');
  const child = spawn(process.execPath, [path.join(FIXTURES, script), ...args, stopFile, ...more], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(started)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the attacker stopped early (${code}): ${output}`)));
  });
  return {
    stop: () =>
      new Promise<string>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve(output));
        fs.writeFileSync(stopFile, '');
      }),
  };
}
