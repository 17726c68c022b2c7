import { isWellFormedSignOutCode, normaliseSignOutCode } from './sign-out-code';

// Invitation and sign-out codes share one alphabet. Their QR codes carry a prefix so a scan at the
// welcome screen knows which it is; I, N, O, U are not in the alphabet, so no code starts like one.
export const INVITATION_QR_PREFIX = 'IN-';
export const BADGE_QR_PREFIX = 'OUT-';

export type ScannedCode = { kind: 'invitation' | 'signOut'; code: string };

export function invitationQrText(code: string): string {
  return `${INVITATION_QR_PREFIX}${code}`;
}

export function badgeQrText(signOutCode: string): string {
  return `${BADGE_QR_PREFIX}${signOutCode}`;
}

/** What a USB scanner typed: an invitation's or a badge's QR code, or null for anything else. */
export function readScannedCode(typed: string): ScannedCode | null {
  const text = normaliseSignOutCode(typed);
  for (const [prefix, kind] of [
    ['IN', 'invitation'],
    ['OUT', 'signOut'],
  ] as const) {
    const code = text.slice(prefix.length);
    if (text.startsWith(prefix) && isWellFormedSignOutCode(code)) return { kind, code };
  }
  return null;
}

/** A typed invitation code, or the text of its QR code: the bare code, or null when it cannot be one. */
export function readInvitationCode(typed: string): string | null {
  const scanned = readScannedCode(typed);
  if (scanned) return scanned.kind === 'invitation' ? scanned.code : null;
  const code = normaliseSignOutCode(typed);
  return isWellFormedSignOutCode(code) ? code : null;
}
