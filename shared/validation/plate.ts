// Dutch licence plates (kentekens) by sidecode; see docs in ../shared/reference/kenteken-sidecodes.md.
// Each pattern is a run of letter (X) and digit (9) groups; the groups are the dashed display form.
const SIDECODES: readonly string[] = [
  'XX-99-99',
  '99-99-XX',
  '99-XX-99',
  'XX-99-XX',
  'XX-XX-99',
  '99-XX-XX',
  '99-XXX-9',
  '9-XXX-99',
  'XX-999-X',
  'X-999-XX',
  'XXX-99-X',
  'X-99-XXX',
  '9-XX-999',
  '999-XX-9',
];

const MAX_PLATE_LENGTH = 12;
const MIN_PLATE_LENGTH = 2;

export type Plate = { kind: 'nl'; display: string; sidecode: number } | { kind: 'foreign'; display: string };

/** Upper case without spaces, dots and dashes: the form plates are compared in. */
export function normalisePlate(input: string): string {
  return input
    .normalize('NFC')
    .trim()
    .toUpperCase()
    .replace(/[\s.\-‐-―]/gu, '');
}

function sidecodeRegex(layout: string): RegExp {
  const groups = layout.split('-').map((group) => `(${group[0] === 'X' ? '[A-Z]' : '\\d'}{${group.length}})`);
  return new RegExp(`^${groups.join('')}$`);
}

const SIDECODE_MATCHERS = SIDECODES.map((layout, index) => ({
  sidecode: index + 1,
  regex: sidecodeRegex(layout),
}));

/**
 * Parses a plate as a visitor types it. Dutch plates come back in their official dashed form;
 * anything else that is plausibly a plate is a foreign plate, kept as typed but upper-cased.
 * Returns null for input that is no plate at all.
 */
export function parsePlate(input: string): Plate | null {
  const normalised = normalisePlate(input);
  if (
    normalised.length < MIN_PLATE_LENGTH ||
    normalised.length > MAX_PLATE_LENGTH ||
    !/^[\p{L}\d]+$/u.test(normalised)
  ) {
    return null;
  }
  for (const { sidecode, regex } of SIDECODE_MATCHERS) {
    const match = regex.exec(normalised);
    if (match) return { kind: 'nl', sidecode, display: match.slice(1).join('-') };
  }
  return { kind: 'foreign', display: input.normalize('NFC').trim().toUpperCase().replace(/\s+/g, ' ') };
}
