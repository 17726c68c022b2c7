import { describe, expect, it } from 'vitest';
import { matchesEveryWord, normaliseForSearch, searchWords } from '../../shared/search-text';

describe('privacy search normalisation', () => {
  it.each([
    ["Zoë D'Arcy", 'zoe darcy'],
    ['GBB-01-B', 'gbb01b'],
    ['  Ångström   Ørsted ', 'angstrom orsted'],
    ['Straße & Søn B.V.', 'strasse son bv'],
    ['van ’t Hoff', 'van t hoff'],
    ['ÇELİK', 'celik'],
  ])('%s -> %s', (input, expected) => expect(normaliseForSearch(input)).toBe(expected));

  it('every word must occur in some field', () => {
    const fields = (...values: string[]) => values.map(normaliseForSearch);
    const words = searchWords('zoe darcy');
    expect(matchesEveryWord(words, fields('Zoë', "D'Arcy", '', ''))).toBe(true);
    expect(matchesEveryWord(words, fields('Zoe', 'Smith', '', ''))).toBe(false);
    expect(matchesEveryWord(words, fields('Anna', 'Darcy', '', ''))).toBe(false);
    expect(matchesEveryWord(searchWords('gbb01b'), fields('Bo', 'Berg', '', 'GBB-01-B'))).toBe(true);
    expect(searchWords(" - ' ")).toEqual([]);
  });
});
