// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
-- The scrypt parameters a PIN was hashed with, as JSON; NULL is the first release's N=2^15, r=8, p=1.
-- An unlock with a correct PIN rehashes an account whose parameters are older than the current ones.
ALTER TABLE staff ADD COLUMN pin_params TEXT;

-- When the scope's last wrong PIN was typed: failures long ago are forgotten, so a typo a week does
-- not add up to a lockout.
ALTER TABLE pin_attempts ADD COLUMN last_failed_at INTEGER;
`;
