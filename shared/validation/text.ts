// Free-text rules for the fields a visitor types. Control and format characters (NUL, RTL overrides,
// zero-width joiners) are rejected rather than stripped: silently changing what someone typed would
// store a name they did not enter.
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u;
const NAME_CHARACTERS = /^[\p{L}\p{M} '’.\-‐]+$/u;
const HAS_LETTER = /\p{L}/u;
const MARKUP = /[<>]/;

export const NAME_MAX_LENGTH = 80;
export const COMPANY_MAX_LENGTH = 120;

export type TextCheck =
  { ok: true; value: string } | { ok: false; reason: 'required' | 'tooLong' | 'invalidCharacters' };

/** Length in characters as a person counts them (code points), not UTF-16 units. */
const characterCount = (value: string) => [...value].length;

/** Trims, applies NFC and folds runs of spaces, so "José" typed two ways is stored one way. */
export function tidyText(input: string): string {
  return input.normalize('NFC').trim().replace(/ {2,}/g, ' ');
}

export function checkPersonName(input: string): TextCheck {
  const value = tidyText(input);
  if (value.length === 0) return { ok: false, reason: 'required' };
  if (characterCount(value) > NAME_MAX_LENGTH) return { ok: false, reason: 'tooLong' };
  if (CONTROL_OR_FORMAT.test(value) || !NAME_CHARACTERS.test(value) || !HAS_LETTER.test(value)) {
    return { ok: false, reason: 'invalidCharacters' };
  }
  return { ok: true, value };
}

export function checkCompany(input: string): TextCheck {
  const value = tidyText(input);
  if (characterCount(value) > COMPANY_MAX_LENGTH) return { ok: false, reason: 'tooLong' };
  if (CONTROL_OR_FORMAT.test(value) || MARKUP.test(value)) {
    return { ok: false, reason: 'invalidCharacters' };
  }
  return { ok: true, value };
}
