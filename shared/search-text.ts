// Letters NFD does not take apart into a base letter and a mark.
const FOLDED: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower-case printable ASCII: keep letters, digits and single spaces. */
const asciiWords = (text: string) =>
  text
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/ +/g, ' ')
    .trim();

/**
 * Text as a privacy search compares it: diacritics stripped (NFD), punctuation dropped without a
 * gap (so "D'Arcy" is "darcy" and "GBB-01-B" is "gbb01b"), lower case, runs of spaces as one.
 */
export function normaliseForSearch(text: string): string {
  // Most names and plates are ASCII, or are once their accents are gone. The Unicode-aware pattern for
  // the rest is several times slower over the 200,000 fields of 50,000 visits.
  if (PRINTABLE_ASCII.test(text)) return asciiWords(text.toLowerCase());
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (letter) => FOLDED[letter] ?? letter);
  if (PRINTABLE_ASCII.test(folded)) return asciiWords(folded);
  return folded
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The words of a query, normalised; empty when it has nothing to search for. */
export function searchWords(query: string): string[] {
  return normaliseForSearch(query).split(' ').filter(Boolean);
}

/** True when every word occurs in at least one of the fields (each field normalised). */
export function matchesEveryWord(words: readonly string[], normalisedFields: readonly string[]): boolean {
  return words.every((word) => normalisedFields.some((field) => field.includes(word)));
}

/**
 * A visit's fields as one searchable text, each normalised, separated by a space: a query word has
 * no space, so it is found in the text exactly when it is found in one of the fields.
 */
export function searchTextOf(visit: {
  firstName: string;
  lastName: string;
  company?: string | null;
  plate?: string | null;
}): string {
  return [visit.firstName, visit.lastName, visit.company ?? '', visit.plate ?? ''].map(normaliseForSearch).join(' ');
}
