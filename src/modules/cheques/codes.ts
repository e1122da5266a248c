/**
 * Payment codes and pass numbers: random, typable (no 0/O, 1/I/L, 5/S, 2/Z), shown in
 * groups of four. Stored hashed (a code is a bearer secret for five minutes). Pure.
 */
import crypto from 'node:crypto';

export const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
export const CODE_LENGTH = 8;

/** A fresh code of `length` characters from ALPHABET, uniformly drawn (rejection sampling). */
export function generateCode(length = CODE_LENGTH): string {
  let out = '';
  while (out.length < length) {
    for (const b of crypto.randomBytes(length * 2)) {
      // 27 letters: accept bytes below 243 (9 × 27) so every letter is equally likely.
      if (b < 243 && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

/** "abcd efgh", "ABCD-EFGH", "abcdefgh" → "ABCDEFGH". */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-.]/g, '');
}

/** True when the normalized text could be a code at all (the check that needs no database). */
export function looksLikeCode(normalized: string, length = CODE_LENGTH): boolean {
  return normalized.length === length && [...normalized].every((c) => ALPHABET.includes(c));
}

/** "ABCDEFGH" → "ABCD EFGH". */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

export function hashCode(normalized: string): Buffer {
  return crypto.createHash('sha256').update(`cheques:${normalized}`).digest();
}
