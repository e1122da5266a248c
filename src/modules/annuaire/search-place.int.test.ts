/**
 * Nearest first through the place index (migration 0303): the page is found in the smallest
 * disc that holds it, then sorted by exact distance. Checked against the whole directory
 * sorted by earth_distance in SQL, for dense and sparse places, with and without radius,
 * words, filters and deep pages, across the 180th meridian and near a pole.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { importDirectory } from './import-directory';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-25T10:00:00+01:00' });
  const ctx = env.rt.systemCtx();
  // A deterministic scatter: a dense town, a sparse region, both sides of the 180th meridian, the far north.
  let seed = 7;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const places: [number, number, number, number][] = [
    [49.894, 2.296, 0.05, 300], // Amiens: 300 services within ~4 km
    [46.5, 2.5, 3, 200], // the centre of France, sparse
    [-17.7, 179.95, 0.2, 40], // Fiji, across the 180th meridian
    [89.9, 0, 0.05, 10], // near the North Pole
  ];
  const structures = places.map(([lat, lon], i) => ({
    source: 'lieu',
    id: `lieu--s${i}`,
    nom: `Structure ${i}`,
    date_maj: '2026-06-01',
    latitude: lat,
    longitude: lon,
  }));
  expect((await importDirectory(ctx, JSON.stringify(structures))).errors).toEqual([]);
  const services: Record<string, unknown>[] = [];
  places.forEach(([lat, lon, spread, n], i) => {
    for (let j = 0; j < n; j++) {
      let x = lon + (rnd() - 0.5) * 2 * spread;
      if (x > 180) x -= 360;
      // Some services share a place (ties in distance are ordered by name, then id).
      const at = j % 7 === 3 ? [lat, lon] : [Math.round((lat + (rnd() - 0.5) * spread) * 1e5) / 1e5, Math.round(x * 1e5) / 1e5];
      services.push({
        source: 'lieu',
        structure_id: `lieu--s${i}`,
        id: `lieu--v${i}-${j}`,
        nom: `${j % 3 ? 'Crèche' : 'Épicerie solidaire'} ${(j * 37) % 101}`,
        description: 'Service de test',
        date_maj: '2026-06-01',
        thematiques: [j % 3 ? 'famille--garde-denfants' : 'equipement-et-alimentation--alimentation'],
        latitude: at[0],
        longitude: at[1],
      });
    }
  });
  const out = await importDirectory(ctx, JSON.stringify(services));
  expect(out.errors).toEqual([]);
});
afterAll(() => env?.close());

/** Every service's name in exact distance order from (lat, lon), within `radiusM`, as SQL sorts them. */
async function bruteForce(lat: number, lon: number, radiusM: number | null, words: string | null): Promise<string[]> {
  const { rows } = await env.rt.deps.db.query<{ nom: string }>(
    `SELECT nom FROM (
       SELECT id, nom, earth_distance(ll_to_earth(latitude, longitude), ll_to_earth($1, $2)) AS d FROM annuaire_services
       WHERE latitude IS NOT NULL AND ($4::text IS NULL OR search_tsv @@ to_tsquery('french_unaccent', $4))) x
     WHERE $3::float8 IS NULL OR d <= $3 ORDER BY d, nom, id`,
    [lat, lon, radiusM, words],
  );
  return rows.map((r) => r.nom);
}

async function page(qs: string): Promise<{ total: number; services: { nom: string; distance_m: number }[] }> {
  const res = await env.client().get(`/api/annuaire/services?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

it.each([
  ['a dense town, 2 km', 49.894, 2.296, 2],
  ['a dense town, no radius', 49.894, 2.296, null],
  ['a sparse region, 150 km', 46.5, 2.5, 150],
  ['between the two, no radius', 48.2, 2.4, null],
  ['across the 180th meridian, 30 km', -17.7, -179.98, 30],
  ['near the North Pole, 50 km', 89.95, 120, 50],
])('pages nearest first in exact distance order: %s', async (_label, lat, lon, km) => {
  const radius = km === null ? '' : `&rayon_km=${km}`;
  for (const words of [null, 'epicerie']) {
    const all = await bruteForce(lat, lon, km === null ? null : km * 1000, words);
    const q = words ? `&q=${words}` : '';
    // With words and no radius, the search is one text scan sorted by distance: the same order.
    for (const [perPage, pageNo] of [
      [20, 1],
      [20, 2],
      [100, 3],
    ] as const) {
      const got = await page(`lat=${lat}&lon=${lon}${radius}${q}&tri=distance&par_page=${perPage}&page=${pageNo}`);
      expect(got.services.map((s) => s.nom)).toEqual(all.slice(perPage * (pageNo - 1), perPage * pageNo));
      const d = got.services.map((s) => s.distance_m);
      expect([...d].sort((a, b) => a - b)).toEqual(d);
    }
  }
});

it('keeps the radius exact at its edge and combines it with filters', async () => {
  const all = await bruteForce(49.894, 2.296, null, null);
  const { rows } = await env.rt.deps.db.query<{ d: number }>(
    `SELECT earth_distance(ll_to_earth(latitude, longitude), ll_to_earth(49.894, 2.296)) AS d FROM annuaire_services
     WHERE latitude IS NOT NULL ORDER BY d OFFSET 150 LIMIT 2`,
  );
  // Between the 151st and the 152nd nearest.
  expect(rows[1]!.d).toBeGreaterThan(rows[0]!.d);
  const edgeKm = (rows[0]!.d + rows[1]!.d) / 2000;
  const within = await page(`lat=49.894&lon=2.296&rayon_km=${edgeKm}&tri=distance&par_page=100&page=2`);
  expect(within.services.map((s) => s.nom)).toEqual(all.slice(100, 151));
  const garde = await page('lat=49.894&lon=2.296&rayon_km=3&thematique=famille--garde-denfants&tri=distance&par_page=50');
  expect(garde.services.length).toBe(50);
  expect(garde.services.every((s) => s.nom.startsWith('Crèche'))).toBe(true);
});
