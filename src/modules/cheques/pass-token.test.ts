import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, signPass, verifyPassToken } from './pass-token';

const payload = { number: 'ABCDEFGH', firstName: 'Samia', validFrom: '2026-03-10', validUntil: '2027-03-09' };

describe('the pass token', () => {
  const town = generateKeyPair();
  const token = signPass(payload, town.privateKey);

  it('verifies with the public key alone (PEM, as served)', () => {
    const pem = town.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyPassToken(token, crypto.createPublicKey(pem))).toEqual(payload);
    expect(token.length).toBeLessThan(200);
  });
  it('refuses a tampered payload, a foreign key, garbage', () => {
    const [p, body, sig] = token.split('.');
    const forged = Buffer.from('ABCDEFGH|Samia|2026-03-10|2099-12-31').toString('base64url');
    expect(verifyPassToken(`${p}.${forged}.${sig}`, town.publicKey)).toBeNull();
    // One byte of the signature changed (changing its last base64 characters may change no byte: 1 run in 256).
    const bytes = Buffer.from(sig, 'base64url');
    bytes[0] ^= 0xff;
    expect(verifyPassToken(`${p}.${body}.${bytes.toString('base64url')}`, town.publicKey)).toBeNull();
    expect(verifyPassToken(token, generateKeyPair().publicKey)).toBeNull();
    expect(verifyPassToken(signPass(payload, generateKeyPair().privateKey), town.publicKey)).toBeNull();
    for (const bad of ['', 'RPFS1', 'RPFS1..', 'XPFS1.a.b', `${p}.${body}`, `${p}.${body}.%%%`]) expect(verifyPassToken(bad, town.publicKey)).toBeNull();
  });
  it('keeps a first name with a separator readable', () => {
    expect(verifyPassToken(signPass({ ...payload, firstName: 'Anne|Marie' }, town.privateKey), town.publicKey)?.firstName).toBe('Anne Marie');
  });
});
