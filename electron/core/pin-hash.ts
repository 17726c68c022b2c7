import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with a per-account salt: a stolen database does not give PINs away cheaply, even though a
// 6-digit PIN has only a million values. N=2^15 costs about 0.1 s and 32 MiB per check.
const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<{ salt: Buffer; hash: Buffer }> {
  const salt = randomBytes(16);
  return { salt, hash: await derive(pin, salt) };
}

export async function pinMatches(pin: string, salt: Buffer, hash: Buffer): Promise<boolean> {
  const candidate = await derive(pin, salt);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}
