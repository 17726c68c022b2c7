import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, NotADatabaseError, openDatabase } from '../../../electron/core/database';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/migrations';
import { makeTempDir } from '../../helpers/temp-dir';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates an empty database at the latest schema with the durability and erasure settings', async () => {
    const file = path.join(makeTempDir(), 'kiosk.sqlite3');
    const database = await openDatabase(file);
    try {
      const pragma = async (name: string) =>
        Object.values((await database.get<Record<string, unknown>>(`PRAGMA ${name}`))!)[0];
      expect(await pragma('user_version')).toBe(LATEST_SCHEMA_VERSION);
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
    expect(await again.get('PRAGMA user_version')).toEqual({ user_version: LATEST_SCHEMA_VERSION });
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
    await database.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    await database.close();
    expect(fs.readdirSync(dir)).toEqual(['kiosk.sqlite3']); // a clean close leaves no -wal or -shm
    const before = { hash: sha256(file), files: fs.readdirSync(dir).sort(), mtime: fs.statSync(file).mtimeMs };

    const attempt = openDatabase(file);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(attempt).rejects.toThrow(/newer version of the kiosk/);

    expect({ hash: sha256(file), files: fs.readdirSync(dir).sort(), mtime: fs.statSync(file).mtimeMs }).toEqual(before);
  });

  it('refuses a newer version that sits only in the WAL after a crash', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'kiosk.sqlite3');
    await (await openDatabase(file)).close();
    // Simulate a crash of a newer app: its version change is committed to the WAL, never checkpointed.
    const crashed = spawnSync(
      process.execPath,
      [
        '-e',
        `const s=require('sqlite3');const d=new s.Database(process.argv[1]);
         d.exec('PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; PRAGMA user_version=${LATEST_SCHEMA_VERSION + 5};',
           (e)=>{ if (e) { console.error(e); process.exit(1); } process.exit(0); });`,
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(crashed.stderr).toBe('');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    await expect(openDatabase(file)).rejects.toBeInstanceOf(DatabaseTooNewError);
  });

  it.skipIf(process.platform === 'win32')('keeps the database files readable by their owner only', async () => {
    const dir = makeTempDir();
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, 'kiosk.sqlite3');
    const database = await openDatabase(file);
    await database.run(
      'INSERT INTO visits (first_name, last_name, notice_version, signed_in_at, sign_out_code) VALUES (?, ?, ?, ?, ?)',
      ['A', 'B', '1', 0, 'AAAAAA'],
    );
    for (const name of ['kiosk.sqlite3', 'kiosk.sqlite3-wal', 'kiosk.sqlite3-shm']) {
      expect((fs.statSync(path.join(dir, name)).mode & 0o777).toString(8)).toBe('600');
    }
    await database.close();

    fs.chmodSync(file, 0o644); // e.g. restored from a backup
    await (await openDatabase(file)).close();
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('refuses a file that is not a database and leaves it untouched', async () => {
    const file = path.join(makeTempDir(), 'kiosk.sqlite3');
    fs.writeFileSync(file, 'these are someone’s notes, not a database '.repeat(100));
    const before = sha256(file);
    await expect(openDatabase(file)).rejects.toBeInstanceOf(NotADatabaseError);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file shorter than a database header, and opens an empty file as a new database', async () => {
    const dir = makeTempDir();
    const notes = path.join(dir, 'notes.sqlite3');
    fs.writeFileSync(notes, 'notes');
    await expect(openDatabase(notes)).rejects.toBeInstanceOf(NotADatabaseError);
    expect(fs.readFileSync(notes, 'utf8')).toBe('notes');

    const empty = path.join(dir, 'empty.sqlite3');
    fs.writeFileSync(empty, '');
    const database = await openDatabase(empty);
    expect(await database.get('PRAGMA user_version')).toEqual({ user_version: LATEST_SCHEMA_VERSION });
    await database.close();
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
