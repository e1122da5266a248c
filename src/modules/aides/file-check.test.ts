import { describe, expect, it } from 'vitest';
import { checkUpload, MAX_UPLOAD_BYTES } from './file-check';

const pdf = Buffer.from('%PDF-1.7\n...');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);

describe('uploads', () => {
  it('accepts PDF, PNG and JPEG by their content', () => {
    expect(checkUpload(pdf, 'application/pdf')).toBeNull();
    expect(checkUpload(png, 'image/png')).toBeNull();
    expect(checkUpload(jpeg, 'image/jpeg')).toBeNull();
    expect(checkUpload(Buffer.from('<html>'), 'text/html')).toBe('type');
  });
  it('refuses a file whose content is not its declared type', () => {
    expect(checkUpload(Buffer.from('MZ executable'), 'application/pdf')).toBe('type');
    expect(checkUpload(png, 'application/pdf')).toBe('type');
    expect(checkUpload(pdf, 'application/pdf')).toBeNull();
  });
  it('refuses an empty file and one over the limit', () => {
    expect(checkUpload(Buffer.alloc(0), 'application/pdf')).toBe('empty');
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(checkUpload(big, 'application/pdf')).toBe('too-large');
  });
});
