import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with a per-account salt: a stolen database does not give PINs away cheaply, even though a
// 6-digit PIN has only a million values. N=2^17 needs 128 MiB per check (128 * N * r bytes), hence
// maxmem; its time on the kiosk is measured by bench/pin-hash.bench.ts.
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const CURRENT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** What the first release used, and what a hash stored without parameters was made with. */
const FIRST_RELEASE_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  const maxmem = 2 * 128 * N * r * p;
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** The parameters as stored beside the hash. */
export const storedParams = (params: ScryptParams = CURRENT_PARAMS) =>
  JSON.stringify({ N: params.N, r: params.r, p: params.p });

function parseParams(stored: string | null): ScryptParams {
  if (stored === null) return FIRST_RELEASE_PARAMS;
  const { N, r, p } = JSON.parse(stored) as ScryptParams;
  return { N, r, p };
}

export async function hashPin(
  pin: string,
  params: ScryptParams = CURRENT_PARAMS,
): Promise<{ salt: Buffer; hash: Buffer; params: string }> {
  const salt = randomBytes(16);
  return { salt, hash: await derive(pin, salt, params), params: storedParams(params) };
}

export async function pinMatches(pin: string, salt: Buffer, hash: Buffer, params: string | null): Promise<boolean> {
  const candidate = await derive(pin, salt, parseParams(params));
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

const NO_ACCOUNT_SALT = Buffer.alloc(16);

/**
 * Costs what a check costs and matches nothing: an unknown or disabled staff number takes as long to
 * refuse as a wrong PIN, so the answer's timing does not tell which numbers exist.
 */
export async function checkAgainstNoAccount(pin: string, params: ScryptParams = CURRENT_PARAMS): Promise<false> {
  await derive(pin, NO_ACCOUNT_SALT, params);
  return false;
}

/** Whether a hash made with these parameters should be replaced by one made with the current ones. */
export const needsRehash = (stored: string | null, params: ScryptParams = CURRENT_PARAMS) =>
  stored !== storedParams(params);
