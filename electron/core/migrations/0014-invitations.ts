// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
-- Visitors a receptionist expects on a date. A row is deleted when the visitor signs in (the visit
-- then holds their data) and erased by the purge when nobody came (invitations.unarrivedDays).
CREATE TABLE expected_visits (
  id              INTEGER PRIMARY KEY,
  visit_date      TEXT    NOT NULL CHECK (visit_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  first_name      TEXT    NOT NULL,
  last_name       TEXT    NOT NULL,
  company         TEXT,
  plate           TEXT,
  plate_kind      TEXT    CHECK (plate_kind IN ('nl', 'foreign')),
  host_name       TEXT,
  invitation_code TEXT    NOT NULL,
  created_at      INTEGER NOT NULL
);
-- One code names one invitation while any invitation with it exists.
CREATE UNIQUE INDEX expected_visits_code ON expected_visits (invitation_code);
CREATE INDEX expected_visits_by_date ON expected_visits (visit_date);
`;
