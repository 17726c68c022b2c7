import { describe, expect, it } from 'vitest';
import { parsePlate } from '../../shared/validation/plate';

describe('Dutch plates are recognised by sidecode and shown with their official dashes', () => {
  it.each([
    [1, 'ab1234', 'AB-12-34'],
    [2, '1234 ab', '12-34-AB'],
    [3, '12ab34', '12-AB-34'],
    [4, 'ab-12-cd', 'AB-12-CD'],
    [5, 'abcd12', 'AB-CD-12'],
    [6, '12abcd', '12-AB-CD'],
    [7, '12abc3', '12-ABC-3'],
    [8, '1abc23', '1-ABC-23'],
    [9, 'gb 123 x', 'GB-123-X'],
    [10, 'x-123-ab', 'X-123-AB'],
    [11, 'GBB01B', 'GBB-01-B'],
    [12, 'x12abc', 'X-12-ABC'],
    [13, '1ab234', '1-AB-234'],
    [14, '123ab4', '123-AB-4'],
  ])('sidecode %i: %s -> %s', (sidecode, typed, display) => {
    expect(parsePlate(typed)).toEqual({ kind: 'nl', sidecode, display });
  });

  it('accepts dots and odd dashes as separators', () => {
    expect(parsePlate(' 12.abc.3 ')?.display).toBe('12-ABC-3');
    expect(parsePlate('12–ABC–3')?.display).toBe('12-ABC-3');
  });
});

describe('foreign plates are kept as typed, upper-cased', () => {
  it.each([
    ['Belgium', '1-abc-123', '1-ABC-123'],
    ['Belgium, older', 'abc-123', 'ABC-123'],
    ['Germany with umlaut', 'mü-ab 1234', 'MÜ-AB 1234'],
    ['Germany, umlaut typed as a combining mark', 'mu\u0308-ab 1234', 'MÜ-AB 1234'],
    ['Germany', 'M-AB 1234', 'M-AB 1234'],
    ['France', 'ab-123-cd', 'AB-123-CD'],
    ['United Kingdom', 'ab12  cde', 'AB12 CDE'],
    ['Poland', 'WA 12345', 'WA 12345'],
    ['twelve characters', 'ABCDEFGH1234', 'ABCDEFGH1234'],
  ])('%s: %s -> %s', (_country, typed, display) => {
    expect(parsePlate(typed)).toEqual({ kind: 'foreign', display });
  });
});

describe('input that is not a plate is rejected', () => {
  it.each([
    ['no letters or digits', '---'],
    ['only spaces and dots', ' . . '],
    ['one character', 'A'],
    ['thirteen characters', 'ABCDEFGH12345'],
    ['punctuation', 'AB#123'],
    ['markup', '<b>12</b>'],
    ['SQL', "1'; DROP TABLE visits;--"],
    ['NUL', 'AB\u000012'],
    ['RTL override', 'AB\u202E123'],
    ['emoji', 'AB🚗12'],
  ])('%s', (_why, typed) => {
    expect(parsePlate(typed)).toBeNull();
  });
});
