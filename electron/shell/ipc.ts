import { fail, type Result } from '../../shared/result';
import type { Router } from '../core/router';
import { isTrustedSender } from './guards';

/** The main process's side: only our own top-level page reaches the router, as the anonymous kiosk. */
export function handleKioskInvoke(
  router: Router,
  senderFrame: { url: string; parent: unknown } | null | undefined,
  channel: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(senderFrame)) return Promise.resolve(fail('api.forbidden'));
  return router.invokeUntrusted(channel, input, { kind: 'kiosk' });
}
