import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');

/** `npm start` with a stand-in Electron binary that prints the data folder it was given and its arguments. */
function startWithStandIn(options: string[], environment: NodeJS.ProcessEnv) {
  const dist = makeTempDir();
  const relative = fs.existsSync(path.join(root, 'node_modules/electron/path.txt'))
    ? fs.readFileSync(path.join(root, 'node_modules/electron/path.txt'), 'utf8').trim()
    : 'electron';
  const binary = path.join(dist, relative);
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.writeFileSync(binary, '#!/bin/sh\necho "data=$KIOSK_DATA_DIR"\necho "args=$*"\n', { mode: 0o755 });
  const inherited = { ...process.env };
  delete inherited.KIOSK_DATA_DIR;
  return spawnSync(process.execPath, ['scripts/start.mjs', ...options], {
    cwd: root,
    encoding: 'utf8',
    env: { ...inherited, ELECTRON_OVERRIDE_DIST_PATH: dist, npm_lifecycle_event: 'start', ...environment },
  });
}

describe.skipIf(process.platform === 'win32')('npm start -- --data-dir D with the Electron window', () => {
  it('gives the window the folder as KIOSK_DATA_DIR, read from where the person typed the command', () => {
    const typedIn = makeTempDir();
    const run = startWithStandIn(['--data-dir', './data'], { INIT_CWD: typedIn });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`data=${path.join(typedIn, 'data')}\n`);
    expect(run.stdout).toContain('args=.\n');
  });

  it('reads a relative KIOSK_DATA_DIR from there too, and leaves an absolute one as it is', () => {
    const typedIn = makeTempDir();
    expect(startWithStandIn([], { INIT_CWD: typedIn, KIOSK_DATA_DIR: 'kiosk' }).stdout).toContain(
      `data=${path.join(typedIn, 'kiosk')}\n`,
    );
    const absolute = makeTempDir();
    expect(startWithStandIn([`--data-dir=${absolute}`], { INIT_CWD: typedIn }).stdout).toContain(`data=${absolute}\n`);
  });
});
