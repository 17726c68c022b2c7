// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  role        TEXT    NOT NULL CHECK (role IN ('receptionist', 'security', 'admin')),
  pin_salt    BLOB    NOT NULL,
  pin_hash    BLOB    NOT NULL,
  created_at  INTEGER NOT NULL,
  disabled_at INTEGER
);

-- Failed PIN attempts per account ('staff:<id>') and for the kiosk as a whole ('kiosk'). Kept in the
-- database so a restart does not lift a lockout.
CREATE TABLE pin_attempts (
  scope        TEXT    PRIMARY KEY,
  failures     INTEGER NOT NULL,
  locked_until INTEGER
);

-- Who did what and when. Details hold counts and ids, never a visitor's name, company or plate.
CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  staff_id INTEGER REFERENCES staff (id),
  actor    TEXT    NOT NULL,
  action   TEXT    NOT NULL,
  detail   TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_at ON audit_log (at);

-- The automatic sign-out and the evacuation list look for visitors still on site.
CREATE INDEX visits_on_site ON visits (signed_in_at) WHERE signed_out_at IS NULL;
`;
