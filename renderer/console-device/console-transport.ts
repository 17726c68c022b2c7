import { API_PATH_PREFIX, BACKGROUND_HEADER } from '../../shared/api/bridge';
import { fail, type Result } from '../../shared/result';
import type { Transport } from '../api/client';

/**
 * The console's transport: the device's credential travels as its HttpOnly cookie, which this page
 * never sees. A refusal for want of enrolment (never enrolled, or revoked) goes to `onUnenrolled`.
 */
export function consoleTransport(onUnenrolled: () => void, fetchImpl: typeof fetch = fetch): Transport {
  return async (channel, input, background) => {
    const response = await fetchImpl(`${API_PATH_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(background ? { [BACKGROUND_HEADER]: '1' } : {}) },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const body = (await response.json()) as Result<unknown>;
    if (typeof body?.ok !== 'boolean') return fail('api.unreachable');
    if (!body.ok && body.error.key === 'device.notEnrolled') onUnenrolled();
    return body;
  };
}

/** The console is this page's origin over HTTPS, without the browser mode's launch key. */
export const isConsolePage = (location: Location): boolean =>
  location.protocol === 'https:' && !/(^|[#&])token=/.test(location.hash);
