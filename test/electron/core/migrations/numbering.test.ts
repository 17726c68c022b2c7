import path from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { NUMBERED_BY_FILE, openDatabase } from '../../../../electron/core/database';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../../electron/core/migrations';
import { makeTempDir } from '../../../helpers/temp-dir';

/** Runs SQL on a raw connection, as the released versions' own code did. */
function execOn(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const connection = new sqlite3.Database(file, (opened) => {
      if (opened) return reject(opened);
      connection.exec(sql, (error) => connection.close(() => (error ? reject(error) : resolve())));
    });
  });
}

/** A database as a released version left it: its first `count` migrations, user_version their count. */
async function positionalDatabase(count: number): Promise<string> {
  const file = path.join(makeTempDir(), 'kiosk.sqlite3');
  for (const [index, migration] of migrations.slice(0, count).entries()) {
    await execOn(file, `BEGIN; ${migration.sql}; PRAGMA user_version = ${index + 1}; COMMIT;`);
  }
  if (count === 0) await execOn(file, 'PRAGMA user_version = 0;');
  if (count >= 1) {
    await execOn(
      file,
      `INSERT INTO visits (first_name, last_name, notice_version, signed_in_at, sign_out_code)
       VALUES ('Anna', 'de Vries', '1-6m-28d', 5, 'ABCDEF'), ('Bram', 'Jansen', '1-6m-28d', 6, 'GHJKLM');`,
    );
  }
  return file;
}

const schemaOf = (database: Awaited<ReturnType<typeof openDatabase>>) =>
  database.all("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");

describe('schema versions are migration file numbers', () => {
  it('a new database ends at the last file number, marked as numbered by file', async () => {
    expect(migrations.map((migration) => migration.version)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 18, 20, 21, 22, 23, 24, 25, 26,
    ]);
    const database = await openDatabase(path.join(makeTempDir(), 'kiosk.sqlite3'));
    try {
      expect(await database.get('PRAGMA user_version')).toEqual({ user_version: LATEST_SCHEMA_VERSION });
      expect(LATEST_SCHEMA_VERSION).toBe(26);
      expect(await database.get('PRAGMA application_id')).toEqual({ application_id: NUMBERED_BY_FILE });
    } finally {
      await database.close();
    }
  });

  it.each(Array.from({ length: 14 }, (_, count) => count))(
    'a database a released version left at positional schema %i migrates to the latest, keeping its visits',
    async (count) => {
      const file = await positionalDatabase(count);
      const fresh = await openDatabase(path.join(makeTempDir(), 'kiosk.sqlite3'));
      const upgraded = await openDatabase(file);
      try {
        expect(await upgraded.get('PRAGMA user_version')).toEqual({ user_version: LATEST_SCHEMA_VERSION });
        expect(await upgraded.get('PRAGMA application_id')).toEqual({ application_id: NUMBERED_BY_FILE });
        expect(await schemaOf(upgraded)).toEqual(await schemaOf(fresh));
        expect(await upgraded.all('SELECT first_name, sign_out_code FROM visits ORDER BY id')).toEqual(
          count >= 1
            ? [
                { first_name: 'Anna', sign_out_code: 'ABCDEF' },
                { first_name: 'Bram', sign_out_code: 'GHJKLM' },
              ]
            : [],
        );
      } finally {
        await Promise.all([upgraded.close(), fresh.close()]);
      }
    },
  );

  it('numbers may have gaps, and a later file continues from the last one applied', async () => {
    const file = path.join(makeTempDir(), 'kiosk.sqlite3');
    const first = [
      { version: 1, sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);' },
      { version: 16, sql: "INSERT INTO notes (text) VALUES ('sixteen');" },
    ];
    await (await openDatabase(file, first)).close();
    const later = [...first, { version: 20, sql: "INSERT INTO notes (text) VALUES ('twenty');" }];
    const database = await openDatabase(file, later);
    try {
      expect(await database.get('PRAGMA user_version')).toEqual({ user_version: 20 });
      expect(await database.all('SELECT text FROM notes ORDER BY id')).toEqual([
        { text: 'sixteen' },
        { text: 'twenty' },
      ]);
    } finally {
      await database.close();
    }
  });
});
