// Released migrations are never edited: a schema change is a new numbered file.
// Every copy the kiosk writes for a person or the police (issue 20) is a record with an expiry.
export const sql = `
CREATE TABLE privacy_exports (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT    NOT NULL CHECK (kind IN ('access', 'footage')),
  purpose     TEXT    NOT NULL,
  -- What was written, '/'-separated paths under the export folder (a JSON array of files and folders).
  paths       TEXT    NOT NULL,
  -- The export folder it was written under, as configured then.
  export_root TEXT    NOT NULL,
  exported_by TEXT    NOT NULL,
  staff_id    INTEGER,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  -- The visits it holds data of (comma-separated ids), so an erasure takes the copy with it.
  visit_ids   TEXT    NOT NULL DEFAULT '',
  file_count  INTEGER NOT NULL,
  -- Holds placed on the originals for a police request (comma-separated ids); the copy stays while one is active.
  hold_ids    TEXT    NOT NULL DEFAULT '',
  deleted_at  INTEGER,
  deleted_why TEXT
);
CREATE INDEX privacy_exports_live ON privacy_exports (expires_at) WHERE deleted_at IS NULL;
`;
