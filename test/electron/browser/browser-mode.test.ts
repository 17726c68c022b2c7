import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist/electron/browser-server.js')))
    throw new Error('run `npm run build` first (npm test does)');
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Starts a shell script as a user would and collects its stdout until the URL line appears. */
function startUntilUrl(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ lines: string[]; url: string }> {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...env } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no URL line in: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const lines = output.split('\n');
      const url = lines.find((line) => /^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/.test(line));
      if (url) {
        clearTimeout(timer);
        resolve({ lines, url });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

describe('browser mode as a process', () => {
  it('prints its URL with the token on a line of its own and serves the kiosk on loopback', async () => {
    const dataDir = makeTempDir();
    const { url } = await startUntilUrl('dist/electron/browser-server.js', [
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--no-open',
    ]);
    const { port } = new URL(url);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const token = new URL(url).hash.replace('#token=', '');
    const notice = await fetch(`http://127.0.0.1:${port}/api/notice.current`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-kiosk-token': token,
        // The screen id the server handed out with the page.
        cookie: page.headers.get('set-cookie')!.split(';')[0]!,
      },
      body: '{}',
    });
    expect(await notice.json()).toMatchObject({
      ok: true,
      value: { organisationName: 'Ploum', visitRetentionMonths: 6 },
    });
    expect(fs.existsSync(path.join(dataDir, 'kiosk.sqlite3'))).toBe(true);
  });

  it('a new launch has a new token', async () => {
    const first = await startUntilUrl('dist/electron/browser-server.js', ['--data-dir', makeTempDir(), '--no-open']);
    const second = await startUntilUrl('dist/electron/browser-server.js', ['--data-dir', makeTempDir(), '--no-open']);
    expect(new URL(first.url).hash).not.toBe(new URL(second.url).hash);
  });

  it.each([
    [['--port', 'eighty'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--colour'], /Unknown option '--colour'/],
  ])('exits 2 for %j', (args, message) => {
    const run = spawnSync(
      process.execPath,
      ['dist/electron/browser-server.js', '--data-dir', makeTempDir(), '--no-open', ...args],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('--help prints the options and exits 0', () => {
    const run = spawnSync(process.execPath, ['dist/electron/browser-server.js', '--help'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    for (const option of ['--data-dir', '--port', '--no-open', '--renderer-dir', '--help'])
      expect(run.stdout).toContain(option);
    expect(run.stdout).toContain('npm run start:browser -- [options]');
  });

  it('npm start without the Electron binary says so in one line and starts browser mode', async () => {
    const { lines } = await startUntilUrl('scripts/start.mjs', ['--data-dir', makeTempDir(), '--no-open'], {
      ELECTRON_OVERRIDE_DIST_PATH: path.join(makeTempDir(), 'no-electron-here'),
    });
    expect(lines[0]).toMatch(/^Electron is not installed .*npm run fetch:electron.*Starting browser mode\.$/);
  });

  it.skipIf(process.platform === 'win32')(
    'stops the Chromium it opened, and removes its profile, when it exits',
    async () => {
      // A stand-in `chromium` first on PATH: it reports its pid, its helper's pid and its profile.
      const bin = makeTempDir();
      fs.symlinkSync(path.join(root, 'test/fixtures/fake-chromium.sh'), path.join(bin, 'chromium'));
      const report = path.join(makeTempDir(), 'report');
      const environment = { PATH: `${bin}${path.delimiter}${process.env.PATH}`, FAKE_CHROMIUM_REPORT: report };
      await startUntilUrl('dist/electron/browser-server.js', ['--data-dir', makeTempDir()], environment);
      await expect.poll(() => fs.existsSync(report), { timeout: 20_000 }).toBe(true);
      const [pid, helper, profile] = fs.readFileSync(report, 'utf8').trim().split(' ');
      expect(fs.existsSync(path.join(profile!, 'Cookies'))).toBe(true);
      const server = children.at(-1)!;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      expect(fs.existsSync(profile!)).toBe(false);
      const alive = (id: string) => {
        try {
          return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${id}/stat`, 'utf8'));
        } catch {
          return false;
        }
      };
      await expect.poll(() => alive(pid!) || alive(helper!), { timeout: 20_000 }).toBe(false);
    },
  );
});
