import { Fragment, type ReactNode } from 'react';

// Words up to this many characters never break in a table; a longer token (an 80-letter surname, a
// footage path) gets break opportunities: after each / \ - _ or ., and every CHUNK characters in a
// part that is still longer.
const LONGEST_WHOLE_WORD = 20;
const CHUNK = 12;

function pieces(token: string): string[] {
  if (token.length <= LONGEST_WHOLE_WORD) return [token];
  return token
    .split(/(?<=[/\\\-_.])/)
    .flatMap((part) =>
      part.length <= LONGEST_WHOLE_WORD ? [part] : (part.match(new RegExp(`.{1,${CHUNK}}`, 'gu')) ?? []),
    );
}

/** A cell's text with <wbr> where a long token may break, so CSS never has to split an ordinary word. */
export function breakable(content: ReactNode): ReactNode {
  if (typeof content !== 'string' || content.length <= LONGEST_WHOLE_WORD) return content;
  return content.split(/(\s+)/).map((token, index) => (
    <Fragment key={index}>
      {pieces(token).map((piece, at) => (
        <Fragment key={at}>
          {at > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </Fragment>
  ));
}
