// Released migrations are never edited: a schema change is a new numbered file.
// A hold records why the data is kept longer (the privacy statement names two grounds: a legal
// obligation, or that keeping it is really necessary for our activities) and when someone must look
// at it again. Holds placed before this migration were placed under the notice's only ground then, a
// legal obligation, and are due for review 90 days after they were placed.
export const sql = `
ALTER TABLE legal_holds ADD COLUMN basis TEXT NOT NULL DEFAULT 'legalObligation'
  CHECK (basis IN ('legalObligation', 'necessaryForActivities'));
ALTER TABLE legal_holds ADD COLUMN review_at INTEGER;
UPDATE legal_holds SET review_at = placed_at + 90 * 86400000 WHERE review_at IS NULL;
CREATE INDEX legal_holds_by_review ON legal_holds (review_at) WHERE released_at IS NULL;
`;
