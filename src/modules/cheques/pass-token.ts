/**
 * The Pass Famille Solo's QR content: a compact payload signed with the town's Ed25519
 * key, verifiable offline with the public key alone (served at /api/cheques/pass/public-key).
 *   RPFS1.<base64url(number|firstName|validFrom|validUntil)>.<base64url(signature)>
 * Pure (node:crypto only, no I/O).
 */
import crypto from 'node:crypto';

export const TOKEN_PREFIX = 'RPFS1';

export interface PassPayload {
  number: string;
  firstName: string;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  validUntil: string;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function encodePayload(p: PassPayload): string {
  // '|' never appears in a first name we print on a card: it is removed before signing.
  return [p.number, p.firstName.replace(/\|/g, ' '), p.validFrom, p.validUntil].join('|');
}

export function signPass(p: PassPayload, privateKey: crypto.KeyObject): string {
  const body = b64(encodePayload(p));
  const sig = crypto.sign(null, Buffer.from(`${TOKEN_PREFIX}.${body}`), privateKey);
  return `${TOKEN_PREFIX}.${body}.${b64(sig)}`;
}

/** The payload if the signature holds for this public key, else null (tampered, foreign, garbled). */
export function verifyPassToken(token: string, publicKey: crypto.KeyObject): PassPayload | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX) return null;
  const [, body, sig] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(sig)) return null;
  const signature = Buffer.from(sig, 'base64url');
  if (signature.length !== 64) return null;
  let ok = false;
  try {
    ok = crypto.verify(null, Buffer.from(`${TOKEN_PREFIX}.${body}`), publicKey, signature);
  } catch {
    return null;
  }
  if (!ok) return null;
  const fields = Buffer.from(body, 'base64url').toString('utf8').split('|');
  if (fields.length !== 4) return null;
  const [number, firstName, validFrom, validUntil] = fields;
  return { number, firstName, validFrom, validUntil };
}

export function generateKeyPair(): { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject } {
  return crypto.generateKeyPairSync('ed25519');
}
