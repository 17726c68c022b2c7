// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
-- Legal holds: what must not be erased while the hold is active, and why. Rows stay after release
-- (released_at set) as the record of the hold; they hold ids and a reason, not the visit's data.
CREATE TABLE legal_holds (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('visit', 'footage-file', 'footage-range')),
  visit_id    INTEGER,
  footage_path TEXT,
  camera      TEXT,
  range_start INTEGER,
  range_end   INTEGER,
  reason      TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  placed_by   TEXT    NOT NULL,
  placed_at   INTEGER NOT NULL,
  ends_at     INTEGER,
  released_by TEXT,
  released_at INTEGER,
  CHECK (kind <> 'visit' OR visit_id IS NOT NULL)
);
CREATE INDEX legal_holds_active_visits ON legal_holds (visit_id) WHERE kind = 'visit' AND released_at IS NULL;

-- Every run of a scheduled job: when, how it ended, what it did (counts), and why it failed or was blocked.
CREATE TABLE job_runs (
  id          INTEGER PRIMARY KEY,
  job         TEXT    NOT NULL,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  outcome     TEXT    CHECK (outcome IN ('ok', 'failed', 'blocked', 'dry-run')),
  counts      TEXT    NOT NULL DEFAULT '{}',
  message     TEXT,
  owner_pid   INTEGER            -- the process running it, to tell a live run from one cut off
);
CREATE INDEX job_runs_by_job ON job_runs (job, started_at);

-- Small facts the app keeps between runs, such as when an admin last confirmed the clock.
CREATE TABLE app_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
