import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

const NOW = '2026-11-24T10:15:00+01:00';

/** The CLI's own entry point in this process: the same parsing, kiosk and files, without a bundle per call. */
async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv: args,
    env: { KIOSK_NOW: NOW },
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    readSecret: async () => '',
  });
  return { code, stdout, stderr };
}

async function newKiosk() {
  const dataDir = makeTempDir();
  expect((await inProcess(['settings', 'show', '--data-dir', dataDir])).code).toBe(0);
  return { dataDir, file: path.join(dataDir, 'config.json') };
}

const set = (dataDir: string, key: string, value: string, ...more: string[]) =>
  inProcess(['settings', 'set', '--data-dir', dataDir, ...more, '--', key, value]);

const shown = async (dataDir: string) =>
  JSON.parse((await inProcess(['settings', 'show', '--json', '--data-dir', dataDir])).stdout);

const settingsAudit = async (dataDir: string) =>
  (
    JSON.parse(
      (await inProcess(['audit', 'list', '--action', 'settings', '--json', '--data-dir', dataDir])).stdout,
    ) as {
      actor: string;
      action: string;
      detail: Record<string, string | null>;
    }[]
  ).map((entry): AuditRow => ({ actor: entry.actor, action: entry.action, ...entry.detail }));

const mail = {
  host: '127.0.0.1',
  port: 2525,
  tls: 'opportunistic',
  user: 'kiosk',
  password: 'geheim-wachtwoord',
  from: 'kiosk@ploum.nl',
  to: ['it@ploum.nl'],
};

type AuditRow = { actor: string; action: string; key?: string | null; [detail: string]: string | null | undefined };

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const at = (value: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((inner, part) => (inner as Record<string, unknown>)[part], value);

describe('kiosk settings on the command line (the real CLI, a child process)', () => {
  it('shows the settings, sets one (0600, audited), refuses a longer period than the statement allows', () => {
    const dataDir = makeTempDir();
    const file = path.join(dataDir, 'config.json');
    const text = cli(['settings', 'show', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/retention\.visitMonths = 6/);
    expect(text.stdout).toMatch(/schedules\.visitPurge = "0 \* \* \* \*"/);

    const changed = cli(['settings', 'set', 'schedules.visitPurge', '"15 * * * *"', '--data-dir', dataDir]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/schedules\.visitPurge: "0 \* \* \* \*" -> "15 \* \* \* \*"/);
    expect(read(file).schedules.visitPurge).toBe('15 * * * *');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const before = fs.readFileSync(file, 'utf8');
    const refused = cli(['settings', 'set', 'retention.visitMonths', '7', '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /retention\.visitMonths: must be at most 6 months, the maximum the privacy notice states/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before);

    const audit = JSON.parse(cli(['audit', 'list', '--action', 'settings', '--json', '--data-dir', dataDir]).stdout);
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'operator',
        action: 'settings.changed',
        detail: { key: 'schedules.visitPurge', before: '"0 * * * *"', after: '"15 * * * *"', source: 'app' },
      }),
    ]);
  });

  it('shortening the visit period says what the next run erases and needs --confirm (exit 3 without)', () => {
    const dataDir = makeTempDir();
    const file = path.join(dataDir, 'config.json');
    // A visit from August: kept under 6 months, past its deadline under 3.
    expect(
      cli(['visits', 'sign-in', '--first', 'Anna', '--last', 'Jansen', '--data-dir', dataDir], {
        KIOSK_NOW: '2026-08-03T10:00:00+02:00',
      }).code,
    ).toBe(0);
    const before = fs.readFileSync(file, 'utf8');
    const held = cli(['settings', 'set', 'retention.visitMonths', '3', '--data-dir', dataDir]);
    expect(held.code).toBe(3);
    expect(held.stderr).toMatch(/would erase 1 visit\(s\), 1 of them because of this change; nothing changed/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);

    const confirmed = cli(['settings', 'set', 'retention.visitMonths', '3', '--confirm', '--data-dir', dataDir]);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/retention\.visitMonths: 6 -> 3/);
    expect(read(file).retention.visitMonths).toBe(3);
  });
});

