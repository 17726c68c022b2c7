import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
const NOW = '2026-11-24T10:15:00+01:00';
const PIN = '482915';

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist/electron/browser-server.js')))
    throw new Error('run `npm run build` first (npm test does)');
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** The browser-mode kiosk as a process of its own; resolves with its address and token. */
function startKiosk(dataDir: string): Promise<{ base: string; token: string }> {
  const child = spawn(process.execPath, ['dist/electron/browser-server.js', '--data-dir', dataDir, '--no-open'], {
    cwd: root,
    env: { ...process.env, KIOSK_NOW: NOW },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const url = output.split('\n').find((line) => /^http:\/\/127\.0\.0\.1:\d+\/#token=/.test(line));
      if (url) resolve({ base: new URL(url).origin, token: new URL(url).hash.replace('#token=', '') });
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${output}`)));
  });
}

/** The screen id the server hands out with the page, as the cookie a browser would send back. */
async function screenCookie(base: string): Promise<string> {
  const page = await fetch(`${base}/`);
  const cookie = page.headers.get('set-cookie');
  if (!cookie) throw new Error('the page came without a screen id');
  return cookie.split(';')[0]!;
}

/** Calls the running kiosk's API as one screen, with the key and the screen id its page was given. */
async function callerOf({ base, token }: { base: string; token: string }) {
  const cookie = await screenCookie(base);
  return async (channel: string, input: unknown) => {
    const response = await fetch(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-token': token, cookie },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the API answer as JSON
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('a running browser-mode kiosk and settings changed from another process', () => {
  it('picks up settings set schedules.visitPurge without a restart: its next run moves, and it runs then', async () => {
    const dataDir = makeTempDir();
    expect(
      cli(['staff', 'add', '--name', 'Ada Admin', '--role', 'admin', '--data-dir', dataDir], {}, `${PIN}\n`).code,
    ).toBe(0);
    const call = await callerOf(await startKiosk(dataDir));
    expect((await call('staff.unlock', { staffId: 1, pin: PIN })).ok).toBe(true);
    const status = async () => (await call('retention.status', {})).value;
    const visitPurges = async () =>
      ((await status()).lastRuns as { job: string; startedAt: number }[]).filter((run) => run.job === 'visitPurge');

    // Hourly by default: the next run is on the hour, and the run made up at start is the only one.
    const before = await status();
    expect(new Date(before.nextVisitPurgeAt).getUTCMinutes()).toBe(0);
    await until('the run made up at start', async () => ((await visitPurges()).length === 1 ? true : undefined));

    // Another process changes the schedule to every two seconds (node-cron's optional seconds field,
    // so the wait for a run on the new schedule is seconds of real time, not up to a minute).
    const set = cli(['settings', 'set', 'schedules.visitPurge', '"*/2 * * * * *"', '--data-dir', dataDir]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);

    const moved = await until('the new next run', async () => {
      const next = (await status()).nextVisitPurgeAt as number;
      return next < before.nextVisitPurgeAt ? next : undefined;
    });
    expect(moved - (await status()).now).toBeLessThanOrEqual(60_000);
    // The scheduler itself was re-planned: a second run comes within seconds, not at the hour.
    await until('a run on the new schedule', async () => ((await visitPurges()).length >= 2 ? true : undefined));

    // The change is audited by the process that made it.
    const audit = await call('audit.list', { action: 'settings' });
    expect(audit.value).toEqual([
      expect.objectContaining({
        action: 'settings.changed',
        actor: 'operator',
        detail: { key: 'schedules.visitPurge', before: '"0 * * * *"', after: '"*/2 * * * * *"', source: 'app' },
      }),
    ]);
  }, 240_000);

  it('a hand edit of config.json is applied, and a broken one refused with an alarm naming the problem', async () => {
    const dataDir = makeTempDir();
    expect(
      cli(['staff', 'add', '--name', 'Ada Admin', '--role', 'admin', '--data-dir', dataDir], {}, `${PIN}\n`).code,
    ).toBe(0);
    const call = await callerOf(await startKiosk(dataDir));
    const file = path.join(dataDir, 'config.json');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- config.json as JSON
    const edit = (change: (config: any) => void) => {
      const config = JSON.parse(fs.readFileSync(file, 'utf8'));
      change(config);
      fs.writeFileSync(file, JSON.stringify(config, null, 2));
    };

    edit((config) => (config.retention.visitMonths = 4));
    await until('the notice with 4 months', async () =>
      (await call('notice.current', {})).value.visitRetentionMonths === 4 ? true : undefined,
    );

    edit((config) => (config.retention.visitMonths = 9));
    expect((await call('staff.unlock', { staffId: 1, pin: PIN })).ok).toBe(true);
    const health = await until('the alarm', async () => {
      const current = (await call('health.current', {})).value;
      return current.problems.some((problem: { key: string }) => problem.key === 'configRefused') ? current : undefined;
    });
    expect(health.problems).toContainEqual(
      expect.objectContaining({
        key: 'configRefused',
        params: { problem: expect.stringMatching(/retention\.visitMonths: must be at most 6/) },
      }),
    );
    // The kiosk keeps its last good settings.
    expect((await call('notice.current', {})).value.visitRetentionMonths).toBe(4);
  }, 240_000);
});
