import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, NotADatabaseError, openDatabase } from '../../../electron/core/database';
import { migrations } from '../../../electron/core/migrations';
import { makeTempDir } from '../../helpers/temp-dir';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates an empty database at the latest schema with the durability and erasure settings', async () => {
    const file = path.join(makeTempDir(), 'kiosk.sqlite3');
    const database = await openDatabase(file);
    try {
      const pragma = async (name: string) =>
        Object.values((await database.get<Record<string, unknown>>(`PRAGMA ${name}`))!)[0];
      expect(await pragma('user_version')).toBe(migrations.length);
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('secure_delete')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      const tables = await database.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
      expect(tables.map((table) => table.name)).toContain('visits');
    } finally {
      await database.close();
    }
  });

  it('upgrades an existing database step by step and keeps its rows', async () => {
    const file = path.join(makeTempDir(), 'kiosk.sqlite3');
    const first = [{ sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);' }];
    const v1 = await openDatabase(file, first);
    await v1.run('INSERT INTO notes (text) VALUES (?)', ['kept']);
    await v1.close();

    const second = [...first, { sql: "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';" }];
    const v2 = await openDatabase(file, second);
    try {
      expect(await v2.get('PRAGMA user_version')).toEqual({ user_version: 2 });
      expect(await v2.all('SELECT text, author FROM notes')).toEqual([{ text: 'kept', author: 'unknown' }]);
    } finally {
      await v2.close();
    }
  });

  it('reopening at the same version runs no migration again', async () => {
    const file = path.join(makeTempDir(), 'kiosk.sqlite3');
    await (await openDatabase(file)).close();
    const again = await openDatabase(file);
    expect(await again.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    await again.close();
  });

  it('a failing migration leaves the database at its previous version', async () => {
    const file = path.join(makeTempDir(), 'kiosk.sqlite3');
    const good = { sql: 'CREATE TABLE a (x);' };
    await (await openDatabase(file, [good])).close();
    await expect(openDatabase(file, [good, { sql: 'CREATE TABLE b (y); THIS IS NOT SQL;' }])).rejects.toThrow();
    const reopened = await openDatabase(file, [good]);
    expect(await reopened.get('PRAGMA user_version')).toEqual({ user_version: 1 });
    expect(await reopened.all("SELECT name FROM sqlite_master WHERE name = 'b'")).toEqual([]);
    await reopened.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'kiosk.sqlite3');
    const database = await openDatabase(file);
    await database.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    await database.exec('PRAGMA journal_mode = DELETE');
    await database.close();
    const before = { hash: sha256(file), files: fs.readdirSync(dir).sort(), mtime: fs.statSync(file).mtimeMs };

    const attempt = openDatabase(file);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(attempt).rejects.toThrow(/newer version of the kiosk/);

    expect({ hash: sha256(file), files: fs.readdirSync(dir).sort(), mtime: fs.statSync(file).mtimeMs }).toEqual(before);
  });

  it('refuses a file that is not a database and leaves it untouched', async () => {
    const file = path.join(makeTempDir(), 'kiosk.sqlite3');
    fs.writeFileSync(file, 'these are someone’s notes, not a database '.repeat(100));
    const before = sha256(file);
    await expect(openDatabase(file)).rejects.toBeInstanceOf(NotADatabaseError);
    expect(sha256(file)).toBe(before);
  });

  it('rolls a failed transaction back and keeps serving', async () => {
    const database = await openDatabase(path.join(makeTempDir(), 'kiosk.sqlite3'), [
      { sql: 'CREATE TABLE t (x UNIQUE);' },
    ]);
    await database.run('INSERT INTO t VALUES (1)');
    await expect(
      database.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (2)');
        await tx.run('INSERT INTO t VALUES (1)');
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await database.all('SELECT x FROM t')).toEqual([{ x: 1 }]);
    await database.close();
  });

  it('keeps concurrent transactions apart', async () => {
    const database = await openDatabase(path.join(makeTempDir(), 'kiosk.sqlite3'), [{ sql: 'CREATE TABLE t (x);' }]);
    const failing = database.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('abandon');
    });
    const succeeding = database.run('INSERT INTO t VALUES (2)');
    await expect(failing).rejects.toThrow('abandon');
    await succeeding;
    expect(await database.all('SELECT x FROM t')).toEqual([{ x: 2 }]);
    await database.close();
  });
});
