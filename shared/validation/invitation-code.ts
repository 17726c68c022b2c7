// Invitation codes are guessable only if short: 8 characters of a 32-letter alphabet (32^8, about
// 1.1e12) leave a guesser at 200 tries a second for a day, against 500 open invitations, under a 1%
// chance. Crockford's base 32: no I, L, O or U, and what a person may type for them is read as meant.
export const INVITATION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITATION_CODE_LENGTH = 8;

/** What a visitor types: case, spaces and dashes do not matter; O is 0, I and L are 1. */
export function normaliseInvitationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isWellFormedInvitationCode(code: string): boolean {
  return (
    code.length === INVITATION_CODE_LENGTH &&
    [...code].every((character) => INVITATION_CODE_ALPHABET.includes(character))
  );
}
