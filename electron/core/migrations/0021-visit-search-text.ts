// Released migrations are never edited: a schema change is a new numbered file.
// The privacy search (issue 25): each visit keeps its name, company and plate as a search compares them
// (`searchTextOf` in shared/search-text.ts), written by the core at sign-in and correction. The time
// index carries it, so a search walks that index alone, in SQLite, and reads only the hits' rows; the
// purge deletes as many index entries as before. Rows from before this migration, or written by hand,
// have none yet: the partial index finds them for the core to fill (`fillMissingSearchText`).
export const sql = `
ALTER TABLE visits ADD COLUMN search_text TEXT;
DROP INDEX visits_by_signed_in_at;
CREATE INDEX visits_by_signed_in_at ON visits (signed_in_at, search_text);
CREATE INDEX visits_without_search_text ON visits (id) WHERE search_text IS NULL;
`;
