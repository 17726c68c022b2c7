import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';

export const GENERATED_CERT_FILE = 'console-cert.pem';
export const GENERATED_KEY_FILE = 'console-key.pem';
const DAY_MS = 24 * 60 * 60 * 1000;
const GENERATED_VALID_DAYS = 10 * 365;

export interface ConsoleCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate as AA:BB:..., what a browser shows when it asks. */
  fingerprint: string;
  /** SHA-256 of the public key, base64: what Chromium's --ignore-certificate-errors-spki-list pins. */
  spkiSha256: string;
}

export function describeCertificate(cert: string, key: string): ConsoleCertificate {
  const x509 = new X509Certificate(cert);
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  return {
    cert,
    key,
    fingerprint: x509.fingerprint256,
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
  };
}

/**
 * The organisation's certificate when `console.tls` names one; else the one generated on first use
 * and kept in the data folder, readable by the kiosk's account only.
 */
export async function loadConsoleCertificate({
  dataDir,
  tls,
  clock,
  altNames,
}: {
  dataDir: string;
  tls: { cert: string | null; key: string | null };
  clock: Clock;
  altNames: string[];
}): Promise<ConsoleCertificate> {
  if (tls.cert && tls.key)
    return describeCertificate(fs.readFileSync(tls.cert, 'utf8'), fs.readFileSync(tls.key, 'utf8'));
  const certFile = path.join(dataDir, GENERATED_CERT_FILE);
  const keyFile = path.join(dataDir, GENERATED_KEY_FILE);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile))
    return describeCertificate(fs.readFileSync(certFile, 'utf8'), fs.readFileSync(keyFile, 'utf8'));

  const now = clock.now();
  // Loaded only to make a certificate: the package (and its ASN.1 libraries) takes longer to load
  // than the rest of a CLI command together.
  const { default: selfsigned } = await import('selfsigned');
  const generated = await selfsigned.generate([{ name: 'commonName', value: 'Kiosk console' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + GENERATED_VALID_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...new Set(['localhost', ...altNames])].map((name) =>
          /^\d{1,3}(\.\d{1,3}){3}$/.test(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name },
        ),
      },
    ],
  });
  // The key first, 0600 and never over an existing file: two starts at once keep one certificate.
  fs.writeFileSync(keyFile, generated.private, { mode: 0o600, flag: 'wx' });
  fs.writeFileSync(certFile, generated.cert, { mode: 0o600, flag: 'wx' });
  return describeCertificate(generated.cert, generated.private);
}
