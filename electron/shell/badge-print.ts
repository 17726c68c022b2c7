// The Electron shell's badge printing, decided here so it is tested without Electron: main.ts only
// hands the result to webContents.print. Free of Node and Electron imports.
import type { KioskConfig } from '../../shared/config';
import { fail, ok, type Result } from '../../shared/result';
import { isTrustedSender } from './guards';

/** The subset of Electron's WebContentsPrintOptions a badge uses. */
export interface BadgePrintOptions {
  silent: true;
  printBackground: true;
  /** The configured printer; left out, Electron prints to the system's default printer. */
  deviceName?: string;
  /** Microns for a label, or a named paper size. */
  pageSize: { width: number; height: number } | 'A6';
  margins: { marginType: 'none' };
}

/** A Brother QL-style 62 mm continuous label, cut at 100 mm: the size renderer/styles.css lays out. */
export const LABEL_62_MICRONS = { width: 62_000, height: 100_000 };

export function badgePrintOptions(badge: KioskConfig['badge']): BadgePrintOptions {
  return {
    silent: true,
    printBackground: true,
    ...(badge.printer ? { deviceName: badge.printer } : {}),
    pageSize: badge.pageSize === 'A6' ? 'A6' : LABEL_62_MICRONS,
    margins: { marginType: 'none' },
  };
}

export type PrintPage = (options: BadgePrintOptions) => Promise<{ success: boolean; failureReason: string }>;

/**
 * The main process's answer to the page's "print my badge": only our own top-level page, only when
 * badges are on, silently to the configured printer. A failed print is reported, never as printed.
 */
export async function handleBadgePrint(
  frame: { url: string; parent: unknown } | null | undefined,
  badge: KioskConfig['badge'],
  print: PrintPage,
): Promise<Result<null>> {
  if (!isTrustedSender(frame)) return fail('api.forbidden');
  if (!badge.enabled) return fail('badge.unavailable');
  try {
    const { success } = await print(badgePrintOptions(badge));
    return success ? ok(null) : fail('badge.printFailed');
  } catch {
    return fail('badge.printFailed');
  }
}
