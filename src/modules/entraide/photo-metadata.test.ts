import { describe, expect, it } from 'vitest';
import { photoType, stripPhotoMetadata } from './photo-metadata';

const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : [...p])));
const has = (b: Uint8Array, s: string) => Buffer.from(b).includes(Buffer.from(s, 'latin1'));

/** A TIFF/EXIF block with a GPS IFD pointer (tag 0x8825) and a latitude reference "N" + a readable position. */
const EXIF_GPS = bytes('Exif\0\0', 'MM\0*', [0, 0, 0, 8, 0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26], 'GPS 49.8941N 2.2958E');
const seg = (marker: number, payload: Uint8Array) => bytes([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff], payload);

describe('photo metadata stripping', () => {
  it('a JPEG carrying GPS EXIF, XMP, IPTC and a comment comes out without them, the image untouched', () => {
    const app0 = seg(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]));
    const dqt = seg(0xdb, bytes([0], new Array(64).fill(1)));
    const scan = bytes(seg(0xda, bytes([1, 1, 0, 0, 0x3f, 0])), [0x12, 0x34, 0xff, 0x00, 0x56], [0xff, 0xd9]);
    const jpeg = bytes(
      [0xff, 0xd8],
      app0,
      seg(0xe1, EXIF_GPS),
      seg(0xe1, bytes('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPSLatitude</x:xmpmeta>')),
      seg(0xed, bytes('Photoshop 3.0\0GPS')),
      seg(0xfe, bytes('GPS comment')),
      dqt,
      scan,
    );
    expect(has(jpeg, 'GPS')).toBe(true);
    const out = stripPhotoMetadata(jpeg)!;
    expect(out.type).toBe('image/jpeg');
    expect(has(out.bytes, 'GPS')).toBe(false);
    expect(has(out.bytes, 'Exif')).toBe(false);
    expect(Buffer.from(out.bytes).equals(Buffer.from(bytes([0xff, 0xd8], app0, dqt, scan)))).toBe(true);
  });

  it('a PNG loses its eXIf and text chunks, keeps the image chunks with their CRC', () => {
    const chunk = (type: string, data: Uint8Array) =>
      bytes([data.length >>> 24, (data.length >> 16) & 0xff, (data.length >> 8) & 0xff, data.length & 0xff], type, data, [1, 2, 3, 4]);
    const ihdr = chunk('IHDR', bytes([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
    const idat = chunk('IDAT', bytes([0x78, 0x9c, 1, 2, 3]));
    const iend = chunk('IEND', bytes());
    const png = bytes(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      ihdr,
      chunk('eXIf', EXIF_GPS.subarray(6)),
      chunk('tEXt', bytes('Comment\0GPS here')),
      chunk('iTXt', bytes('XML:com.adobe.xmp\0\0\0\0\0GPSLatitude')),
      idat,
      iend,
    );
    const out = stripPhotoMetadata(png)!;
    expect(out.type).toBe('image/png');
    expect(has(out.bytes, 'GPS')).toBe(false);
    expect(Buffer.from(out.bytes).equals(Buffer.from(bytes(png.subarray(0, 8), ihdr, idat, iend)))).toBe(true);
  });

  it('a WebP loses its EXIF and XMP chunks; the VP8X flags and the RIFF size follow', () => {
    const chunk = (type: string, data: Uint8Array) => bytes(type, [data.length & 0xff, (data.length >> 8) & 0xff, 0, 0], data, data.length % 2 ? [0] : []);
    const vp8x = chunk('VP8X', bytes([0x08 | 0x04 | 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const vp8 = chunk('VP8 ', bytes([1, 2, 3, 4, 5]));
    const body = bytes('WEBP', vp8x, vp8, chunk('EXIF', EXIF_GPS.subarray(6)), chunk('XMP ', bytes('GPSLatitude')));
    const webp = bytes('RIFF', [body.length & 0xff, (body.length >> 8) & 0xff, 0, 0], body);
    const out = stripPhotoMetadata(webp)!;
    expect(out.type).toBe('image/webp');
    expect(has(out.bytes, 'GPS')).toBe(false);
    expect(out.bytes[20]).toBe(0x10); // only the alpha flag left
    const size = out.bytes[4]! | (out.bytes[5]! << 8);
    expect(size + 8).toBe(out.bytes.length);
    expect(has(out.bytes, 'VP8 ')).toBe(true);
  });

  it('refuses what is not a well-formed photo (never stores it half-cleaned)', () => {
    expect(stripPhotoMetadata(bytes('%PDF-1.7 GPS'))).toBeNull();
    expect(photoType(bytes('GIF89a'))).toBeNull();
    // A JPEG whose segment runs past the end.
    expect(stripPhotoMetadata(bytes([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00], 'Exif'))).toBeNull();
    // A PNG without IEND.
    expect(stripPhotoMetadata(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
  });
});
