// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
CREATE TABLE visits (
  id              INTEGER PRIMARY KEY,
  first_name      TEXT    NOT NULL,
  last_name       TEXT    NOT NULL,
  company         TEXT,
  plate           TEXT,
  plate_kind      TEXT    CHECK (plate_kind IN ('nl', 'foreign')),
  notice_version  TEXT    NOT NULL,
  signed_in_at    INTEGER NOT NULL,
  signed_out_at   INTEGER,
  sign_out_method TEXT    CHECK (sign_out_method IN ('kiosk', 'staff', 'automatic')),
  sign_out_code   TEXT    NOT NULL,
  CHECK ((signed_out_at IS NULL) = (sign_out_method IS NULL))
);
CREATE INDEX visits_by_signed_in_at ON visits (signed_in_at);
-- A code identifies one visitor among those still on site; once they leave it may be reused.
CREATE UNIQUE INDEX visits_on_site_code ON visits (sign_out_code) WHERE signed_out_at IS NULL;
`;
