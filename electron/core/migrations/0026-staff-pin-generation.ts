// Released migrations are never edited: a schema change is a new numbered file.
// A staff account's PIN generation, raised by every PIN reset: a session unlocked with an older one
// ends at its next call, whichever process reset the PIN (the app, the CLI) and also when the reset
// came while that unlock was still checking the old PIN.
export const sql = `
ALTER TABLE staff ADD COLUMN pin_generation INTEGER NOT NULL DEFAULT 0;
`;
