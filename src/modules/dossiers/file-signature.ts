/**
 * Does an uploaded file's content match its declared type? The first bytes (the "magic
 * number") of each format we accept. Pure.
 */
const SIGNATURES: Record<string, readonly number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
};

export function contentMatchesType(bytes: Uint8Array, mimeType: string): boolean {
  const signatures = SIGNATURES[mimeType];
  if (!signatures) return false;
  return signatures.some((sig) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b));
}
