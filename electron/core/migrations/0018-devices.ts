// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
-- Browsers enrolled on the staff console. The credential is kept only as its SHA-256 hash.
CREATE TABLE devices (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL,
  kind            TEXT    NOT NULL CHECK (kind IN ('desk', 'kiosk')),
  credential_hash BLOB    NOT NULL UNIQUE,
  enrolled_at     INTEGER NOT NULL,
  last_seen_at    INTEGER,
  revoked_at      INTEGER
);

-- One-time enrolment codes, by hash: valid until expires_at, used once.
CREATE TABLE device_codes (
  id         INTEGER PRIMARY KEY,
  code_hash  BLOB    NOT NULL UNIQUE,
  name       TEXT    NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('desk', 'kiosk')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);

-- Wrong codes since enrolment was last opened; closed_at is set after too many.
CREATE TABLE device_enrolment (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  wrong_codes INTEGER NOT NULL DEFAULT 0,
  closed_at   INTEGER
);
INSERT INTO device_enrolment (id) VALUES (1);
`;
