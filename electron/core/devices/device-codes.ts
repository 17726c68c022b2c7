import { createHash, randomBytes, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a code is read off one screen and typed on another.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** A one-time enrolment code, in groups of four: about 59 bits, against 5 guesses a minute. */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/** As typed: case, spaces and dashes do not matter. */
export const normaliseCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

/** A device's credential: 256 random bits, handed out once, kept only as its hash. */
export const newCredential = (): string => randomBytes(32).toString('base64url');

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The cookie's value must look like a credential before it is hashed and looked up. */
export const looksLikeCredential = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);
