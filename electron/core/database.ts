// The only module that touches the sqlite3 driver: replacing the driver means replacing this file.
import fs from 'node:fs';
import sqlite3 from 'sqlite3';
import { latestVersion, migrations as appMigrations, versionOf, type Migration } from './migrations';

const BUSY_TIMEOUT_MS = 5000;

export type SqlValue = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface Statements {
  run(sql: string, params?: SqlParams): Promise<{ lastId: number; changes: number }>;
  get<Row>(sql: string, params?: SqlParams): Promise<Row | undefined>;
  all<Row>(sql: string, params?: SqlParams): Promise<Row[]>;
  exec(sql: string): Promise<void>;
}

export interface Database extends Statements {
  readonly file: string;
  /** Runs `work` in one transaction; nothing else runs on the connection until it ends. */
  transaction<T>(work: (tx: Statements) => Promise<T>): Promise<T>;
  /**
   * Copies the WAL into the database file and truncates it to nothing. With secure_delete on, erased
   * rows are then gone from both files, not left behind as old page images in the WAL.
   */
  checkpoint(): Promise<void>;
  /**
   * The same, waiting at most `waitMs` for other connections' readers; false when one still holds
   * an older snapshot, so the WAL (and the database file's old pages) could not be fully written out.
   */
  tryCheckpoint(waitMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `The database ${file} was written by a newer version of the kiosk (schema ${fileVersion}, this version knows up to ${appVersion}). ` +
        'Install the newer version again; the file has not been changed.',
    );
  }
}

