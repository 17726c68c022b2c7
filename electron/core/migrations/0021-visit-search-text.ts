// Released migrations are never edited: a schema change is a new numbered file.
// Issue 25. The privacy search: each visit keeps its name, company and plate as a search compares them
// (`searchTextOf` in shared/search-text.ts), written by the core at sign-in and correction. The time
// index carries it, and the retention period the visitor was shown: a search, and the purge's counts
// of due and held visits, read that index alone, and the purge deletes as many index entries as
// before. Rows from before this migration, or written by hand, have no search text yet: the partial
// index finds them for the core to fill (`fillMissingSearchText`).
export const sql = `
ALTER TABLE visits ADD COLUMN search_text TEXT;
DROP INDEX visits_by_signed_in_at;
CREATE INDEX visits_by_signed_in_at ON visits (signed_in_at, retention_months, search_text);
CREATE INDEX visits_without_search_text ON visits (id) WHERE search_text IS NULL;
`;
