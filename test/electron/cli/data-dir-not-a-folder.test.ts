import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

describe('kiosk … --data-dir naming a file', () => {
  it.each(['health', 'visits today'])(
    '"kiosk %s" says the data folder is a file, exits 2 and leaves the file alone',
    async (command) => {
      const file = path.join(makeTempDir(), 'kiosk.sqlite3');
      fs.writeFileSync(file, 'not a folder');
      const run = await cliInProcess([...command.split(' '), '--data-dir', file]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`kiosk: --data-dir ${file} is a file, not a folder: name the kiosk's data folder`);
      expect(fs.readFileSync(file, 'utf8')).toBe('not a folder');
    },
  );
});
