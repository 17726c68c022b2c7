import type { KioskConfig } from './config';

// Bump when the wording of the notice changes. The retention periods are part of the version too,
// so a visit records exactly which promise the visitor read.
export const NOTICE_TEXT_REVISION = 1;

export function noticeVersion(config: KioskConfig): string {
  const { visitMonths, footageDays } = config.retention;
  return `${NOTICE_TEXT_REVISION}-${visitMonths}m-${footageDays}d`;
}
