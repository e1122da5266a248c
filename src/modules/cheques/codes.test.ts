import { describe, expect, it } from 'vitest';
import { ALPHABET, generateCode, groupCode, hashCode, looksLikeCode, normalizeCode } from './codes';

describe('codes', () => {
  it('draws 8 characters from the unambiguous alphabet, different each time', () => {
    const codes = Array.from({ length: 2000 }, () => generateCode());
    for (const c of codes) expect(looksLikeCode(c)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    for (const confusable of ['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z']) expect(ALPHABET).not.toContain(confusable);
  });
  it('draws every letter about equally (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) for (const ch of generateCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (3000 * 8) / ALPHABET.length;
    for (const ch of ALPHABET) expect(Math.abs(counts.get(ch)! - expected) / expected).toBeLessThan(0.15);
  });
  it('reads what a cashier types', () => {
    expect(normalizeCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeCode('ABCD EFGH')).toBe('ABCDEFGH');
    expect(looksLikeCode(normalizeCode('abc'))).toBe(false);
    expect(looksLikeCode('ABCDEFG0')).toBe(false);
    expect(groupCode('ABCDEFGH')).toBe('ABCD EFGH');
  });
  it('hashes the same code the same way, two codes differently', () => {
    expect(hashCode('ABCDEFGH').equals(hashCode('ABCDEFGH'))).toBe(true);
    expect(hashCode('ABCDEFGH').equals(hashCode('ABCDEFGJ'))).toBe(false);
  });
});
