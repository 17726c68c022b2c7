import { openDatabase } from '../../electron/core/database';
import { migrations } from '../../electron/core/migrations';

/** The database at `file` opened with the migrations up to and including `version`, as a kiosk of that version left it. */
export const openDatabaseThrough = (file: string, version: number) =>
  openDatabase(
    file,
    migrations.filter((migration) => migration.version! <= version),
  );
