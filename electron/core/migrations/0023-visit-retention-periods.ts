// Released migrations are never edited: a schema change is a new numbered file.
// Issue 25. The retention periods shown to the visitors still stored, so the purge need not scan the
// visits for them (`SELECT DISTINCT retention_months`). Each period keeps an upper bound of its
// newest visit's sign-in: the end of that UTC day, the day and not the moment. Kept by triggers on
// every write of a visit's period or sign-in time; a row may outlive its last visit (an erasure
// request), never the other way round. The purge drops a row once every visit it could stand for is
// past today's period and none of them has a hold. A migration that rebuilds `visits` drops these
// triggers with the table: it must create them again.
export const sql = `
CREATE TABLE visit_retention_periods (
  months INTEGER PRIMARY KEY CHECK (months > 0),
  shown_until INTEGER NOT NULL
);
INSERT INTO visit_retention_periods (months, shown_until)
  SELECT retention_months, (max(signed_in_at) / 86400000 + 1) * 86400000 FROM visits
   WHERE retention_months IS NOT NULL GROUP BY retention_months;
CREATE TRIGGER visit_retention_period_on_sign_in AFTER INSERT ON visits
  WHEN NEW.retention_months IS NOT NULL
BEGIN
  INSERT INTO visit_retention_periods (months, shown_until)
    VALUES (NEW.retention_months, (NEW.signed_in_at / 86400000 + 1) * 86400000)
    ON CONFLICT (months) DO UPDATE SET shown_until = max(shown_until, excluded.shown_until);
END;
CREATE TRIGGER visit_retention_period_on_change AFTER UPDATE OF signed_in_at, retention_months ON visits
  WHEN NEW.retention_months IS NOT NULL
BEGIN
  INSERT INTO visit_retention_periods (months, shown_until)
    VALUES (NEW.retention_months, (NEW.signed_in_at / 86400000 + 1) * 86400000)
    ON CONFLICT (months) DO UPDATE SET shown_until = max(shown_until, excluded.shown_until);
END;
`;
