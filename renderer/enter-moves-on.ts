import type { KeyboardEvent } from 'react';

/**
 * Enter in a form's text field moves to the next text field, as visitors expect on a tablet
 * keyboard; only Enter in the last one submits. Put it on the form's onKeyDown.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
  const fields = [...event.currentTarget.querySelectorAll('input')].filter(
    (input) => !input.disabled && input.type !== 'checkbox' && input.type !== 'radio',
  );
  if (!fields.includes(event.target)) return;
  const next = fields[fields.indexOf(event.target) + 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
}
