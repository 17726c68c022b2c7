// Released migrations are never edited: a schema change is a new numbered file.
// Visit ids are never reused (AUTOINCREMENT): once the table emptied, SQLite's rowid started again at
// 1, and old audit and hold rows pointed at a new person. The sequence starts past every id the
// visits table, the holds and the audit log have seen.
// Each visit keeps the retention period it was shown at sign-in (NULL for visits from before this
// migration: the current configuration applies). The sign-out code is needed on the day only: it may
// now be cleared, and spent codes are kept apart, linked to no one, so a code is not handed out twice
// on one day and a visitor typing theirs again still hears "already signed out".
export const sql = `
CREATE TABLE visits_autoincrement (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  first_name       TEXT    NOT NULL,
  last_name        TEXT    NOT NULL,
  company          TEXT,
  plate            TEXT,
  plate_kind       TEXT    CHECK (plate_kind IN ('nl', 'foreign')),
  notice_version   TEXT    NOT NULL,
  retention_months INTEGER CHECK (retention_months > 0),
  signed_in_at     INTEGER NOT NULL,
  signed_out_at    INTEGER,
  sign_out_method  TEXT    CHECK (sign_out_method IN ('kiosk', 'staff', 'automatic')),
  sign_out_code    TEXT,
  CHECK ((signed_out_at IS NULL) = (sign_out_method IS NULL)),
  CHECK (signed_out_at IS NOT NULL OR sign_out_code IS NOT NULL)
);
INSERT INTO visits_autoincrement (id, first_name, last_name, company, plate, plate_kind, notice_version,
                                  signed_in_at, signed_out_at, sign_out_method, sign_out_code)
SELECT id, first_name, last_name, company, plate, plate_kind, notice_version, signed_in_at, signed_out_at,
       sign_out_method, iif(signed_out_at IS NULL, sign_out_code, NULL)
  FROM visits;
DROP TABLE visits;
ALTER TABLE visits_autoincrement RENAME TO visits;
CREATE INDEX visits_by_signed_in_at ON visits (signed_in_at);
CREATE UNIQUE INDEX visits_on_site_code ON visits (sign_out_code) WHERE signed_out_at IS NULL;
CREATE INDEX visits_on_site ON visits (signed_in_at) WHERE signed_out_at IS NULL;
INSERT INTO sqlite_sequence (name, seq)
SELECT 'visits', max(coalesce((SELECT max(id) FROM visits), 0),
                     coalesce((SELECT max(visit_id) FROM legal_holds), 0),
                     coalesce((SELECT max(CAST(json_extract(detail, '$.visitId') AS INTEGER)) FROM audit_log
                                WHERE json_valid(detail)), 0))
 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'visits');
UPDATE sqlite_sequence
   SET seq = max(seq, coalesce((SELECT max(visit_id) FROM legal_holds), 0),
                 coalesce((SELECT max(CAST(json_extract(detail, '$.visitId') AS INTEGER)) FROM audit_log
                            WHERE json_valid(detail)), 0))
 WHERE name = 'visits';

-- Codes handed out today and already used: no visit id, no name.
CREATE TABLE spent_sign_out_codes (
  code     TEXT    PRIMARY KEY,
  spent_at INTEGER NOT NULL
);
`;
