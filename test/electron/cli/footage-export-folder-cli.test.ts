// Issue 20: `footage export` writes into the export folder when --out is left out, and refuses an --out
// outside it, as `visits export` does; the copy is recorded and listed with its expiry.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const launcher = path.join(path.resolve(import.meta.dirname, '../../..'), 'scripts', 'cli.mjs');

/** Runs the real CLI in a child process, as `npm run cli` does. */
function cli(args: string[]) {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KIOSK_NOW: '2026-11-24T10:15:00+01:00' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

it('footage export goes into the export folder without --out, is listed with its expiry, and refuses an --out elsewhere', () => {
  const dataDir = makeTempDir();
  const footageRoot = makeTempDir('footage-');
  const file = path.join(footageRoot, 'gate', 'gate_20261124_093000.mp4');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, 'recorded video bytes');
  const old = new Date('2026-11-24T08:40:00Z');
  fs.utimesSync(file, old, old);
  fs.utimesSync(path.dirname(file), old, old);
  const d = ['--data-dir', dataDir, '--footage-root', footageRoot];
  expect(cli(['footage', 'scan', ...d]).code).toBe(0);
  const request = ['--files', 'gate/gate_20261124_093000.mp4', '--reason', 'PV 12', '--purpose', 'access-request'];

  const elsewhere = makeTempDir('elsewhere-');
  const refused = cli(['footage', 'export', ...request, '--out', path.join(elsewhere, 'case'), ...d]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/An export goes only into the export folder/);
  expect(fs.readdirSync(elsewhere)).toEqual([]);

  const run = cli(['footage', 'export', ...request, '--json', ...d]);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const { folder, exportId } = JSON.parse(run.stdout);
  expect(path.relative(path.join(dataDir, 'exports'), folder)).toMatch(/^footage-export-20261124T1015\d\d(-\d+)?$/);
  expect(fs.readFileSync(path.join(folder, 'gate', 'gate_20261124_093000.mp4'), 'utf8')).toBe('recorded video bytes');
  const listed = JSON.parse(cli(['exports', 'list', '--json', ...d]).stdout);
  expect(listed).toMatchObject([{ id: exportId, kind: 'footage', purpose: 'accessRequest', holdIds: [] }]);
  expect(listed[0].expiresAt - listed[0].createdAt).toBe(7 * 24 * 3600_000);
});
