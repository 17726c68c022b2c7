import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Every pair of interactive elements on the screen whose boxes overlap: a finger aimed at one may
 * hit the other. Elements inside an inert part of the page (behind a dialog), hidden or of no size
 * are not targets; a control inside another (a checkbox in its label) is one target.
 */
export async function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'button, input, select, textarea, a[href], label.check, [role=button], [tabindex]:not([tabindex="-1"])';
    const targets = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
      if (element.closest('[inert]')) return false;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    });
    const name = (element: HTMLElement) =>
      `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40) || element.getAttribute('aria-label') || (element as HTMLInputElement).name || ''}"`;
    const found: string[] = [];
    targets.forEach((a, index) => {
      for (const b of targets.slice(index + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        const boxA = a.getBoundingClientRect();
        const boxB = b.getBoundingClientRect();
        const width = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
        const height = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
        if (width > 0 && height > 0)
          found.push(`${name(a)} and ${name(b)} overlap by ${Math.round(width)}x${Math.round(height)} px`);
      }
    });
    return found;
  });
}

/** No two interactive elements on the current screen overlap (use it on every screen, both orientations). */
export async function expectNoOverlap(page: Page): Promise<void> {
  expect(await overlappingControls(page)).toEqual([]);
}

/**
 * The page, and each table's frame and card (the staff screen around it): every box whose content is
 * wider than it, with both widths. A table cut or scrolled at its frame's edge hides its last columns.
 */
export async function overflowingTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes: [string, Element | null][] = [['page', document.documentElement]];
    document.querySelectorAll('table').forEach((table, index) => {
      const name = `table ${index}${table.caption ? ` (${table.caption.textContent ?? ''})` : ''}`;
      boxes.push([`${name} frame`, table.parentElement]);
      boxes.push([`${name} card`, table.closest('.screen')]);
    });
    return boxes.flatMap(([name, box]) =>
      box && box.scrollWidth > box.clientWidth ? [`${name}: ${box.scrollWidth} > ${box.clientWidth}`] : [],
    );
  });
}
