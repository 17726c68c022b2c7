import type { Page } from 'playwright-core';

// A word longer than this cannot be expected to fit a table cell on one line (an 80-letter surname):
// it may break. Every shorter word must stay whole.
const LONGEST_WORD_THAT_MUST_FIT = 24;

/**
 * Every word in a table or a button that the browser broke across lines ("Bezo|ekt"): each run of
 * letters and digits is measured on its own, and its pieces must sit on one line. Paths broken at
 * their slashes, and names at their hyphens, break between words, not in one.
 */
export async function wordsSplitAcrossLines(page: Page): Promise<string[]> {
  return page.evaluate((longest) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll('table, button')) {
      if (root.closest('[inert], [hidden]')) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]+/gu)) {
          if (match[0].length < 2 || match[0].length > longest) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(
            [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom)),
          );
          if (lines.size > 1) found.push(`"${match[0]}" in ${root.tagName.toLowerCase()}`);
        }
      }
    }
    return [...new Set(found)];
  }, LONGEST_WORD_THAT_MUST_FIT);
}
