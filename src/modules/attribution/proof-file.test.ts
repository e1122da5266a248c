import { describe, expect, it } from 'vitest';
import { MAX_PROOF_BYTES } from './attribution.schemas';
import { proofProblem } from './proof-file';

describe('an attached proof', () => {
  const pdf = Buffer.from('%PDF-1.4\n%…');
  it('is accepted when its content is of its declared type', () => {
    expect(proofProblem(pdf, 'application/pdf')).toBeNull();
    expect(proofProblem(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1]), 'image/jpeg')).toBeNull();
    expect(proofProblem(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png')).toBeNull();
  });
  it('is refused when its content is of another type, empty, or over 3 MB', () => {
    expect(proofProblem(pdf, 'image/png')).toBe('content');
    expect(proofProblem(Buffer.from('<html>'), 'application/pdf')).toBe('content');
    expect(proofProblem(Buffer.alloc(0), 'application/pdf')).toBe('empty');
    expect(proofProblem(Buffer.concat([pdf, Buffer.alloc(MAX_PROOF_BYTES)]), 'application/pdf')).toBe('too-large');
  });
});
