import { useEffect, useState } from 'react';
import { BRIDGE_GLOBAL, type KioskBridge } from '../../shared/api/bridge';
import type { Badge } from '../../shared/api/invitations';
import { translate, type Language, type MessageKey } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import type { InvitationText } from '../invitation-texts';
import { formatIsoDate } from '../../shared/date-format';

/** Electron prints silently to the configured printer; browser mode opens the print dialog. */
async function printPage(): Promise<MessageKey | null> {
  const bridge = (window as { [BRIDGE_GLOBAL]?: KioskBridge })[BRIDGE_GLOBAL];
  if (bridge?.printBadge) {
    const result = await bridge.printBadge();
    return result.ok ? null : result.error.key;
  }
  window.print();
  return null;
}

/**
 * The badge of the visitor who just signed in, printed once (badge.enabled in the configuration;
 * nothing at all when it is off). Print styles show only this sheet, on a label or an A6 page.
 */
export function BadgeSheet({
  client,
  signOutCode,
  language,
  text,
}: {
  client: ApiClient;
  signOutCode: string;
  language: Language;
  text: InvitationText;
}) {
  const [badge, setBadge] = useState<Badge | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  useEffect(() => {
    let cancelled = false;
    void client.invoke('badges.forSignIn', { signOutCode }).then((result) => {
      if (cancelled) return;
      if (result.ok) setBadge(result.value);
      else setProblem(result.error.key);
    });
    return () => {
      cancelled = true;
    };
  }, [client, signOutCode]);

  useEffect(() => {
    if (!badge) return;
    // After the sheet is on screen, so the print sees it.
    const frame = window.requestAnimationFrame(() => void printPage().then(setProblem));
    return () => window.cancelAnimationFrame(frame);
  }, [badge]);

  if (problem) {
    return (
      <p className="badge-problem" role="alert">
        {translate(problem, language)}
      </p>
    );
  }
  if (!badge) return null;
  return (
    <article className={`badge badge-${badge.pageSize}`} aria-label={text.badge} data-testid="badge">
      <p className="badge-name">
        {badge.firstName} {badge.lastName}
      </p>
      {badge.company && <p className="badge-company">{badge.company}</p>}
      {badge.hostName && <p className="badge-host">{text.visiting(badge.hostName)}</p>}
      <p className="badge-date">{text.validOn(formatIsoDate(badge.date, language))}</p>
      <img className="badge-qr" alt={text.signOutQr} src={`data:image/svg+xml;base64,${btoa(badge.qrSvg)}`} />
      <p className="badge-code">{badge.signOutCode}</p>
      <p className="badge-hint">{text.badgeHint}</p>
    </article>
  );
}
