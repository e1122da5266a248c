import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appIconPng, drawIcon } from './app-icon';

const AMIENS = { primary: '#1d4f91', primaryContrast: '#ffffff', accent: '#b8336a' };
const OTHER = { primary: '#0a7a3d', primaryContrast: '#ffffff', accent: '#e0a000' };

function pixel(rgba: Uint8Array, size: number, x: number, y: number): number[] {
  const o = (y * size + x) * 4;
  return Array.from(rgba.slice(o, o + 4));
}

describe('the app icon in the town colours', () => {
  it('fills its rounded square with the primary colour and leaves the corners transparent', () => {
    const px = drawIcon(96, AMIENS, false);
    expect(pixel(px, 96, 0, 0)[3]).toBe(0);
    expect(pixel(px, 96, 48, 90)).toEqual([0x1d, 0x4f, 0x91, 255]);
    // The parent's head (contrast colour) and the child's (the accent, lightened).
    expect(pixel(px, 96, 36, 31)).toEqual([255, 255, 255, 255]);
    const kid = pixel(px, 96, 63, 36);
    expect(kid[0]).toBeGreaterThan(kid[1]!);
  });

  it('draws a maskable icon edge to edge, its mark inside the safe circle', () => {
    const size = 100;
    const px = drawIcon(size, OTHER, true);
    expect(pixel(px, size, 0, 0)).toEqual([0x0a, 0x7a, 0x3d, 255]);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const [r, g, b] = pixel(px, size, x, y);
        const background = r === 0x0a && g === 0x7a && b === 0x3d;
        if (!background) expect(Math.hypot(x + 0.5 - 50, y + 0.5 - 50), `mark pixel at ${x},${y}`).toBeLessThan(40);
      }
    }
  });

  it('encodes a PNG any reader takes: signature, IHDR of the size, pixels that inflate back', () => {
    const png = appIconPng(48, AMIENS, false);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(48);
    expect(png.readUInt32BE(20)).toBe(48);
    // CRC of IHDR as the format defines it.
    expect(png.readUInt32BE(29)).toBe(zlib.crc32(png.subarray(12, 29)));
    const idatLen = png.readUInt32BE(33);
    expect(png.toString('latin1', 37, 41)).toBe('IDAT');
    const rows = zlib.inflateSync(png.subarray(41, 41 + idatLen));
    expect(rows.length).toBe(48 * (48 * 4 + 1));
    expect(Array.from(rows.subarray(1 + 24 * 4, 1 + 24 * 4 + 4))[3]).toBe(255); // top row, middle: opaque
    expect(png.toString('latin1', png.length - 8, png.length - 4)).toBe('IEND');
  });
});
