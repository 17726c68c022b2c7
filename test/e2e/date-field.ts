import type { Locator, Page } from 'playwright-core';

/**
 * Types an ISO date (2027-03-31) or local date-time (2026-11-20T00:00) into the segmented date
 * field labelled `label`, segment by segment, as a person would.
 */
export async function fillDateField(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const field = scope.getByRole('group', { name: label, exact: true });
  const [date = '', time] = iso.split('T');
  const [year = '', month = '', day = ''] = date.split('-');
  const [hour, minute] = time?.split(':') ?? [];
  const parts: [string, string | undefined][] = [
    ['day', day],
    ['month', month],
    ['year', year],
    ['hour', hour],
    ['minute', minute],
  ];
  for (const [part, value] of parts) {
    if (value !== undefined) await field.locator(`input.segment-${part}`).fill(value);
  }
}