describe('kiosk settings set: every kind of setting and every refusal', () => {
  it('sets each kind of value, writes config.json whole (0600, no temporary file left) and audits old and new', async () => {
    const { dataDir, file } = await newKiosk();
    const steps: [string, string, unknown][] = [
      ['retention.footageDays', '14', 14],
      ['timeZone', '"Europe/London"', 'Europe/London'],
      ['badge.enabled', 'true', true],
      ['badge.pageSize', '"A6"', 'A6'],
      ['footage.root', '"/srv/cctv"', '/srv/cctv'],
      ['footage.root', 'null', null],
      ['footage.extensions', '[".mp4", ".mkv"]', ['.mp4', '.mkv']],
      ['footage.cameraNames', '{"1": "Entrance"}', { '1': 'Entrance' }],
      ['footage.maxDeleteShare', '0.25', 0.25],
      ['reception.autoSignOutAt', '"22:30"', '22:30'],
      ['schedules.visitPurge', '"15 * * * *"', '15 * * * *'],
      ['idle.staffSeconds', '300', 300],
    ];
    const expectedAudit = [];
    for (const [key, value, expected] of steps) {
      const before = JSON.stringify(at(await shown(dataDir), key));
      const result = await set(dataDir, key, value);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(at(read(file), key)).toEqual(expected);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expectedAudit.push({
        actor: 'operator',
        action: 'settings.changed',
        key,
        before,
        after: JSON.stringify(expected),
        source: 'app',
      });
    }
    expect(fs.readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // One row per change (the rows share their time, KIOSK_NOW, so their order is not compared).
    const audit = await settingsAudit(dataDir);
    expect(audit).toHaveLength(expectedAudit.length);
    expect(audit).toEqual(expect.arrayContaining(expectedAudit));

    // A group at once: one audit row per setting that changed.
    expect(
      (await set(dataDir, 'organisation', '{"name": "Ploum Rotterdam", "contactEmail": "privacy@ploum.nl"}')).code,
    ).toBe(0);
    expect(
      (await settingsAudit(dataDir))
        .filter((entry) => entry.key?.startsWith('organisation.'))
        .map((entry) => entry.key)
        .sort(),
    ).toEqual(['organisation.contactEmail', 'organisation.name']);
    // The same value again changes nothing and is not audited.
    expect((await set(dataDir, 'idle.staffSeconds', '300')).stdout).toMatch(/Nothing changed/);
  }, 180_000);

  it('keeps the SMTP password out of show and the audit, and keeps it when given back hidden', async () => {
    const { dataDir, file } = await newKiosk();
    expect((await set(dataDir, 'alerts.email', JSON.stringify(mail))).code).toBe(0);
    expect((await shown(dataDir)).alerts.email.password).toBe('********');
    expect((await inProcess(['settings', 'show', '--data-dir', dataDir])).stdout).not.toContain(mail.password);
    const audit = await settingsAudit(dataDir);
    expect(audit.find((entry) => entry.key === 'alerts.email.password')).toMatchObject({
      before: null,
      after: 'changed',
    });
    expect(JSON.stringify(audit)).not.toContain(mail.password);

    // Given back as shown, the stored password stays; only a new one replaces it.
    expect(
      (await set(dataDir, 'alerts.email', JSON.stringify({ ...mail, port: 587, password: '********' }))).code,
    ).toBe(0);
    expect(read(file).alerts.email).toMatchObject({ port: 587, password: mail.password });
    expect((await set(dataDir, 'alerts.email.password', '"nieuw-wachtwoord"')).code).toBe(0);
    expect(read(file).alerts.email.password).toBe('nieuw-wachtwoord');
    expect(JSON.stringify(await settingsAudit(dataDir))).not.toMatch(/nieuw-wachtwoord|geheim/);
  });

  it.each([
    [
      'a longer visit period than the statement allows',
      'retention.visitMonths',
      '7',
      /retention\.visitMonths: must be at most 6 months/,
    ],
    [
      'a longer footage period than the statement allows',
      'retention.footageDays',
      '29',
      /retention\.footageDays: must be at most 28 days/,
    ],
    ['a longer period for one camera', 'footage.cameraRetentionDays', '{"1": 30}', /footage\.cameraRetentionDays\.1: /],
    ['a period of zero', 'retention.visitMonths', '0', /retention\.visitMonths: must be at least 1/],
    ['a text for a number', 'idle.kioskSeconds', '"60"', /idle\.kioskSeconds: /],
    ['a fraction for a whole number', 'idle.kioskSeconds', '60.5', /idle\.kioskSeconds: /],
    ['an unknown choice', 'badge.pageSize', '"A4"', /badge\.pageSize: /],
    ['an unknown time zone', 'timeZone', '"Mars/Olympus"', /timeZone: is not a known IANA time zone/],
    [
      'a broken schedule',
      'schedules.visitPurge',
      '"every hour"',
      /schedules\.visitPurge: "every hour" is not a cron expression/,
    ],
    [
      'a schedule that skips days',
      'schedules.visitPurge',
      '"0 3 * * 1-5"',
      /schedules\.visitPurge: .*must run at least once a day/,
    ],
    ['a bad time of day', 'reception.autoSignOutAt', '"25:00"', /reception\.autoSignOutAt: must be a time of day/],
    ['an unknown setting', 'retention.visitWeeks', '3', /retention\.visitWeeks: is not a setting/],
    [
      'an unknown key inside a group',
      'organisation',
      '{"name": "X", "colour": "red"}',
      /organisation\.colour: is not a setting/,
    ],
    ['a value that is not JSON', 'timeZone', 'Europe/Amsterdam', /timeZone: VALUE must be JSON/],
    [
      'a mail server without a sender',
      'alerts.email',
      '{"host": "127.0.0.1", "to": ["it@ploum.nl"]}',
      /alerts\.email\.from: /,
    ],
    [
      'a mail group set field by field while there is none',
      'alerts.email.host',
      '"127.0.0.1"',
      /alerts\.email\.(from|to): /,
    ],
    ['an invalid e-mail address', 'organisation.contactEmail', '"not an address"', /organisation\.contactEmail: /],
    ['review days past their maximum', 'holds.reviewDays', '400', /holds\.reviewDays: /],
  ])('refuses %s: exit 2, names the setting and why, changes nothing', async (_why, key, value, message) => {
    const { dataDir, file } = await newKiosk();
    const before = fs.readFileSync(file, 'utf8');
    const result = await set(dataDir, key, value);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(await settingsAudit(dataDir)).toEqual([]);
  });

  it('refuses a missing VALUE with its usage', async () => {
    const { dataDir } = await newKiosk();
    const result = await inProcess(['settings', 'set', 'retention.visitMonths', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/VALUE missing/);
  });

  it('test-mail without a mail server says so (exit 2)', async () => {
    const { dataDir } = await newKiosk();
    const result = await inProcess(['settings', 'test-mail', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/alerts\.email is not set/);
  });
});

describe('kiosk settings set footage.enforcedBy: who deletes camera footage', () => {
  const health = async (dataDir: string) =>
    JSON.parse((await inProcess(['health', '--json', '--data-dir', dataDir])).stdout) as {
      problems: { key: string }[];
    };

  it('the recorder or no cameras: the footage alarm goes; a 29-day period and "no cameras" beside a root are refused', async () => {
    const { dataDir, file } = await newKiosk();
    expect((await health(dataDir)).problems.map((problem) => problem.key)).toContain('footageNotEnforced');

    const recorder = await set(dataDir, 'footage.enforcedBy', '"recorder"');
    expect(recorder.stderr).toBe('');
    expect(recorder.stdout).toMatch(/footage\.enforcedBy: "kiosk" -> "recorder"/);
    expect(read(file).footage.enforcedBy).toBe('recorder');
    expect((await health(dataDir)).problems.map((problem) => problem.key)).not.toContain('footageNotEnforced');
    expect(await settingsAudit(dataDir)).toContainEqual(
      expect.objectContaining({ key: 'footage.enforcedBy', before: '"kiosk"', after: '"recorder"' }),
    );

    // The recorder's period is the notice's: never longer than the statement's 28 days.
    const before = fs.readFileSync(file, 'utf8');
    const tooLong = await set(dataDir, 'retention.footageDays', '29');
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/retention\.footageDays: must be at most 28 days/);
    expect((await set(dataDir, 'footage', '{"enforcedBy": "recorder", "root": null}')).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);

    const unknown = await set(dataDir, 'footage.enforcedBy', '"nobody"');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/footage\.enforcedBy: /);

    expect((await set(dataDir, 'footage.root', '"/srv/cctv"')).code).toBe(0);
    const noCamerasWithRoot = await set(dataDir, 'footage.enforcedBy', '"noCameras"');
    expect(noCamerasWithRoot.code).toBe(2);
    expect(noCamerasWithRoot.stderr).toMatch(/footage\.enforcedBy: .*footage\.root/);
    expect(read(file).footage.enforcedBy).toBe('recorder');

    expect((await set(dataDir, 'footage', '{"root": null, "enforcedBy": "noCameras"}')).code).toBe(0);
    expect(read(file).footage.enforcedBy).toBe('noCameras');
    expect((await health(dataDir)).problems.map((problem) => problem.key)).not.toContain('footageNotEnforced');
  });
});
