// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
-- The people visitors come to see, kept by the admin; not staff accounts, and they never log in.
CREATE TABLE hosts (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  email      TEXT    NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
);

-- Whom a visitor came to see (a name, so it goes when the visit is erased).
ALTER TABLE visits ADD COLUMN host_name TEXT;

-- Host notices waiting to be sent or retried; deleted once sent or given up.
CREATE TABLE host_mails (
  id          INTEGER PRIMARY KEY,
  visit_id    INTEGER NOT NULL,
  host_id     INTEGER NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  next_try_at INTEGER NOT NULL,
  last_error  TEXT
);
`;
