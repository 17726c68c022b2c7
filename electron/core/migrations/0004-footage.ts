// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
-- The index of the footage files under the configured root. A deleted file's row stays as a
-- tombstone (deleted_at, delete_reason): together they are the record of every deletion.
CREATE TABLE footage_files (
  id            INTEGER PRIMARY KEY,
  path          TEXT    NOT NULL UNIQUE,  -- relative to the root, '/'-separated
  folder        TEXT    NOT NULL,         -- the path's folder, '' for the root itself
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
CREATE INDEX footage_by_folder ON footage_files (folder);
CREATE INDEX footage_by_camera_time ON footage_files (camera, recorded_at);
CREATE INDEX footage_live_by_time ON footage_files (recorded_at) WHERE status = 'kept';

-- Folders as last read: an unchanged mtime means no file was added or removed there since.
CREATE TABLE footage_folders (
  path   TEXT    PRIMARY KEY,
  parent TEXT,
  mtime  INTEGER NOT NULL
);
CREATE INDEX footage_folders_by_parent ON footage_folders (parent);
`;
