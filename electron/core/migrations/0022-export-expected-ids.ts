// Released migrations are never edited: a schema change is a new numbered file.
// An access copy may hold expected visits (invitations) too: erasing one of them takes the copy with
// it (issue 20). Records made before this hold none ('').
export const sql = `
ALTER TABLE privacy_exports ADD COLUMN expected_ids TEXT NOT NULL DEFAULT '';
`;
