import { randomInt } from 'node:crypto';
import { INVITATION_CODE_ALPHABET, INVITATION_CODE_LENGTH } from '../../../shared/validation/invitation-code';
import { SIGN_OUT_CODE_ALPHABET, SIGN_OUT_CODE_LENGTH } from '../../../shared/validation/sign-out-code';

export function randomSignOutCode(): string {
  let code = '';
  for (let index = 0; index < SIGN_OUT_CODE_LENGTH; index++) {
    code += SIGN_OUT_CODE_ALPHABET[randomInt(SIGN_OUT_CODE_ALPHABET.length)];
  }
  return code;
}

/** A new invitation code: 8 characters of the 32-letter invitation alphabet. */
export function randomInvitationCode(): string {
  let code = '';
  for (let index = 0; index < INVITATION_CODE_LENGTH; index++) {
    code += INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)];
  }
  return code;
}
