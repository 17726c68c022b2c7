import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

describe('npm run cli -- … --data-dir ./data', () => {
  it('resolves a relative path from the folder the person typed the command in (INIT_CWD), not the repository', () => {
    const typedIn = makeTempDir();
    fs.mkdirSync(path.join(typedIn, 'data'));
    const run = runCli(['visits', 'today', '--data-dir', './data'], '', {
      INIT_CWD: typedIn,
      npm_lifecycle_event: 'cli',
    });
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(typedIn, 'data', 'kiosk.sqlite3'))).toBe(true);
  });
});
