import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// Through the CLI's entry function in this process: cli.test.ts runs the real process.
import { cliInProcess as cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

function expectUsageError(run: Awaited<ReturnType<typeof cli>>, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stdout).toBe('');
}

describe('privacy requests from the CLI', async () => {
  it('searches, exports, corrects, restricts and erases a visit; bad input exits 2 with one line', async () => {
    const dataDir = makeTempDir();
    const d = ['--data-dir', dataDir];
    expect(
      (await cli(['visits', 'sign-in', '--first', 'Zoë', '--last', "D'Arcy", '--plate', 'GBB-01-B', ...d])).code,
    ).toBe(0);
    expect((await cli(['visits', 'sign-in', '--first', 'Anna', '--last', 'Darcy', ...d])).code).toBe(0);

    expectUsageError(
      await cli(['visits', 'search', '--query', 'zoe', ...d]),
      /--purpose is required: one of access-request/,
    );
    const found = await cli([
      'visits',
      'search',
      '--query',
      'zoe darcy',
      '--purpose',
      'access-request',
      '--json',
      ...d,
    ]);
    expect(found).toMatchObject({ code: 0, stderr: '' });
    const [visit] = JSON.parse(found.stdout).visits;
    expect(visit).toMatchObject({ firstName: 'Zoë', lastName: "D'Arcy", plate: 'GBB-01-B', held: false });
    const ids = String(visit.id);
    const text = await cli(['visits', 'search', '--query', 'gbb01b', '--purpose', 'police-request', ...d]);
    expect(text.stdout).toMatch(/2026-11-24 10:15 +on site +Zoë D'Arcy +GBB-01-B/);

    const out = path.join(dataDir, 'exports', 'case-4', 'copy.html');
    const exported = await cli([
      'visits',
      'export',
      '--ids',
      ids,
      '--language',
      'en',
      '--out',
      out,
      '--purpose',
      'accessRequest',
      ...d,
    ]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(out, 'utf8')).toContain('D&#39;Arcy');
    expect(JSON.parse(fs.readFileSync(out.replace(/html$/, 'json'), 'utf8')).visits[0].plate).toBe('GBB-01-B');
    expectUsageError(
      await cli(['visits', 'export', '--ids', ids, '--language', 'en', '--out', out, '--purpose', 'other', ...d]),
      /already exists in the export folder/,
    );
    expectUsageError(
      await cli(['visits', 'correct', '--id', ids, '--plate', '###', ...d]),
      /plate: This does not look/,
    );
    expect((await cli(['visits', 'correct', '--id', ids, '--last', 'Darcy-Jones', ...d])).code).toBe(0);
    expect((await cli(['visits', 'restrict', '--ids', ids, '--reason', 'art. 18 ref 4', ...d])).code).toBe(0);
    expect(JSON.parse((await cli(['visits', 'today', '--json', ...d])).stdout).visits).toHaveLength(1);
    expect((await cli(['visits', 'unrestrict', '--ids', ids, ...d])).code).toBe(0);

    expect(
      (await cli(['holds', 'add', '--visit', ids, '--reason', 'police case', '--basis', 'legalObligation', ...d])).code,
    ).toBe(0);
    expectUsageError(
      await cli(['visits', 'erase', '--ids', ids, '--reason', 'art. 17', ...d]),
      new RegExp(`Visit ${ids} is under a legal hold`),
    );
    expectUsageError(
      await cli(['visits', 'erase', '--ids', 'x', '--reason', 'r', ...d]),
      /--ids must be visit numbers/,
    );
    expect((await cli(['holds', 'release', '--id', '1', ...d])).code).toBe(0);
    const erased = await cli(['visits', 'erase', '--ids', ids, '--reason', 'art. 17', '--json', ...d]);
    expect(erased).toMatchObject({ code: 0 });
    expect(JSON.parse(erased.stdout)).toEqual({ erased: 1, erasedExpected: 0 });
    expect(
      JSON.parse((await cli(['visits', 'search', '--query', 'darcy', '--purpose', 'other', '--json', ...d])).stdout)
        .visits,
    ).toHaveLength(1);
  });

  it('finds an expected visit beside the visits, by kind and id, and erases both; the host mail is named', async () => {
    const dataDir = makeTempDir();
    const d = ['--data-dir', dataDir];
    expect((await cli(['visits', 'sign-in', '--first', 'Quirina', '--last', 'Zwartkop', ...d])).code).toBe(0);
    const expect1 = ['visits', 'expect', '--date', '2027-01-05', '--first', 'Quirina', '--last', 'Zwartkop'];
    expect((await cli([...expect1, '--host', 'Henk', ...d])).code).toBe(0);
    const found = await cli([
      'visits',
      'search',
      '--query',
      'zwartkop',
      '--purpose',
      'erasure-request',
      '--json',
      ...d,
    ]);
    expect(found).toMatchObject({ code: 0, stderr: '' });
    const { visits, expected } = JSON.parse(found.stdout);
    expect(visits).toMatchObject([{ kind: 'visit', firstName: 'Quirina' }]);
    expect(expected).toMatchObject([{ kind: 'expected', visitDate: '2027-01-05', hostName: 'Henk' }]);
    const text = await cli(['visits', 'search', '--query', 'zwartkop', '--purpose', 'erasure-request', ...d]);
    expect(text.stdout).toMatch(new RegExp(`expected:${expected[0].id} +2027-01-05 \\(expected\\) +Quirina Zwartkop`));

    expectUsageError(
      await cli(['visits', 'erase', '--ids', 'invitation:3', '--reason', 'r', ...d]),
      /--ids must be visit numbers or visit:N and expected:N/,
    );
    const ids = `visit:${visits[0].id},expected:${expected[0].id}`;
    const erased = await cli(['visits', 'erase', '--ids', ids, '--reason', 'art. 17', ...d]);
    expect(erased).toMatchObject({ code: 0, stderr: '' });
    expect(erased.stdout).toMatch(/Erased 1 visit\(s\) and 1 expected visit\(s\)/);
    expect(erased.stdout).toMatch(/mail already sent to a host .* outside the kiosk/);
    const again = await cli(['visits', 'search', '--query', 'zwartkop', '--purpose', 'other', '--json', ...d]);
    expect(JSON.parse(again.stdout)).toMatchObject({ visits: [], expected: [] });
  });

  it('writes a copy only into the export folder, and lists it with its expiry', async () => {
    const dataDir = makeTempDir();
    const d = ['--data-dir', dataDir];
    expect((await cli(['visits', 'sign-in', '--first', 'Zoë', '--last', 'Listed', ...d])).code).toBe(0);
    const ids = '1';
    // The CLI writes a copy only into the export folder (by default the data folder's "exports").
    expectUsageError(
      await cli([
        'visits',
        'export',
        '--ids',
        ids,
        '--language',
        'en',
        '--out',
        path.join(makeTempDir(), 'copy.html'),
        '--purpose',
        'other',
        ...d,
      ]),
      /An export goes only into the export folder/,
    );
    const copy = await cli([
      'visits',
      'export',
      '--ids',
      ids,
      '--language',
      'nl',
      '--purpose',
      'access-request',
      '--json',
      ...d,
    ]);
    expect(copy).toMatchObject({ code: 0, stderr: '' });
    const { htmlFile } = JSON.parse(copy.stdout);
    expect(path.relative(path.join(dataDir, 'exports'), htmlFile)).toMatch(
      /^access-copy-20261124T1015\d\d-[0-9a-f]{6}\/bezoekgegevens-/,
    );
    const recorded = JSON.parse((await cli(['exports', 'list', '--json', ...d])).stdout);
    expect(recorded).toMatchObject([{ kind: 'access', purpose: 'accessRequest', visitIds: [1] }]);
    expect(recorded[0].expiresAt - recorded[0].createdAt).toBe(7 * 24 * 3600_000);
    expect((await cli(['exports', 'list', ...d])).stdout).toMatch(
      /access +accessRequest .* deleted after 2026-12-01 10:15/,
    );
  });

  it('exports footage files with a manifest and holds the originals', async () => {
    const dataDir = makeTempDir();
    const footageRoot = makeTempDir('footage-');
    const file = path.join(footageRoot, 'gate', 'gate_20261124_093000.mp4');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, 'recorded video bytes');
    const old = new Date('2026-11-24T08:40:00Z');
    fs.utimesSync(file, old, old);
    fs.utimesSync(path.dirname(file), old, old);
    const d = ['--data-dir', dataDir, '--footage-root', footageRoot];
    expect((await cli(['footage', 'scan', ...d])).code).toBe(0);
    const out = path.join(dataDir, 'exports', 'case');
    expectUsageError(
      await cli(['footage', 'export', '--out', out, '--reason', 'police', '--purpose', 'police-request', ...d]),
      /either --visit N or --files/,
    );
    const run = await cli([
      'footage',
      'export',
      '--files',
      'gate/gate_20261124_093000.mp4',
      '--out',
      out,
      '--reason',
      'PV 12',
      '--purpose',
      'police-request',
      '--basis',
      'legalObligation',
      ...d,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files).toEqual([
      {
        file: 'gate/gate_20261124_093000.mp4',
        camera: 'gate',
        recordedAt: '2026-11-24T08:30:00.000Z',
        size: 20,
        sha256: createHash('sha256').update('recorded video bytes').digest('hex'),
      },
    ]);
    expect(fs.readFileSync(path.join(out, 'gate', 'gate_20261124_093000.mp4'), 'utf8')).toBe('recorded video bytes');
    expect(JSON.parse((await cli(['holds', 'list', '--json', ...d])).stdout)).toMatchObject([
      { kind: 'footage-file', footagePath: 'gate/gate_20261124_093000.mp4' },
    ]);
  });
});
