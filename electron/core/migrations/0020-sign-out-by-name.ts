// A visitor who lost their code signs out by typing their name. Anyone could type someone else's, so
// the desk's Today and evacuation lists mark such a sign-out for the receptionist to check.
export const sql = `
ALTER TABLE visits ADD COLUMN signed_out_by_name INTEGER NOT NULL DEFAULT 0 CHECK (signed_out_by_name IN (0, 1));
`;
