import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

// Through the CLI's entry function in this process (cli.test.ts runs the real process).
function cli(args: string[]) {
  return cliInProcess(args, { KIOSK_NOW: '2026-11-26T10:15:00+01:00' });
}

const pad = (value: number) => String(value).padStart(2, '0');

describe('kiosk footage list on a day of ten-second clips', async () => {
  it('takes a time range in the kiosk’s zone, pages with a cursor, and prints every row without a limit', async () => {
    const dataDir = makeTempDir();
    const root = makeTempDir('pages-root-');
    // 09:00 to 10:00 UTC on 25 November (10:00 to 11:00 in Amsterdam): 360 clips of two cameras.
    for (const camera of ['gate', 'hall']) {
      for (let clip = 0; clip < 360; clip++) {
        const folder = path.join(root, '2026-11-25', '09', camera);
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(path.join(folder, `${pad(Math.floor(clip / 6))}.${pad((clip % 6) * 10)}.mp4`), '');
      }
    }
    const base = ['--footage-root', root, '--data-dir', dataDir];
    expect((await cli(['footage', 'scan', ...base])).code).toBe(0);

    const all = await cli(['footage', 'list', ...base, '--json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toHaveLength(720); // more than the view's page of 500

    const range = ['--from', '2026-11-25T10:00', '--to', '2026-11-25T10:30', '--camera', 'gate'];
    const inRange = JSON.parse((await cli(['footage', 'list', ...base, ...range, '--json'])).stdout);
    expect(inRange).toHaveLength(180);
    expect(new Date(inRange[0].recordedAt).toISOString()).toBe('2026-11-25T09:29:50.000Z');
    expect(new Date(inRange.at(-1).recordedAt).toISOString()).toBe('2026-11-25T09:00:00.000Z');

    const pages: number[][] = [];
    let cursor: string[] = [];
    for (;;) {
      const page = JSON.parse(
        (await cli(['footage', 'list', ...base, ...range, '--limit', '70', ...cursor, '--json'])).stdout,
      );
      pages.push(page.rows.map((row: { id: number }) => row.id));
      if (!page.next) break;
      cursor = ['--cursor', page.next];
    }
    expect(pages.map((page) => page.length)).toEqual([70, 70, 40]);
    expect(pages.flat()).toEqual(inRange.map((row: { id: number }) => row.id));

    const text = await cli(['footage', 'list', ...base, ...range, '--limit', '2']);
    expect(text.stdout).toMatch(/^2026-11-25 10:29 .*gate/);
    expect(text.stdout).toMatch(/\nNext page: --cursor \d+\.\d+\n?$/);

    const bad = await cli(['footage', 'list', ...base, '--limit', '2', '--cursor', 'yesterday']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--cursor must be what the previous page printed');
  });
});
