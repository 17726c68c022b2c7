// Released migrations are never edited: a schema change is a new numbered file.
// Data-subject requests (issue 13): a `privacy` role for the privacy officer, and restricted visits
// (GDPR art. 18), kept but out of every list except the evacuation list.
// SQLite cannot change a CHECK constraint, so the staff table is rebuilt. Foreign keys stay on during
// a migration (it runs in a transaction), so the check is deferred: dropping the table counts the
// audit rows that point at it as orphans, and putting the same ids back under the name `staff`
// counts them off again before the commit checks.
export const sql = `
PRAGMA defer_foreign_keys = ON;
CREATE TABLE staff_before_privacy AS SELECT * FROM staff;
DROP TABLE staff;
CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  role        TEXT    NOT NULL CHECK (role IN ('receptionist', 'security', 'admin', 'privacy')),
  pin_salt    BLOB    NOT NULL,
  pin_hash    BLOB    NOT NULL,
  created_at  INTEGER NOT NULL,
  disabled_at INTEGER
);
INSERT INTO staff (id, name, role, pin_salt, pin_hash, created_at, disabled_at)
  SELECT id, name, role, pin_salt, pin_hash, created_at, disabled_at FROM staff_before_privacy;
DROP TABLE staff_before_privacy;

-- When the visit was restricted; NULL when it is not. Erased with the visit, like the rest of it.
ALTER TABLE visits ADD COLUMN restricted_at INTEGER;
`;
