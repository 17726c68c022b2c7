import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const repo = path.resolve(import.meta.dirname, '../../..');

/** A project of its own with the real launcher and esbuild, and a CLI that prints one word. */
function project(word: string) {
  const root = makeTempDir('launcher-');
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.copyFileSync(path.join(repo, 'scripts/cli.mjs'), path.join(root, 'scripts/cli.mjs'));
  fs.copyFileSync(
    path.join(repo, 'scripts/node-bundle-options.mjs'),
    path.join(root, 'scripts/node-bundle-options.mjs'),
  );
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(path.join(repo, 'bin/kiosk.mjs'), path.join(root, 'bin/kiosk.mjs'));
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
  fs.mkdirSync(path.join(root, 'electron/cli'), { recursive: true });
  fs.mkdirSync(path.join(root, 'shared'));
  fs.writeFileSync(path.join(root, 'shared/word.ts'), `export const word = '${word}';\n`);
  fs.writeFileSync(
    path.join(root, 'electron/cli/main.ts'),
    "import { word } from '../../shared/word';\nconsole.log(word, process.argv.slice(2).join(' '));\n",
  );
  return root;
}

const launch = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/cli.mjs'), ...args], { encoding: 'utf8' });

/** Moves a file's modification time by seconds from the bundle's. */
function touchAfterBundle(root: string, file: string, seconds: number) {
  const bundleTime = fs.statSync(path.join(root, 'dist/electron/cli.js')).mtimeMs;
  const at = new Date(bundleTime + seconds * 1000);
  fs.utimesSync(path.join(root, file), at, at);
}

describe('npm run cli (scripts/cli.mjs)', () => {
  it('builds the bundle when it is missing and runs it with the arguments', () => {
    const root = project('one');
    const run = launch(root, 'staff', 'list');
    expect(run).toMatchObject({ status: 0, stdout: 'one staff list\n', stderr: '' });
    expect(fs.existsSync(path.join(root, 'dist/electron/cli.js'))).toBe(true);
    expect(fs.readdirSync(path.join(root, 'dist')).sort()).toEqual(['electron']); // no staging left behind
    // The `kiosk` bin is the same command.
    const bin = spawnSync(process.execPath, [path.join(root, 'bin/kiosk.mjs'), 'health'], { encoding: 'utf8' });
    expect(bin).toMatchObject({ status: 0, stdout: 'one health\n', stderr: '' });
  });

  it('runs the bundle alone where the sources are not shipped', () => {
    const root = project('one');
    launch(root);
    fs.rmSync(path.join(root, 'electron'), { recursive: true });
    fs.rmSync(path.join(root, 'shared'), { recursive: true });
    expect(launch(root, 'staff', 'list')).toMatchObject({ status: 0, stdout: 'one staff list\n', stderr: '' });
  });

  it('runs the existing bundle while no source is newer, and rebuilds when one under shared/ or electron/ is', () => {
    const root = project('one');
    launch(root);
    const bundle = path.join(root, 'dist/electron/cli.js');

    // A changed source that is not newer than the bundle is not looked at: the bundle runs as it is.
    fs.writeFileSync(path.join(root, 'shared/word.ts'), "export const word = 'two';\n");
    touchAfterBundle(root, 'shared/word.ts', -60);
    expect(launch(root).stdout).toBe('one \n');

    touchAfterBundle(root, 'shared/word.ts', 60);
    expect(launch(root).stdout).toBe('two \n');
    const rebuiltAt = fs.statSync(bundle).mtimeMs;

    fs.writeFileSync(
      path.join(root, 'electron/cli/main.ts'),
      "import { word } from '../../shared/word';\nconsole.log('three', word);\n",
    );
    touchAfterBundle(root, 'electron/cli/main.ts', 60);
    expect(launch(root).stdout).toBe('three two\n');
    expect(fs.statSync(bundle).mtimeMs).not.toBe(rebuiltAt);
  });

  it('several calls at once on a stale bundle each run a whole one (test files start CLIs in parallel)', async () => {
    const root = project('one');
    const launchAsync = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(root, 'scripts/cli.mjs'), 'go']);
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const runs = await Promise.all([1, 2, 3, 4].map(launchAsync));
    expect(runs).toEqual(Array(4).fill({ code: 0, stdout: 'one go\n' }));
    expect(fs.readdirSync(path.join(root, 'dist'))).toEqual(['electron']);
  });

  it('reports a build error and runs nothing', () => {
    const root = project('one');
    fs.writeFileSync(path.join(root, 'shared/word.ts'), 'export const word = ;\n');
    const run = launch(root);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/word\.ts/);
    expect(fs.existsSync(path.join(root, 'dist/electron/cli.js'))).toBe(false);
  });
});
