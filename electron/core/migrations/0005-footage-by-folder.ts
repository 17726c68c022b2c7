// Released migrations are never edited: a schema change is a new numbered file.
// A live file is keyed by its folder and name: one index serves both the scan's "files of this folder"
// and uniqueness, where 0004 kept two (path and folder). The path is derived, never stored twice.
// Only live rows are unique: a file that comes back under the path of a tombstone gets a row of its
// own, and the tombstone stays as it was (the record of deletions is append-only).
export const sql = `
CREATE TABLE footage_files_by_folder (
  id            INTEGER PRIMARY KEY,
  folder        TEXT    NOT NULL,         -- relative to the root, '/'-separated; '' for the root itself
  name          TEXT    NOT NULL,
  path          TEXT    GENERATED ALWAYS AS (iif(folder = '', name, folder || '/' || name)) VIRTUAL,
  camera        TEXT    NOT NULL,
  recorded_at   INTEGER NOT NULL,
  time_source   TEXT    NOT NULL CHECK (time_source IN ('path', 'mtime')),
  size          INTEGER NOT NULL,
  mtime         INTEGER NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'kept' CHECK (status IN ('kept', 'deleting', 'deleted', 'gone')),
  indexed_at    INTEGER NOT NULL,
  deleted_at    INTEGER,
  delete_reason TEXT
);
INSERT INTO footage_files_by_folder (id, folder, name, camera, recorded_at, time_source, size, mtime, status,
                                     indexed_at, deleted_at, delete_reason)
SELECT id, folder, substr(path, length(folder) + iif(folder = '', 1, 2)), camera, recorded_at, time_source, size,
       mtime, status, indexed_at, deleted_at, delete_reason
  FROM footage_files;
DROP TABLE footage_files;
ALTER TABLE footage_files_by_folder RENAME TO footage_files;
CREATE UNIQUE INDEX footage_live_by_folder ON footage_files (folder, name) WHERE status IN ('kept', 'deleting');
CREATE INDEX footage_by_camera_time ON footage_files (camera, recorded_at);
CREATE INDEX footage_live_by_time ON footage_files (recorded_at) WHERE status = 'kept';
-- Rows a killed purge left half way: almost always none, found without reading the whole table.
CREATE INDEX footage_deleting ON footage_files (id) WHERE status = 'deleting';
`;
