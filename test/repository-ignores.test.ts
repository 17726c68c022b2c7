import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Whether git would leave the path out of a commit (exit 0 from `git check-ignore`). */
const ignored = (relative: string) =>
  spawnSync('git', ['check-ignore', '--quiet', '--no-index', relative], { cwd: ROOT }).status === 0;

describe('what git leaves out of the repository', () => {
  it("the README's ./data folder (visitors' personal data), build output and test output", () => {
    for (const relative of ['data/kiosk.sqlite3', 'data/config.json', 'dist/electron/cli.js', 'test-output/x.png'])
      expect(ignored(relative), relative).toBe(true);
    expect(ignored('electron/core/kiosk.ts')).toBe(false);
  });
});
