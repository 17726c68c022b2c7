import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SignOutFormScreen } from '../../renderer/screens/sign-out-form';
import { InvitationCodeScreen } from '../../renderer/screens/invitation-code';
import { uiText } from '../../renderer/i18n';
import { invitationText } from '../../renderer/invitation-texts';
import type { ApiClient } from '../../renderer/api/client';
import { signOutInput } from '../../shared/validation/visit-schemas';
import { readInvitationCode } from '../../shared/validation/scanned-code';
import { SIGN_OUT_CODE_ALPHABET, SIGN_OUT_CODE_LENGTH } from '../../shared/validation/sign-out-code';
import { INVITATION_CODE_ALPHABET, INVITATION_CODE_LENGTH } from '../../shared/validation/invitation-code';

const client = {} as ApiClient;
const noop = () => undefined;

/** The maxlength of the one code field a screen renders. */
function maxLengthOf(markup: string): number {
  const field = /<input[^>]*class="[^"]*code-input[^"]*"[^>]*>/.exec(markup)?.[0];
  expect(field, 'the screen renders its code field').toBeDefined();
  const maxLength = /maxLength="(\d+)"/i.exec(field!)?.[1];
  return maxLength === undefined ? Infinity : Number(maxLength);
}

/** Every way a visitor or a scanner may put a code in: bare, lower case, grouped, spaced, dashed, scanned. */
function typedForms(code: string, prefix: string): string[] {
  const half = Math.ceil(code.length / 2);
  return [
    code,
    code.toLowerCase(),
    `${code.slice(0, half)} ${code.slice(half)}`,
    `${code.slice(0, half)}-${code.slice(half)}`,
    [...code].join(' '),
    [...code].join('-'),
    ` ${code} `,
    `${prefix}${code}`,
    `${prefix.toLowerCase()}${code.toLowerCase()}`,
  ];
}

// Codes drawn from the ends of each alphabet, at the real lengths the core hands out.
const signOutCode = (SIGN_OUT_CODE_ALPHABET.slice(0, 3) + SIGN_OUT_CODE_ALPHABET.slice(-3)).slice(
  0,
  SIGN_OUT_CODE_LENGTH,
);
const invitationCode = (INVITATION_CODE_ALPHABET.slice(0, 4) + INVITATION_CODE_ALPHABET.slice(-4)).slice(
  0,
  INVITATION_CODE_LENGTH,
);

describe('the code fields take every form of a real code', () => {
  it.each(['nl', 'en'] as const)(
    'the sign-out field (%s): the 6-character code typed any way, or OUT- scanned',
    (language) => {
      const markup = renderToStaticMarkup(
        createElement(SignOutFormScreen, { text: uiText[language], language, client, onSignedOut: noop, onBack: noop }),
      );
      const maxLength = maxLengthOf(markup);
      for (const typed of typedForms(signOutCode, 'OUT-')) {
        expect(typed.length, `"${typed}" fits the field`).toBeLessThanOrEqual(maxLength);
        expect(signOutInput.safeParse({ code: typed }), `"${typed}" is read as the code`).toMatchObject({
          success: true,
          data: { code: signOutCode },
        });
      }
    },
  );

  it.each(['nl', 'en'] as const)(
    'the invitation field (%s): the 8-character code typed any way, or IN- scanned',
    (language) => {
      const markup = renderToStaticMarkup(
        createElement(InvitationCodeScreen, {
          text: uiText[language],
          invitation: invitationText[language],
          language,
          client,
          onFound: noop,
          onBack: noop,
        }),
      );
      const maxLength = maxLengthOf(markup);
      for (const typed of typedForms(invitationCode, 'IN-')) {
        expect(typed.length, `"${typed}" fits the field`).toBeLessThanOrEqual(maxLength);
        expect(readInvitationCode(typed), `"${typed}" is read as the code`).toBe(invitationCode);
      }
    },
  );
});
