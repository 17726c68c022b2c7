import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { manualClock, openTestKiosk } from '../../helpers/kiosk';
import { makeTempDir } from '../../helpers/temp-dir';

const NOW = Date.parse('2026-11-24T09:15:00Z'); // the helper's KIOSK_NOW
const DAY = 24 * 60 * 60 * 1000;

/** One Frigate file a day for the camera gate, the newest a day before now. */
function footageRoot(days: number): string {
  const root = makeTempDir('footage-');
  for (let day = 1; day <= days; day++) {
    const at = new Date(NOW - day * DAY);
    const [date, time] = at.toISOString().split('T') as [string, string];
    const file = path.join(root, date, time.slice(0, 2), 'gate', `${time.slice(3, 5)}.${time.slice(6, 8)}.mp4`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    fs.utimesSync(file, at, at);
  }
  return root;
}

const lines = (text: string) => text.trim().split('\n');

describe('footage purge and retention run: exit codes', () => {
  it('a footage backlog exits 3, says why and how to confirm; confirm-deletion deletes it (exit 0) and is audited', () => {
    const dataDir = makeTempDir();
    const root = footageRoot(90);
    const args = ['--footage-root', root, '--data-dir', dataDir];

    const blocked = cli(['footage', 'purge', ...args]);
    expect(blocked.code).toBe(3);
    expect(lines(blocked.stderr)).toEqual([
      expect.stringMatching(/63 of 90 files would be deleted at once .*kiosk footage confirm-deletion/),
    ]);
    const backlog = cli(['footage', 'backlog', ...args]);
    expect(backlog.code).toBe(0);
    expect(backlog.stdout).toMatch(/gate +63 files/);

    const confirmed = cli(['footage', 'confirm-deletion', ...args, '--json']);
    expect(confirmed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ outcome: 'ok', counts: { deleted: 63 } });
    const audit = JSON.parse(cli(['audit', 'list', '--action', 'footage', '--json', '--data-dir', dataDir]).stdout);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'footage.largeDeletionConfirmed',
          actor: 'operator',
          detail: expect.objectContaining({ files: 63 }),
        }),
        expect.objectContaining({ action: 'footage.purged', detail: expect.objectContaining({ deleted: 63 }) }),
      ]),
    );
    expect(cli(['footage', 'purge', ...args])).toMatchObject({ code: 0, stderr: '' });
    expect(cli(['footage', 'confirm-deletion', ...args]).code).toBe(2); // nothing waits any more
  });

  it('a footage share that is not there exits 3 and says to check it', () => {
    const dataDir = makeTempDir();
    const root = footageRoot(3);
    expect(cli(['footage', 'scan', '--footage-root', root, '--data-dir', dataDir]).code).toBe(0);
    fs.rmSync(root, { recursive: true });
    for (const command of ['scan', 'purge']) {
      const run = cli(['footage', command, '--footage-root', root, '--data-dir', dataDir]);
      expect(run.code).toBe(3);
      expect(lines(run.stderr)).toEqual([expect.stringMatching(/footage folder is not there.*check/)]);
    }
  });

  it('a visit purge held back by the clock guard exits 3 and names retention confirm-clock', () => {
    const dataDir = makeTempDir();
    const past = { KIOSK_NOW: '2026-04-20T10:00:00+02:00' };
    expect(cli(['visits', 'sign-in', '--first', 'Maarten', '--last', 'Demo', '--data-dir', dataDir], past).code).toBe(
      0,
    );
    const blocked = cli(['retention', 'run', '--data-dir', dataDir]);
    expect(blocked.code).toBe(3);
    // One line per personal-data job the run holds back, each saying why and how to go on.
    expect(lines(blocked.stderr)).toEqual([
      expect.stringMatching(
        /^kiosk: visitPurge blocked: .*more than 30 days past everything .*kiosk retention confirm-clock/,
      ),
      expect.stringMatching(/^kiosk: invitationPurge blocked: .*kiosk retention confirm-clock/),
      expect.stringMatching(/^kiosk: exportPurge blocked: .*kiosk retention confirm-clock/),
    ]);
    expect(blocked.stdout).toMatch(/visitPurge run \d+: blocked/);
    expect(cli(['retention', 'confirm-clock', '--data-dir', dataDir]).code).toBe(0);
    // A minute on: each process starts the clock at KIOSK_NOW, so with the same KIOSK_NOW a quick next
    // process would be milliseconds behind the confirmed purge, which the guard rightly refuses.
    const later = { KIOSK_NOW: '2026-11-24T10:16:00+01:00' };
    expect(cli(['retention', 'run', '--data-dir', dataDir], later)).toMatchObject({ code: 0, stderr: '' });
  });

  it('a run that fails exits 1 with one line', async () => {
    const dataDir = makeTempDir();
    const root = footageRoot(3);
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:15:00Z'), dataDir });
    await kiosk.database.run(
      "CREATE TRIGGER refuse_footage BEFORE INSERT ON footage_files BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
    );
    await kiosk.close();
    for (const command of ['scan', 'purge']) {
      const run = cli(['footage', command, '--footage-root', root, '--data-dir', dataDir]);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([expect.stringMatching(/failed: unexpected error/)]);
    }
  });
});

it('a purge already under way in another process exits 3 with one line, and this command does nothing', async () => {
  const dataDir = makeTempDir();
  const root = footageRoot(40);
  const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:15:00Z'), dataDir });
  // This test's own process stands for the running kiosk: alive, and not the CLI's.
  await kiosk.database.run("INSERT INTO job_runs (job, started_at, owner_pid) VALUES ('footagePurge', ?, ?)", [
    NOW,
    process.pid,
  ]);
  await kiosk.close();
  const run = cli(['footage', 'purge', '--footage-root', root, '--data-dir', dataDir]);
  expect(run.code).toBe(3);
  expect(lines(run.stderr)).toEqual([expect.stringMatching(/footagePurge is already running in another process/)]);
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.mp4'));
  expect(files).toHaveLength(40); // 12 of them due, none deleted
});
