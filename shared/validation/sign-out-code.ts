// Sign-out codes avoid characters that look alike on a screen or a handwritten note:
// no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V.
export const SIGN_OUT_CODE_ALPHABET = 'ACEFGHJKMNPRTWXY34679';
export const SIGN_OUT_CODE_LENGTH = 6;

/** What a visitor types back: case and separators do not matter. */
export function normaliseSignOutCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isWellFormedSignOutCode(code: string): boolean {
  return (
    code.length === SIGN_OUT_CODE_LENGTH && [...code].every((character) => SIGN_OUT_CODE_ALPHABET.includes(character))
  );
}
