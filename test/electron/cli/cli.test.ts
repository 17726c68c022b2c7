import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Runs the real CLI in a child process, as `npm run cli` does. */
function cli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(tsx, [path.join(root, 'electron/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, KIOSK_NOW: '2026-11-24T10:15:00+01:00', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('kiosk CLI', () => {
  it('registers a visitor and lists them with the plate in dashed form', () => {
    const dataDir = makeTempDir();
    const signIn = cli([
      'visits',
      'sign-in',
      '--first',
      'Zoë',
      '--last',
      "van 't Hoff",
      '--company',
      'ACME',
      '--plate',
      '12abc3',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(signIn).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(signIn.stdout)).toMatchObject({
      firstName: 'Zoë',
      signOutCode: expect.stringMatching(/^\w{6}$/),
    });

    const today = cli(['visits', 'today', '--data-dir', dataDir, '--json']);
    expect(today.code).toBe(0);
    expect(JSON.parse(today.stdout)).toMatchObject({
      date: '2026-11-24',
      onSiteCount: 1,
      visits: [{ firstName: 'Zoë', lastName: "van 't Hoff", company: 'ACME', plate: '12-ABC-3' }],
    });
    // KIOSK_NOW starts the clock; it runs on while the process works.
    const signedInAt = JSON.parse(today.stdout).visits[0].signedInAt - Date.parse('2026-11-24T09:15:00Z');
    expect(signedInAt).toBeGreaterThanOrEqual(0);
    expect(signedInAt).toBeLessThan(60_000);

    const text = cli(['visits', 'today', '--data-dir', dataDir]);
    expect(text.stdout).toMatch(/10:15 +on site +Zoë van 't Hoff +ACME +12-ABC-3/);
    expect(fs.existsSync(path.join(dataDir, 'config.json'))).toBe(true);
  });

  it.each([
    ['a bad name', ['visits', 'sign-in', '--first', '<b>', '--last', 'X'], /firstName: Only letters, spaces/],
    ['a missing name', ['visits', 'sign-in', '--first', 'Anna'], /lastName: Please fill in this field/],
    [
      'a bad plate',
      ['visits', 'sign-in', '--first', 'A', '--last', 'B', '--plate', '###'],
      /plate: This does not look like a licence plate/,
    ],
    ['an unknown command', ['visits', 'dance'], /unknown command "visits dance"/],
    ['an unknown option', ['visits', 'today', '--colour'], /Unknown option '--colour'/],
  ])('exits 2 with one line for %s and stores nothing', (_why, args, message) => {
    const dataDir = makeTempDir();
    const run = cli([...args, '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    const today = cli(['visits', 'today', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(today.stdout).visits).toEqual([]);
  });

  it('exits 2 for an invalid KIOSK_NOW', () => {
    const run = cli(['visits', 'today', '--data-dir', makeTempDir()], { KIOSK_NOW: 'yesterday' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/KIOSK_NOW must be an ISO 8601 timestamp/);
  });

  it('exits 2 for a configuration the privacy notice does not allow, and erases nothing', () => {
    const dataDir = makeTempDir();
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ retention: { visitMonths: 12 } }));
    const run = cli(['visits', 'today', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/retention\.visitMonths: must be at most 6 months/);
  });

  it('exits 2 for a database from a newer version', () => {
    const dataDir = makeTempDir();
    expect(cli(['visits', 'today', '--data-dir', dataDir]).code).toBe(0);
    const setVersion = spawnSync(
      'node',
      [
        '-e',
        `const s=require('sqlite3');const d=new s.Database(process.argv[1]);d.exec('PRAGMA user_version=999',()=>d.close())`,
        path.join(dataDir, 'kiosk.sqlite3'),
      ],
      { cwd: root },
    );
    expect(setVersion.status).toBe(0);
    const run = cli(['visits', 'today', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/written by a newer version of the kiosk/);
  });

  it('runs as the kiosk bin too', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'bin/kiosk.mjs'), 'visits', 'today', '--data-dir', makeTempDir(), '--json'],
      {
        encoding: 'utf8',
        env: { ...process.env, KIOSK_NOW: '2026-11-24T10:15:00+01:00' },
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ date: '2026-11-24', visits: [] });
  });

  it('prints help with exit 0', () => {
    const run = cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/visits sign-in --first F --last L/);
  });
});
