import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BAD_CHAR_MESSAGE, DEFAULT_MAX_STRING, DEPTH_MESSAGE, findHostileInput, hasBadChars, routeMaxString } from './hostile-input';

const find = (v: unknown, maxString = 100) => findHostileInput(v, { maxString, rootName: 'body' });

describe('hostile input', () => {
  it('sees NUL and lone surrogates, not paired ones', () => {
    expect(['a\u0000', '\uD800', 'a\uDC00b', '\uD800x\uDC00'].map(hasBadChars)).toEqual([true, true, true, true]);
    expect(['', 'é', '😀', 'a\uD83D\uDE00b', '\t\n'].map(hasBadChars)).toEqual([false, false, false, false, false]);
  });

  it('names the field, however deep, keys included', () => {
    expect(find({ a: 'ok', b: [{ c: 'x\u0000' }] })).toEqual({ path: 'b.0.c', message: BAD_CHAR_MESSAGE });
    expect(find({ a: { 'k\uD800': 1 } })).toEqual({ path: 'a', message: BAD_CHAR_MESSAGE });
    expect(find('\u0000')).toEqual({ path: 'body', message: BAD_CHAR_MESSAGE });
    expect(find({ a: 'ok', n: 3, b: null, c: [true] })).toBeNull();
  });

  it('refuses strings over the cap and nesting over the limit', () => {
    expect(find({ t: 'x'.repeat(101) })?.path).toBe('t');
    expect(find({ t: 'x'.repeat(100) })).toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(find({ d: deep })?.message).toBe(DEPTH_MESSAGE);
  });

  it("takes a route's cap from the longest string its schemas declare", () => {
    expect(routeMaxString([z.object({ a: z.string() })])).toBe(DEFAULT_MAX_STRING);
    expect(routeMaxString([z.object({ a: z.string().max(50), b: z.object({ f: z.string().max(60_000) }).nullish() })])).toBe(60_000);
    expect(routeMaxString([undefined, z.object({ d: z.string().transform((s) => s.length) })])).toBe(DEFAULT_MAX_STRING);
  });
});
