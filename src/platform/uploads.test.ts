import { describe, expect, it } from 'vitest';
import { contentMatchesType, sniffUpload, uploadProblem } from './uploads';

const pdf = Buffer.from('%PDF-1.7\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

describe('an uploaded file is what its first bytes say', () => {
  it('recognises PDF, PNG and JPEG; nothing else', () => {
    expect(sniffUpload(pdf)).toBe('application/pdf');
    expect(sniffUpload(png)).toBe('image/png');
    expect(sniffUpload(jpeg)).toBe('image/jpeg');
    expect(sniffUpload(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffUpload(Buffer.from('%PD'))).toBeNull(); // shorter than the signature
    expect(sniffUpload(new Uint8Array())).toBeNull();
  });

  it('checks the declared type against the content', () => {
    expect(contentMatchesType(pdf, 'application/pdf')).toBe(true);
    expect(contentMatchesType(pdf, 'image/png')).toBe(false);
    expect(contentMatchesType(Buffer.from('GIF89a'), 'image/gif')).toBe(false);
  });

  it('says what is wrong: empty, too large, not of its type', () => {
    expect(uploadProblem(pdf, 'application/pdf', 100)).toBeNull();
    expect(uploadProblem(new Uint8Array(), 'application/pdf', 100)).toBe('empty');
    expect(uploadProblem(Buffer.concat([pdf, Buffer.alloc(200)]), 'application/pdf', 100)).toBe('too-large');
    expect(uploadProblem(jpeg, 'application/pdf', 100)).toBe('type');
  });
});
