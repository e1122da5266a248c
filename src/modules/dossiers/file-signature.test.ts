import { describe, expect, it } from 'vitest';
import { contentMatchesType } from './file-signature';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
const html = Buffer.from('<!doctype html><script>alert(1)</script>');

describe('contentMatchesType', () => {
  it('accepts each format by its first bytes', () => {
    expect(contentMatchesType(png, 'image/png')).toBe(true);
    expect(contentMatchesType(jpeg, 'image/jpeg')).toBe(true);
    expect(contentMatchesType(pdf, 'application/pdf')).toBe(true);
  });

  it('refuses content of another type, empty or truncated content, and unknown types', () => {
    expect(contentMatchesType(html, 'image/png')).toBe(false);
    expect(contentMatchesType(pdf, 'image/jpeg')).toBe(false);
    expect(contentMatchesType(png, 'application/pdf')).toBe(false);
    expect(contentMatchesType(Buffer.alloc(0), 'application/pdf')).toBe(false);
    expect(contentMatchesType(png.subarray(0, 4), 'image/png')).toBe(false);
    expect(contentMatchesType(html, 'text/html')).toBe(false);
  });
});
