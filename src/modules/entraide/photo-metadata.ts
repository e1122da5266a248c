/**
 * Strip the metadata of a photo before it is stored (pure, no native dependency): a photo of
 * a poussette taken at home carries the home's GPS position in its EXIF.
 * - JPEG: the APP1 (EXIF, XMP) and APP13 (IPTC/Photoshop) segments and comments (COM) go; the
 *   other segments and the compressed image after SOS are copied byte for byte.
 * - PNG: the eXIf, tEXt, iTXt, zTXt and tIME chunks go; the other chunks are copied with their CRC.
 * - WebP: the EXIF and XMP chunks go, the VP8X flags and the RIFF size are updated.
 * A file that is not well formed is refused (null), never stored half-cleaned.
 */
export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

export function photoType(b: Uint8Array): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

function ascii(b: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...b.subarray(at, at + n));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const JPEG_DROP = new Set([0xe1, 0xed, 0xfe]); // APP1, APP13, COM

function stripJpeg(b: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xd9) return concat([...parts, b.subarray(at)]); // EOI
    const len = (b[at + 2]! << 8) | b[at + 3]!;
    if (len < 2 || at + 2 + len > b.length) return null;
    if (marker === 0xda) return concat([...parts, b.subarray(at)]); // SOS: the image data follows
    if (!JPEG_DROP.has(marker)) parts.push(b.subarray(at, at + 2 + len));
    at += 2 + len;
  }
  return null;
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function stripPng(b: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= b.length) {
    const len = ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
    const type = ascii(b, at + 4, 4);
    const end = at + 12 + len;
    if (end > b.length) return null;
    if (!PNG_DROP.has(type)) parts.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(parts);
  }
  return null;
}

function le32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function stripWebp(b: Uint8Array): Uint8Array | null {
  const size = le32(b, 4);
  if (size + 8 > b.length || size < 4) return null;
  const chunks: Uint8Array[] = [];
  let at = 12;
  while (at < size + 8) {
    if (at + 8 > b.length) return null;
    const type = ascii(b, at, 4);
    const len = le32(b, at + 4);
    const end = at + 8 + len + (len % 2);
    if (end > size + 8) return null;
    if (type !== 'EXIF' && type !== 'XMP ') {
      const chunk = b.slice(at, end);
      if (type === 'VP8X') chunk[8] = chunk[8]! & ~0x0c; // clear the EXIF (0x08) and XMP (0x04) flags
      chunks.push(chunk);
    }
    at = end;
  }
  const body = concat(chunks);
  const head = new Uint8Array(12);
  head.set(b.subarray(0, 12));
  const n = body.length + 4;
  head.set([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff], 4);
  return concat([head, body]);
}

/** The photo without its metadata, or null when the bytes are not a well-formed JPEG, PNG or WebP. */
export function stripPhotoMetadata(b: Uint8Array): { type: PhotoType; bytes: Uint8Array } | null {
  const type = photoType(b);
  if (!type) return null;
  const bytes = type === 'image/jpeg' ? stripJpeg(b) : type === 'image/png' ? stripPng(b) : stripWebp(b);
  return bytes ? { type, bytes } : null;
}
