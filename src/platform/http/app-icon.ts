/**
 * The app's icon in the town's colours, drawn here as PNG (no image copied from elsewhere,
 * no image library): the Relais mark of web/public/town/favicon.svg — a rounded square in
 * the town's primary colour, a parent and a child in its contrast and accent colours.
 * "maskable" fills the whole square and keeps the mark inside the central safe circle
 * (40 % radius) that launchers crop to. Pure: colours in, PNG bytes out.
 */
import zlib from 'node:zlib';

export interface IconColours {
  primary: string;
  primaryContrast: string;
  accent: string;
}

type Rgba = [number, number, number, number];

function hex(c: string): Rgba {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/** The accent lightened towards white (the child's head), as the favicon's pink is to its accent. */
function light(c: Rgba, t = 0.6): Rgba {
  return [c[0] + (255 - c[0]) * t, c[1] + (255 - c[1]) * t, c[2] + (255 - c[2]) * t, 255];
}

/** The favicon's arc (M8 22 C11 14 21 14 24 22) as a polyline, in its 32-unit box. */
const ARC: [number, number][] = Array.from({ length: 33 }, (_, i) => {
  const t = i / 32;
  const u = 1 - t;
  return [u * u * u * 8 + 3 * u * u * t * 11 + 3 * u * t * t * 21 + t * t * t * 24, u * u * u * 22 + 3 * u * u * t * 14 + 3 * u * t * t * 14 + t * t * t * 22];
});

/** Distance from (x, y) to the arc's centre line (infinite far from its box: not computed). */
function arcDistance(x: number, y: number): number {
  if (x < 5 || x > 27 || y < 13 || y > 25) return Infinity;
  let best = Infinity;
  for (let i = 1; i < ARC.length; i++) {
    const [ax, ay] = ARC[i - 1]!;
    const [bx, by] = ARC[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const ex = x - (ax + t * dx);
    const ey = y - (ay + t * dy);
    best = Math.min(best, ex * ex + ey * ey);
  }
  return Math.sqrt(best);
}

/** Signed distance to the 32-unit square with corners rounded by r (negative inside). */
function roundedSquareDistance(x: number, y: number, r: number): number {
  const qx = Math.abs(x - 16) - (16 - r);
  const qy = Math.abs(y - 16) - (16 - r);
  return Math.sqrt(Math.max(qx, 0) ** 2 + Math.max(qy, 0) ** 2) + Math.min(Math.max(qx, qy), 0) - r;
}

/** RGBA pixels of the icon, `size` × `size`, edges smoothed by each shape's distance. */
export function drawIcon(size: number, colours: IconColours, maskable: boolean): Uint8Array {
  const bg = hex(colours.primary);
  const fg = hex(colours.primaryContrast);
  const child = light(hex(colours.accent));
  const unitsPerPx = 32 / size;
  // Maskable: the mark shrunk to 85 % about the centre, so it stays in the safe circle.
  const scale = maskable ? 0.85 : 1;
  const coverage = (d: number) => Math.max(0, Math.min(1, 0.5 - d / unitsPerPx));
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) * unitsPerPx;
      const y = (py + 0.5) * unitsPerPx;
      const alpha = maskable ? 1 : coverage(roundedSquareDistance(x, y, 7));
      // The mark, in its own units (it sits a little high in its box: centred here).
      const mx = 16 + (x - 16) / scale;
      const my = 16.5 + (y - 16) / scale;
      const k = unitsPerPx / scale;
      const cover = (d: number) => Math.max(0, Math.min(1, 0.5 - d / k));
      const person = Math.max(cover(Math.sqrt((mx - 12) ** 2 + (my - 11) ** 2) - 3), cover(arcDistance(mx, my) - 1.5));
      const kid = cover(Math.sqrt((mx - 21) ** 2 + (my - 12) ** 2) - 2.3);
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        const under = bg[c]! * (1 - person) + fg[c]! * person;
        out[o + c] = Math.round(under * (1 - kid) + child[c]! * kid);
      }
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA image as a PNG file (8 bits per channel, no filtering). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(rows, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function appIconPng(size: number, colours: IconColours, maskable: boolean): Buffer {
  return encodePng(size, size, drawIcon(size, colours, maskable));
}
