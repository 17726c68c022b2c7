import { isWellFormedInvitationCode, normaliseInvitationCode } from './invitation-code';
import { isWellFormedSignOutCode, normaliseSignOutCode, SIGN_OUT_CODE_LENGTH } from './sign-out-code';

// QR codes carry a prefix so a scan at the welcome screen knows which code it is; neither alphabet
// has I or O, so no bare code starts like one. A scanned code is read exactly as a typed one.
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
  if (text.startsWith('IN')) {
    const code = normaliseInvitationCode(text.slice('IN'.length));
    if (isWellFormedInvitationCode(code)) return { kind: 'invitation', code };
  }
  if (text.startsWith('OUT')) {
    const code = text.slice('OUT'.length);
    if (isWellFormedSignOutCode(code)) return { kind: 'signOut', code };
  }
  return null;
}

/** A typed invitation code, or the text of its QR code: the bare code, or null when it cannot be one. */
export function readInvitationCode(typed: string): string | null {
  const scanned = readScannedCode(typed);
  if (scanned) return scanned.kind === 'invitation' ? scanned.code : null;
  const code = normaliseInvitationCode(typed);
  return isWellFormedInvitationCode(code) ? code : null;
}

/** A typed sign-out code, or the badge QR's text typed into the field: the bare code, or null. */
export function readSignOutCode(typed: string): string | null {
  const scanned = readScannedCode(typed);
  if (scanned) return scanned.kind === 'signOut' ? scanned.code : null;
  const code = normaliseSignOutCode(typed);
  return isWellFormedSignOutCode(code) ? code : null;
}

/**
 * How long the sign-out code field lets a typed code be: the badge QR's prefix (a scanner types it
 * into the field) and a space or dash between every two characters, as some people type a code.
 */
export const SIGN_OUT_FIELD_MAX_LENGTH = BADGE_QR_PREFIX.length + 2 * SIGN_OUT_CODE_LENGTH - 1;
