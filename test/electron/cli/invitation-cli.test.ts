import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

const now = '2026-11-26T10:00:00+01:00';

// Through the CLI's entry function in this process (cli.test.ts runs the real process).
function cli(args: string[], at = now) {
  return cliInProcess(args, { KIOSK_NOW: at });
}

describe('visits expect on the command line', async () => {
  it('adds one visitor or a CSV file and prints the invitations; bad input exits 2 and adds nothing', async () => {
    const dataDir = makeTempDir();
    const one = await cli([
      'visits',
      'expect',
      '--first',
      'Anna',
      '--last',
      'de Vries',
      '--company',
      'Acme',
      '--plate',
      '12-abc-3',
      '--host',
      'Henk',
      '--date',
      '2026-11-27',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(one.code).toBe(0);
    const [invitation] = JSON.parse(one.stdout) as { code: string; plate: string; text: { nl: string } }[];
    expect(invitation!.plate).toBe('12-ABC-3');
    expect(invitation!.text.nl).toContain(invitation!.code);

    const csvFile = path.join(makeTempDir(), 'training.csv');
    fs.writeFileSync(csvFile, 'first,last,company\nPiet,Jansen,Acme\nMarie,Curie,\n');
    const text = await cli(['visits', 'expect', '--csv', csvFile, '--date', '2026-11-27', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Invitation [A-Z0-9]{8} for Piet Jansen on 2026-11-27/);
    expect(text.stdout).toContain('--- English ---');
    expect(text.stderr).toBe('Read as utf-8 with commas: 2 visitors.\n');

    const past = await cli([
      'visits',
      'expect',
      '--first',
      'A',
      '--last',
      'B',
      '--date',
      '2026-11-01',
      '--data-dir',
      dataDir,
    ]);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('today or later');
    const noDate = await cli(['visits', 'expect', '--first', 'A', '--last', 'B', '--data-dir', dataDir]);
    expect(noDate.code).toBe(2);
    const badCsv = path.join(makeTempDir(), 'bad.csv');
    fs.writeFileSync(badCsv, 'first,last\nJan,Smit\n<x>,Y\n');
    const bad = await cli(['visits', 'expect', '--csv', badCsv, '--date', '2026-11-27', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Line 3');
    const today = await cli([
      'visits',
      'expect',
      '--csv',
      csvFile,
      '--date',
      '2026-11-26',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(JSON.parse(today.stdout)).toHaveLength(2);

    // Kept through the seventh day after their date, erased on the eighth.
    expect((await cli(['visits', 'expect-purge', '--data-dir', dataDir], '2026-12-04T10:00:00+01:00')).stdout).toBe(
      'Erased 2 expected visits nobody came for.\n',
    );
    expect((await cli(['visits', 'expect-purge', '--data-dir', dataDir], '2026-12-05T10:00:00+01:00')).stdout).toBe(
      'Erased 3 expected visits nobody came for.\n',
    );
  });

  it('a held-back purge of expected visits says why and how to go on, and exits 3 (not "blocked: null")', async () => {
    const dataDir = makeTempDir();
    expect((await cli(['retention', 'run', '--data-dir', dataDir])).code).toBe(0);
    const held = await cli(['visits', 'expect-purge', '--data-dir', dataDir], '2027-11-26T10:00:00+01:00');
    expect(held.code).toBe(3);
    expect(held.stderr).toMatch(/^kiosk: invitationPurge blocked: .*clock.*kiosk retention confirm-clock\n$/);
    expect(held.stderr).not.toMatch(/null/);
  }, 60_000);
});
