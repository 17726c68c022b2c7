import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
// As `npm run cli` runs it: the bundled CLI, rebuilt first when a source is newer.
const launcher = path.join(root, 'scripts', 'cli.mjs');

/** Runs the real CLI in a child process, as `npm run cli` does (`cliInProcess` calls its entry function in this process). */
function cli(args: string[], env: Record<string, string> = {}, input = '') {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    input,
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
  ])('exits 2 with one line for %s and stores nothing', async (_why, args, message) => {
    const dataDir = makeTempDir();
    const run = await cliInProcess([...args, '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    const today = await cliInProcess(['visits', 'today', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(today.stdout).visits).toEqual([]);
  });

  it('gives a usage error from the real process as one line on stderr, without a stack trace', () => {
    const dataDir = makeTempDir();
    const run = cli(['visits', 'sign-in', '--first', '<b>', '--last', 'X', '--data-dir', dataDir]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/firstName: Only letters, spaces/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a data folder that does not exist, and makes none; staff add and settings set make one', async () => {
    const parent = makeTempDir();
    for (const args of [
      ['visits', 'today'],
      ['audit', 'list'],
      ['retention', 'run'],
    ]) {
      const run = await cliInProcess([...args, '--data-dir', path.join(parent, 'dta')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`kiosk: there is no kiosk data folder at ${path.join(parent, 'dta')}`);
    }
    expect(fs.readdirSync(parent)).toEqual([]);

    const added = await cliInProcess(
      ['staff', 'add', '--name', 'Ada Admin', '--role', 'admin', '--data-dir', path.join(parent, 'new')],
      {},
      '864205\n',
    );
    expect(added.code).toBe(0);
    const set = await cliInProcess([
      'settings',
      'set',
      'schedules.visitPurge',
      '"15 * * * *"',
      '--data-dir',
      path.join(parent, 'other'),
    ]);
    expect(set.code).toBe(0);
    expect(fs.readdirSync(parent).sort()).toEqual(['new', 'other']);
  });

  it('exits 2 for an invalid KIOSK_NOW', async () => {
    const run = await cliInProcess(['visits', 'today', '--data-dir', makeTempDir()], { KIOSK_NOW: 'yesterday' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/KIOSK_NOW must be an ISO 8601 timestamp/);
  });

  it('exits 2 for a configuration the privacy notice does not allow, and erases nothing', async () => {
    const dataDir = makeTempDir();
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ retention: { visitMonths: 12 } }));
    const run = await cliInProcess(['visits', 'today', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/retention\.visitMonths: must be at most 6 months/);
  });

  it('exits 2 for a schedule that is not a cron expression', async () => {
    const dataDir = makeTempDir();
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ schedules: { visitPurge: 'every hour' } }));
    const run = await cliInProcess(['retention', 'run', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/schedules\.visitPurge: "every hour" is not a cron expression/);
  });

  it('exits 2 for a database from a newer version', async () => {
    const dataDir = makeTempDir();
    expect((await cliInProcess(['visits', 'today', '--data-dir', dataDir])).code).toBe(0);
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
    const run = await cliInProcess(['visits', 'today', '--data-dir', dataDir]);
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

  it('adds the first admin with the PIN from standard input, lists staff and shows the audit log', () => {
    const dataDir = makeTempDir();
    const added = cli(
      ['staff', 'add', '--name', 'Ada Admin', '--role', 'admin', '--data-dir', dataDir, '--json'],
      {},
      '482915\n',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'Ada Admin', role: 'admin' });
    expect(added.stdout + added.stderr).not.toContain('482915');

    const listed = cli(['staff', 'list', '--data-dir', dataDir]);
    expect(listed.stdout).toMatch(/1 +admin +active +Ada Admin/);

    const audit = cli(['audit', 'list', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(audit.stdout)).toMatchObject([
      { actor: 'operator', action: 'staff.added', detail: { staffId: 1, role: 'admin' } },
    ]);
    expect(cli(['audit', 'list', '--data-dir', dataDir]).stdout).toMatch(/2026-11-24 10:15 +operator +staff\.added/);
  });

  it.each([
    ['a short PIN', ['--name', 'Ada', '--role', 'admin'], '12345\n', /pin: A PIN has 6 to 12 digits/],
    ['no PIN', ['--name', 'Ada', '--role', 'admin'], '', /pin: A PIN has 6 to 12 digits/],
    ['an unknown role', ['--name', 'Ada', '--role', 'boss'], '482915\n', /role: Choose a role/],
  ])('staff add exits 2 for %s', async (_why, args, input, message) => {
    const run = await cliInProcess(['staff', 'add', ...args, '--data-dir', makeTempDir()], {}, input);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('never takes a PIN as an argument', async () => {
    const run = await cliInProcess([
      'staff',
      'add',
      '--name',
      'Ada',
      '--role',
      'admin',
      '--pin',
      '482915',
      '--data-dir',
      makeTempDir(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--pin'/);
  });

  it('demo: a visitor signed in seven months ago is purged now, after the clock guard is satisfied', async () => {
    const dataDir = makeTempDir();
    const past = { KIOSK_NOW: '2026-04-20T10:00:00+02:00' };
    expect(
      (await cliInProcess(['visits', 'sign-in', '--first', 'Maarten', '--last', 'Demo', '--data-dir', dataDir], past))
        .code,
    ).toBe(0);

    const dryRun = await cliInProcess(['retention', 'run', '--dry-run', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ outcome: 'dry-run', counts: { due: 1, erased: 0 } });

    // Nothing has been seen for seven months: the guard holds the purge until someone confirms the time.
    const blocked = await cliInProcess(['retention', 'run', '--data-dir', dataDir]);
    expect(blocked.stdout).toMatch(/blocked \(the clock is more than 30 days past everything .*\): nothing erased/);
    const status = JSON.parse((await cliInProcess(['retention', 'status', '--json', '--data-dir', dataDir])).stdout);
    expect(status).toMatchObject({ blocked: { outcome: 'blocked' }, activeHolds: [] });

    const confirmed = await cliInProcess(['retention', 'confirm-clock', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ outcome: 'ok', counts: { erased: 1 } });
    expect(
      JSON.parse((await cliInProcess(['visits', 'today', '--json', '--data-dir', dataDir], past)).stdout).visits,
    ).toEqual([]);
  });

  it('places, lists and releases a legal hold', async () => {
    const dataDir = makeTempDir();
    await cliInProcess(['visits', 'sign-in', '--first', 'Held', '--last', 'Visitor', '--data-dir', dataDir]);
    const added = await cliInProcess([
      'holds',
      'add',
      '--visit',
      '1',
      '--reason',
      'Police request 118',
      '--until',
      '2027-06-01',
      '--basis',
      'legalObligation',
      '--review',
      '2027-01-31',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      id: 1,
      visitId: 1,
      placedBy: 'operator',
      endsAt: Date.parse('2027-06-02T00:00:00+02:00'), // through 1 June, Amsterdam time
      basis: 'legalObligation',
      reviewAt: Date.parse('2027-02-01T00:00:00+01:00'), // through 31 January
    });
    expect((await cliInProcess(['holds', 'list', '--data-dir', dataDir])).stdout).toMatch(
      /visit 1 .* until end of 2027-06-01 +legal obligation +review by end of 2027-01-31 +by operator: Police request 118/,
    );
    const extended = await cliInProcess([
      'holds',
      'extend-review',
      '--id',
      '1',
      '--review',
      '2027-03-31',
      '--data-dir',
      dataDir,
    ]);
    expect(extended).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Legal hold 1: review by end of 2027-03-31\./),
    });
    expect((await cliInProcess(['holds', 'release', '--id', '1', '--data-dir', dataDir])).stdout).toMatch(
      /Legal hold 1 released/,
    );
    expect((await cliInProcess(['holds', 'list', '--data-dir', dataDir])).stdout).toMatch(/No active legal holds/);
  });

  it.each([
    [['holds', 'add', '--visit', '1', '--reason', 'x', '--until', 'next week'], /--until must be a date/],
    [['holds', 'add', '--visit', 'one', '--reason', 'x'], /--visit must be a whole number/],
    [['holds', 'add', '--visit', '7', '--reason', 'x', '--basis', 'legalObligation'], /This visit does not exist/],
    [['holds', 'add', '--visit', '7', '--reason', 'x'], /basis: Choose the ground/],
    [
      ['holds', 'add', '--visit', '7', '--reason', 'x', '--basis', 'legalObligation', '--review', 'soon'],
      /--review must be a date/,
    ],
    [['holds', 'extend-review', '--id', '7', '--review', '2027-01-01'], /This legal hold does not exist/],
    [['holds', 'add', '--visit', '7'], /reason: Give a reason/],
    [['retention', 'confirm-clock'], /No blocked purge is waiting/],
  ])('exits 2 for %j', async (args, message) => {
    const run = await cliInProcess([...args, '--data-dir', makeTempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('scans, lists and purges footage under a root given for this run; a missing root exits 3, none at all 2, in one line', async () => {
    const dataDir = makeTempDir();
    const root = makeTempDir('footage-');
    const write = (relative: string, mtime: string) => {
      const file = path.join(root, ...relative.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      fs.utimesSync(file, new Date(mtime), new Date(mtime));
      return file;
    };
    const file = write('2026-10-01/09/gate/00.00.mp4', '2026-10-01T09:10:00Z');
    write('2026-11-20/09/gate/00.00.mp4', '2026-11-20T09:10:00Z');
    write('2026-11-21/09/gate/00.00.mp4', '2026-11-21T09:10:00Z');

    const scan = await cliInProcess(['footage', 'scan', '--footage-root', root, '--data-dir', dataDir, '--json']);
    expect(JSON.parse(scan.stdout)).toMatchObject({ job: 'footageScan', outcome: 'ok', counts: { added: 3 } });
    const list = JSON.parse(
      (
        await cliInProcess([
          'footage',
          'list',
          '--camera',
          'gate',
          '--footage-root',
          root,
          '--data-dir',
          dataDir,
          '--json',
        ])
      ).stdout,
    );
    expect(list).toHaveLength(3);
    expect(list.at(-1)).toMatchObject({
      camera: 'gate',
      path: '2026-10-01/09/gate/00.00.mp4',
      deleteBy: Date.parse('2026-10-29T09:00:00Z'),
    });
    const purge = await cliInProcess(['footage', 'purge', '--footage-root', root, '--data-dir', dataDir, '--json']);
    expect(JSON.parse(purge.stdout)).toMatchObject({ outcome: 'ok', counts: { deleted: 1 } });
    expect(fs.existsSync(file)).toBe(false);
    const deleted = JSON.parse(
      (
        await cliInProcess([
          'footage',
          'list',
          '--status',
          'deleted',
          '--footage-root',
          root,
          '--data-dir',
          dataDir,
          '--json',
        ])
      ).stdout,
    );
    expect(deleted).toMatchObject([{ path: '2026-10-01/09/gate/00.00.mp4', status: 'deleted' }]);
    const badStatus = await cliInProcess([
      'footage',
      'list',
      '--status',
      'lost',
      '--footage-root',
      root,
      '--data-dir',
      dataDir,
    ]);
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr.trim().split('\n')).toHaveLength(1);

    for (const [args, code] of [
      [['--footage-root', path.join(root, 'missing')], 3],
      [[], 2],
    ] as const) {
      const run = await cliInProcess(['footage', 'scan', ...args, '--data-dir', dataDir]);
      expect(run.code).toBe(code);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('prints help with exit 0', () => {
    const run = cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/visits sign-in --first F --last L/);
  });
});
