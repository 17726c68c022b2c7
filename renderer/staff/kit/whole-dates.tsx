import { Fragment, type ReactNode } from 'react';
import './whole-dates.css';

// 26-11-2026 (nl) and 26/11/2026 (en), with a time after it if there is one.
const DATE = /(\d{2}[-/]\d{2}[-/]\d{4}(?: \d{2}:\d{2})?)/;

/**
 * A text with each date in it kept on one line: a narrow heading or cell breaks around a date, never
 * inside it ("(26-|11-2026)"); between a date and its time it may.
 */
export function keepDatesWhole(text: string): ReactNode {
  const parts = text.split(DATE);
  if (parts.length === 1) return text;
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <Fragment key={index}>
        {part.split(' ').map((piece, at) => (
          <Fragment key={at}>
            {at > 0 && ' '}
            <span className="no-break">{piece}</span>
          </Fragment>
        ))}
      </Fragment>
    ) : (
      part
    ),
  );
}
