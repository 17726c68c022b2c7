// Letters NFD does not take apart into a base letter and a mark.
const FOLDED: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Text as a privacy search compares it: diacritics stripped (NFD), punctuation dropped without a
 * gap (so "D'Arcy" is "darcy" and "GBB-01-B" is "gbb01b"), lower case, runs of spaces as one.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (letter) => FOLDED[letter] ?? letter)
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
