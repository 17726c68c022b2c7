import { randomInt } from 'node:crypto';
import { SIGN_OUT_CODE_ALPHABET, SIGN_OUT_CODE_LENGTH } from '../../../shared/validation/sign-out-code';

export function randomSignOutCode(): string {
  let code = '';
  for (let index = 0; index < SIGN_OUT_CODE_LENGTH; index++) {
    code += SIGN_OUT_CODE_ALPHABET[randomInt(SIGN_OUT_CODE_ALPHABET.length)];
  }
  return code;
}
