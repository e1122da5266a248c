import { describe, expect, it } from 'vitest';
import { cellForZoom, cellsAround, distanceMeters, geoCell, gridCluster, neighbourhoodOf, pointInRing, shapesFromGeoJson } from './geo';
import { boxAround, placeSteps } from './search.store';
import { EVENING_LITERAL, foldText, multirangeLiteral, SATURDAY_MORNING_LITERAL, searchWords, toTsQuery } from './search-query';

describe('searchWords', () => {
  it('folds accents and case', () => {
    expect(foldText('Épicerie SOLIDAIRE à Étouvie')).toBe('epicerie solidaire a etouvie');
  });
  it('drops little words and keeps what matters', () => {
    expect(searchWords("J'ai besoin d'un dentiste pour mes enfants")).toEqual(['dentiste', 'enfants']);
  });
  it('deduplicates and bounds the number of words', () => {
    expect(searchWords('crèche crèche creche')).toEqual(['creche']);
    expect(searchWords('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10')).toHaveLength(8);
  });
  it('splits on punctuation and keeps digits', () => {
    expect(searchWords('aide-alimentaire, 80000')).toEqual(['aide', 'alimentaire', '80000']);
  });
});

describe('toTsQuery', () => {
  it('requires every word and makes prefixes of the words marked so', () => {
    expect(toTsQuery(['aide', { word: 'aliment', prefix: true }])).toBe('aide & aliment:*');
  });
  it('does not prefix very short words', () => {
    expect(toTsQuery(['pmi', { word: 'de', prefix: true }])).toBe('pmi & de');
  });
  it('drops characters that would break the tsquery', () => {
    expect(toTsQuery(["l'aide", 'a&b'])).toBe('laide & ab');
  });
  it('is null without words', () => {
    expect(toTsQuery([])).toBeNull();
  });
});

describe('week literals', () => {
  it('writes multiranges', () => {
    expect(
      multirangeLiteral([
        [0, 10],
        [20, 30],
      ]),
    ).toBe('{[0,10),[20,30)}');
    expect(SATURDAY_MORNING_LITERAL).toBe('{[7680,7920)}');
    expect(EVENING_LITERAL.startsWith('{[1080,1440),[2520,2880)')).toBe(true);
  });
});

describe('geo', () => {
  it('measures distances on the sphere', () => {
    // Amiens cathedral to the railway station, about 700 m
    const d = distanceMeters([49.8945, 2.3022], [49.8906, 2.3078]);
    expect(d).toBeGreaterThan(500);
    expect(d).toBeLessThan(700);
  });
  const square: [number, number][] = [
    [2.0, 49.0],
    [2.1, 49.0],
    [2.1, 49.1],
    [2.0, 49.1],
    [2.0, 49.0],
  ];
  it('finds points in a polygon ring', () => {
    expect(pointInRing([49.05, 2.05], square)).toBe(true);
    expect(pointInRing([49.15, 2.05], square)).toBe(false);
  });
  it('prefers the polygon, else the nearest centre within 3 km', () => {
    const shapes = shapesFromGeoJson({ features: [{ properties: { id: 'a' }, geometry: { type: 'Polygon', coordinates: [square] } }] }, [
      { id: 'a', name: 'A', center: [49.05, 2.05] },
      { id: 'b', name: 'B', center: [49.2, 2.2] },
    ]);
    expect(neighbourhoodOf([49.01, 2.01], shapes)).toBe('a');
    expect(neighbourhoodOf([49.205, 2.2], shapes)).toBe('b');
    expect(neighbourhoodOf([40, 2], shapes)).toBeNull();
  });
  it('clusters nearby points on a grid', () => {
    const pts = [
      { lat: 49.9001, lon: 2.3001 },
      { lat: 49.9002, lon: 2.3002 },
      { lat: 49.95, lon: 2.35 },
    ];
    const clusters = gridCluster(pts, 0.01);
    expect(clusters.map((c) => c.items.length).sort()).toEqual([1, 2]);
    expect(gridCluster(pts, 0.00001)).toHaveLength(3);
  });
  it('shrinks cells as the map zooms in', () => {
    expect(cellForZoom(14)).toBeLessThan(cellForZoom(12));
  });
});

