// Text from the footage share (camera and file names) or from older rows can hold characters that a
// terminal or a viewer acts on instead of showing: ESC sequences, a carriage return that overwrites
// a line, a newline that fakes one, bidi overrides that reverse what follows. Wherever such text is
// printed, each of them is shown as a visible escape instead.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const UNPRINTABLE_EXCEPT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// What JSON.stringify leaves raw but a terminal may still act on: DEL, C1 controls, format characters.
const RAW_IN_JSON = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');

function escapeCharacter(character: string): string {
  const code = character.codePointAt(0)!;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 5)}}`;
}

/** One value (a name, a path) for a line of output: every control or format character escaped. */
export function printable(value: string): string {
  return value.replace(UNPRINTABLE, escapeCharacter);
}

/** Whole output whose own line breaks are meant; the last guard before a terminal. */
export function printableLines(text: string): string {
  return text.replace(UNPRINTABLE_EXCEPT_NEWLINE, escapeCharacter);
}

/** JSON text with the characters JSON.stringify leaves raw written as \u escapes; it parses the same. */
export function jsonForTerminal(json: string): string {
  return json.replace(RAW_IN_JSON, (match) =>
    [...Array(match.length).keys()].map((index) => `\\u${hex(match.charCodeAt(index), 4).toLowerCase()}`).join(''),
  );
}