export class NotADatabaseError extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a kiosk database (SQLite could not read it); it has not been changed.`);
  }
}

function connect(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const connection = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(connection)));
  });
}

function statementsOf(connection: sqlite3.Database): Statements {
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        connection.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ lastId: this.lastID, changes: this.changes });
        });
      }),
    get: <Row>(sql: string, params: SqlParams = []) =>
      new Promise<Row | undefined>((resolve, reject) => {
        connection.get(sql, params, (error: Error | null, row: Row | undefined) =>
          error ? reject(error) : resolve(row),
        );
      }),
    all: <Row>(sql: string, params: SqlParams = []) =>
      new Promise<Row[]>((resolve, reject) => {
        connection.all(sql, params, (error: Error | null, rows: Row[]) => (error ? reject(error) : resolve(rows)));
      }),
    exec: (sql) =>
      new Promise((resolve, reject) => {
        connection.exec(sql, (error: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}

function closeConnection(connection: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => connection.close((error) => (error ? reject(error) : resolve())));
}

const HEADER_BYTES = 100;
const HEADER_MAGIC = 'SQLite format 3\0';
const USER_VERSION_OFFSET = 60;

/**
 * Reads the schema version from the file's header (SQLite's file format: user_version at byte 60)
 * without opening it in SQLite, so a refused database is left exactly as it was, and no connection is
 * opened only to be closed again.
 */
function readSchemaVersion(file: string): number {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw new NotADatabaseError(file);
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = fs.readSync(descriptor, header, 0, HEADER_BYTES, 0);
    if (read === 0) return 0; // an empty file is an empty database to SQLite
    if (read < HEADER_BYTES || header.toString('latin1', 0, HEADER_MAGIC.length) !== HEADER_MAGIC)
      throw new NotADatabaseError(file);
    return header.readInt32BE(USER_VERSION_OFFSET);
  } catch (error) {
    throw error instanceof NotADatabaseError ? error : new NotADatabaseError(file);
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * Visitors' names live in these files: readable by the kiosk's own account only. SQLite gives the
 * -wal and -shm files the database file's permissions, so creating that file 0600 covers all three.
 */
function restrictToOwner(file: string): void {
  if (!fs.existsSync(file)) fs.writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
  for (const companion of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(companion)) fs.chmodSync(companion, 0o600);
  }
}

/** A queue of one: the connection is shared, and a transaction must not interleave with other writes. */
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
}

export async function openDatabase(file: string, migrations: readonly Migration[] = appMigrations): Promise<Database> {
  const appVersion = latestVersion(migrations);
  const probedVersion = readSchemaVersion(file);
  if (probedVersion > appVersion) {
    throw new DatabaseTooNewError(file, probedVersion, appVersion);
  }

  restrictToOwner(file);
  const connection = await connect(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  const statements = statementsOf(connection);
  // The header holds the main file only; after a crash a newer version may still sit in the WAL.
  // One read for the version and the numbering mark (see numberByFile).
  const marks = await statements.get<{ version: number; mark: number }>(
    'SELECT (SELECT user_version FROM pragma_user_version) AS version, (SELECT application_id FROM pragma_application_id) AS mark',
  );
  const fileVersion = marks?.version ?? 0;
  if (fileVersion > appVersion) {
    await closeConnection(connection);
    throw new DatabaseTooNewError(file, fileVersion, appVersion);
  }
  // A kiosk can lose power at any moment: WAL with synchronous=FULL keeps every committed visit.
  // secure_delete overwrites erased rows, so purged personal data does not linger in free pages.
  connection.configure('busyTimeout', BUSY_TIMEOUT_MS);
  await statements.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;',
  );

  const withLock = createLock();
  const transaction = <T>(work: (tx: Statements) => Promise<T>): Promise<T> =>
    withLock(async () => {
      await statements.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(statements);
        await statements.exec('COMMIT');
        return result;
      } catch (error) {
        // SQLite may already have rolled back (e.g. on a full disk); the original error is what matters.
        await statements.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });

  const database: Database = {
    file,
    run: (sql, params) => withLock(() => statements.run(sql, params)),
    get: (sql, params) => withLock(() => statements.get(sql, params)),
    all: (sql, params) => withLock(() => statements.all(sql, params)),
    exec: (sql) => withLock(() => statements.exec(sql)),
    transaction,
    checkpoint: async () => {
      const result = await withLock(() => statements.get<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)'));
      if (result?.busy) throw new Error('the WAL checkpoint was blocked by another connection');
    },
    tryCheckpoint: (waitMs) =>
      withLock(async () => {
        connection.configure('busyTimeout', waitMs);
        try {
          const result = await statements.get<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
          return result?.busy === 0;
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
          throw error;
        } finally {
          connection.configure('busyTimeout', BUSY_TIMEOUT_MS);
        }
      }),
    close: () => withLock(() => closeConnection(connection)),
  };

  try {
    await migrate(database, fileVersion, marks?.mark ?? 0, migrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Marks a file whose user_version is the number of its last migration file. Released versions up to
 * schema 13 counted by position in the list instead (0010 and 0013 were never written), and did not
 * set this mark; such a file is renumbered once, before anything else runs.
 */
export const NUMBERED_BY_FILE = 0x4b494f53; // 'KIOS'
/** The file number of each migration in the order the positional scheme counted them (1 to 13). */
const POSITIONAL_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15];

async function numberByFile(database: Database, version: number, mark: number): Promise<number> {
  if (mark === NUMBERED_BY_FILE) return version;
  const renumbered = version === 0 ? 0 : POSITIONAL_VERSIONS[version - 1];
  if (renumbered === undefined) throw new DatabaseTooNewError(database.file, version, POSITIONAL_VERSIONS.length);
  await database.transaction(async (tx) => {
    await tx.exec(`PRAGMA application_id = ${NUMBERED_BY_FILE}; PRAGMA user_version = ${renumbered};`);
  });
  return renumbered;
}

async function migrate(
  database: Database,
  storedVersion: number,
  mark: number,
  migrations: readonly Migration[],
): Promise<void> {
  const fromVersion = await numberByFile(database, storedVersion, mark);
  for (const [index, migration] of migrations.entries()) {
    const version = versionOf(migration, index);
    if (version <= fromVersion) continue;
    await database.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.exec(`PRAGMA user_version = ${version}`);
    });
  }
}