describe('the Amiens neighbourhoods GeoJSON (rules/town)', () => {
  it('puts every centre in its own polygon and no other', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../..');
    const town = JSON.parse(fs.readFileSync(path.join(root, 'rules/town/amiens.json'), 'utf8'));
    const gj = JSON.parse(fs.readFileSync(path.join(root, 'rules/town/amiens-quartiers.geojson'), 'utf8'));
    const shapes = shapesFromGeoJson(gj, town.neighbourhoods);
    for (const s of shapes) {
      expect(s.rings, s.id).toBeDefined();
      const containing = shapes.filter((o) => o.rings!.some((r) => pointInRing(s.center, r))).map((o) => o.id);
      expect(containing).toEqual([s.id]);
    }
  });
});

describe('geographic cells', () => {
  it('names the cell of a point', () => {
    expect(geoCell(49.894, 2.296)).toBe('geo699x607');
  });
  it('covers every point within the radius', () => {
    const centre: [number, number] = [49.894, 2.296];
    const cells = new Set(cellsAround(centre[0], centre[1], 30_000)!);
    for (let i = 0; i < 2000; i++) {
      const lat = centre[0] + (Math.random() - 0.5) * 0.7;
      const lon = centre[1] + (Math.random() - 0.5) * 1.0;
      if (distanceMeters(centre, [lat, lon]) <= 30_000) expect(cells.has(geoCell(lat, lon))).toBe(true);
    }
  });
  it('gives up on huge areas', () => {
    expect(cellsAround(46, 2, 1_000_000)).toBeNull();
    expect(cellsAround(49.9, 2.3, 2000)!.length).toBeLessThanOrEqual(4);
  });
});

describe('place boxes (nearest first through the place index)', () => {
  /** The point at `distanceM` (great circle, on a sphere of `radius`) from (lat, lon) towards `bearing`. */
  const destination = (lat: number, lon: number, distanceM: number, bearing: number, radius: number): [number, number] => {
    const r = Math.PI / 180;
    const d = distanceM / radius;
    const p1 = lat * r;
    const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(bearing));
    const l2 = lon * r + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return [p2 / r, ((((l2 / r + 540) % 360) + 360) % 360) - 180];
  };
  it('holds every point of the disc, on any sphere the distance may use', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const outside: unknown[] = [];
    for (let i = 0; i < 20_000; i++) {
      const lat = i % 10 === 0 ? 89 + rnd() : (rnd() - 0.5) * 170;
      const lon = i % 7 === 0 ? 179.5 + rnd() * 0.5 : (rnd() - 0.5) * 360;
      const radiusM = 10 ** (2 + rnd() * 5);
      const box = boxAround(lat, lon, radiusM);
      // earthdistance's sphere (earth() = 6,378,168 m) and the mean radius; the edge of the disc, in every direction.
      for (const sphere of [6_378_168, 6_371_000]) {
        const [y, x] = destination(lat, lon, radiusM, rnd() * 2 * Math.PI, sphere);
        if (y < box.latMin || y > box.latMax || x < box.lonMin || x > box.lonMax) outside.push({ lat, lon, radiusM, sphere, y, x, box });
      }
    }
    expect(outside).toEqual([]);
  });
  it("stays small where it can: a town's 30 km in France, every longitude only at a pole or the 180th meridian", () => {
    const b = boxAround(49.894, 2.296, 30_000);
    expect(b.latMax - b.latMin).toBeLessThan(0.55);
    expect(b.lonMax - b.lonMin).toBeLessThan(0.85);
    expect(boxAround(89.9, 10, 30_000)).toMatchObject({ lonMin: -180, lonMax: 180, latMax: 90 });
    expect(boxAround(-17.7, 179.9, 30_000)).toMatchObject({ lonMin: -180, lonMax: 180 });
    expect(boxAround(0, 0, 3e7)).toEqual({ lonMin: -180, latMin: -90, lonMax: 180, latMax: 90 });
  });
  it('tries 500 m, doubled, up to the radius or the whole earth', () => {
    expect(placeSteps(49.9, 2.3, 3000).map((s) => s.radiusM)).toEqual([500, 1000, 2000, 3000]);
    expect(placeSteps(49.9, 2.3, 400).map((s) => s.radiusM)).toEqual([400]);
    const all = placeSteps(49.9, 2.3, null);
    expect(all.at(-1)!.box).toEqual({ lonMin: -180, latMin: -90, lonMax: 180, latMax: 90 });
    expect(all.length).toBeLessThan(20);
  });
});
