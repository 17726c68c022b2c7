import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const repo = path.resolve(import.meta.dirname, '../../..');
// As `npm run cli` runs it: the bundled CLI, rebuilt first when a source is newer.
const launcher = path.join(repo, 'scripts', 'cli.mjs');

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KIOSK_NOW: '2026-11-24T10:15:00+01:00' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function writeFile(root: string, relative: string, mtime = Date.parse('2026-11-20T08:00:00Z')) {
  const file = path.join(root, ...relative.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
  fs.utimesSync(file, new Date(mtime), new Date(mtime));
}

describe('kiosk footage inspect', () => {
  it('shows per folder pattern which layout matched, samples with camera and start, and the mtime fallbacks', () => {
    const dataDir = makeTempDir();
    const root = makeTempDir('inspect-root-');
    fs.writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({ footage: { cameraNames: { '2a6n2o9b0i8t': 'Back door' } } }),
    );
    for (const second of ['00', '10', '20', '30']) writeFile(root, `2026-11-20/14/front_door/00.${second}.mp4`);
    writeFile(root, 'YaAwVC1GPU/2a6n2o9b0i8t/2025-06-22T00-37-00.mp4');
    writeFile(root, 'Camera1/2021-01-04/12-16-03.mp4');
    writeFile(root, 'lobby/clip.mp4');

    const json = cli(['footage', 'inspect', '--data-dir', dataDir, '--footage-root', root, '--json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const inspection = JSON.parse(json.stdout);
    expect(inspection).toMatchObject({ recorder: 'auto', files: 7, mtimeFiles: 1 });
    expect(inspection.layouts[0]).toMatchObject({ folderPattern: '#-#-#/#/front_door', layout: 'frigate', files: 4 });
    expect(inspection.layouts[0].samples).toHaveLength(3);

    const text = cli(['footage', 'inspect', '--data-dir', dataDir, '--footage-root', root]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("7 video files, 1 with their start taken from the file's mtime");
    expect(text.stdout).toContain('#-#-#/#/front_door: frigate (Frigate); 4 files');
    expect(text.stdout).toContain('2026-11-20/14/front_door/00.00.mp4  ->  front_door, 2026-11-20 15:00:00');
    expect(text.stdout).toContain(
      'YaAwVC1GPU/2a6n2o9b0i8t/2025-06-22T00-37-00.mp4  ->  Back door (2a6n2o9b0i8t), 2025-06-22 00:37:00',
    );
    expect(text.stdout).toContain('Camera1/2021-01-04/12-16-03.mp4  ->  Camera1, 2021-01-04 12:16:03');
    expect(text.stdout).toMatch(
      /lobby: no pattern matched; 1 files, 1 from mtime\n {2}lobby\/clip\.mp4 {2}-> {2}lobby, 2026-11-20 09:00:00 \(mtime\)/,
    );

    // The list marks a start taken from the mtime, and says what the mark means.
    expect(cli(['footage', 'scan', '--data-dir', dataDir, '--footage-root', root]).code).toBe(0);
    const list = cli(['footage', 'list', '--camera', 'lobby', '--data-dir', dataDir, '--footage-root', root]);
    expect(list.stdout).toMatch(/^2026-11-20 09:00\* +lobby .*lobby\/clip\.mp4\n\n\* no recording start in the path/);
  });

  it('says so when the root is not there, with exit code 2', () => {
    const missing = path.join(makeTempDir(), 'not-mounted');
    const run = cli(['footage', 'inspect', '--data-dir', makeTempDir(), '--footage-root', missing]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('The footage folder is missing or cannot be read.');
  });
});
