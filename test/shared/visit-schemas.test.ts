import { describe, expect, it } from 'vitest';
import { signInInput, signOutInput } from '../../shared/validation/visit-schemas';

const base = { firstName: 'Anna', lastName: 'de Vries', noticeVersion: '1-6m-28d' };

function fieldErrors(input: unknown) {
  const result = signInInput.safeParse(input);
  if (result.success) return null;
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('names', () => {
  it.each([
    ['diacritics', 'José', 'José'],
    ['Dutch tussenvoegsel with apostrophe', "van 't Hoff", "van 't Hoff"],
    ['starts with an apostrophe', "'t Hart", "'t Hart"],
    ['hyphen and dot', 'Jean-Pierre J.', 'Jean-Pierre J.'],
    ['typographic apostrophe', 'O’Neill', 'O’Neill'],
    ['Greek', 'Αλέξανδρος', 'Αλέξανδρος'],
    ['Cyrillic', 'Ольга', 'Ольга'],
    ['Arabic', 'محمد', 'محمد'],
    ['Chinese', '王小明', '王小明'],
    ['trimmed and spaces folded', '  Anna   Maria  ', 'Anna Maria'],
    ['decomposed accents become composed', 'Jose\u0301', 'José'],
    ['exactly 80 characters', 'a'.repeat(80), 'a'.repeat(80)],
    ['80 characters outside the Basic Multilingual Plane', '𠀀'.repeat(80), '𠀀'.repeat(80)],
  ])('accepts %s', (_why, typed, stored) => {
    const result = signInInput.parse({ ...base, firstName: typed });
    expect(result.firstName).toBe(stored);
  });

  it.each([
    ['empty', '', 'name.required'],
    ['only spaces', '   ', 'name.required'],
    ['81 characters', 'a'.repeat(81), 'name.tooLong'],
    ['10 KB', 'a'.repeat(10_240), 'name.tooLong'],
    ['HTML', '<script>alert(1)</script>', 'name.invalidCharacters'],
    ['SQL', "Robert'); DROP TABLE visits;--", 'name.invalidCharacters'],
    ['NUL', 'An\u0000na', 'name.invalidCharacters'],
    ['RTL override', 'Anna\u202Eavon', 'name.invalidCharacters'],
    ['zero-width joiner', 'An\u200Dna', 'name.invalidCharacters'],
    ['newline', 'Anna\nBob', 'name.invalidCharacters'],
    ['digits', 'Anna2', 'name.invalidCharacters'],
    ['no letters', "-'.", 'name.invalidCharacters'],
    ['not a string', 42, 'field.invalid'],
  ])('rejects %s', (_why, typed, key) => {
    expect(fieldErrors({ ...base, lastName: typed })).toEqual({ lastName: key });
  });

  it('requires both names', () => {
    expect(fieldErrors({ noticeVersion: '1' })).toEqual({ firstName: 'field.invalid', lastName: 'field.invalid' });
  });
});

describe('company and plate', () => {
  it('company is optional, trimmed, and empty means none', () => {
    expect(signInInput.parse({ ...base, company: '  Müller & Söhne B.V. ' }).company).toBe('Müller & Söhne B.V.');
    expect(signInInput.parse({ ...base, company: '   ' }).company).toBeUndefined();
    expect(signInInput.parse(base).company).toBeUndefined();
  });

  it.each([
    ['121 characters', 'c'.repeat(121), 'company.tooLong'],
    ['markup', '<img src=x onerror=alert(1)>', 'company.invalidCharacters'],
    ['NUL', 'ACME\u0000', 'company.invalidCharacters'],
    ['RTL override', 'ACME\u202E', 'company.invalidCharacters'],
  ])('company rejects %s', (_why, typed, key) => {
    expect(fieldErrors({ ...base, company: typed })).toEqual({ company: key });
  });

  it('plate is optional and comes back parsed', () => {
    expect(signInInput.parse({ ...base, plate: '' }).plate).toBeUndefined();
    expect(signInInput.parse({ ...base, plate: '12abc3' }).plate).toEqual({
      kind: 'nl',
      sidecode: 7,
      display: '12-ABC-3',
    });
    expect(fieldErrors({ ...base, plate: '--' })).toEqual({ plate: 'plate.invalid' });
    expect(fieldErrors({ ...base, plate: 'A'.repeat(10_240) })).toEqual({ plate: 'plate.invalid' });
  });

  it('unknown fields are refused rather than ignored', () => {
    expect(signInInput.safeParse({ ...base, isAdmin: true }).success).toBe(false);
  });
});

describe('sign-out codes', () => {
  it('ignore case, spaces and dashes', () => {
    expect(signOutInput.parse({ code: ' ace-34f ' }).code).toBe('ACE34F');
  });
  it.each(['', 'ACE34', 'ACE34FG', 'ACE30F', 'ACEI4F', "' OR 1=1"])('rejects %j', (code) => {
    expect(signOutInput.safeParse({ code }).success).toBe(false);
  });
});
