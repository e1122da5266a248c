/**
 * Geometry we need without a GIS library: great-circle distance, point in polygon,
 * the neighbourhood of a point (its polygon, else the nearest centre within 3 km),
 * and a simple grid clustering of markers for the map.
 */
export type LatLon = [number, number];

export interface NeighbourhoodShape {
  id: string;
  name: string;
  center: LatLon;
  /** Outer rings in GeoJSON order: [lon, lat] pairs. */
  rings?: [number, number][][];
}

const EARTH_RADIUS_M = 6_371_000;

export function distanceMeters([lat1, lon1]: LatLon, [lat2, lon2]: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Ray casting on one ring of [lon, lat] pairs. */
export function pointInRing([lat, lon]: LatLon, ring: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function neighbourhoodOf(point: LatLon, shapes: readonly NeighbourhoodShape[], maxCentreDistanceM = 3000): string | null {
  for (const s of shapes) if (s.rings?.some((r) => pointInRing(point, r))) return s.id;
  let best: { id: string; d: number } | null = null;
  for (const s of shapes) {
    const d = distanceMeters(point, s.center);
    if (!best || d < best.d) best = { id: s.id, d };
  }
  return best && best.d <= maxCentreDistanceM ? best.id : null;
}

/** Shapes from a GeoJSON FeatureCollection whose features carry `properties.id`. */
export function shapesFromGeoJson(
  geojson: { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] },
  neighbourhoods: readonly { id: string; name: string; center: LatLon }[],
): NeighbourhoodShape[] {
  return neighbourhoods.map((n) => {
    const f = geojson.features.find((x) => x.properties.id === n.id);
    let rings: [number, number][][] | undefined;
    if (f?.geometry.type === 'Polygon') rings = [(f.geometry.coordinates as [number, number][][])[0]];
    if (f?.geometry.type === 'MultiPolygon') rings = (f.geometry.coordinates as [number, number][][][]).map((p) => p[0]);
    return { ...n, rings };
  });
}

export interface Cluster<T> {
  center: LatLon;
  items: T[];
}

/**
 * Grid clustering: points falling in the same cell (of `cellDegrees`, chosen from the
 * zoom by the caller) become one cluster at their mean position. Stable and O(n).
 */
export function gridCluster<T extends { lat: number; lon: number }>(points: readonly T[], cellDegrees: number): Cluster<T>[] {
  const cells = new Map<string, T[]>();
  for (const p of points) {
    const key = `${Math.floor(p.lat / cellDegrees)}:${Math.floor(p.lon / cellDegrees)}`;
    const list = cells.get(key);
    if (list) list.push(p);
    else cells.set(key, [p]);
  }
  return [...cells.values()].map((items) => ({
    center: [items.reduce((s, p) => s + p.lat, 0) / items.length, items.reduce((s, p) => s + p.lon, 0) / items.length],
    items,
  }));
}

/** Cell size for a Leaflet zoom level: about 60 px at that zoom. */
export function cellForZoom(zoom: number): number {
  return (360 / 2 ** zoom / 256) * 60;
}

/**
 * Coarse geographic cells written as words into each service's search text, so one GIN
 * index answers "these words AND within this area"; the exact distance is checked after.
 * A cell is 0.2° of latitude by 0.3° of longitude (about 22 × 20 km in France).
 */
const CELL_LAT = 0.2;
const CELL_LON = 0.3;
const M_PER_DEG_LAT = 111_320;

export function geoCell(lat: number, lon: number): string {
  return `geo${Math.floor((lat + 90) / CELL_LAT)}x${Math.floor((lon + 180) / CELL_LON)}`;
}

/** Every cell that may hold a point within `radiusM` of the centre (null when too many). */
export function cellsAround(lat: number, lon: number, radiusM: number, max = 400): string[] | null {
  const dLat = radiusM / M_PER_DEG_LAT;
  const maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = radiusM / (M_PER_DEG_LAT * Math.cos((maxAbsLat * Math.PI) / 180));
  const lat0 = Math.floor((lat - dLat + 90) / CELL_LAT);
  const lat1 = Math.floor((lat + dLat + 90) / CELL_LAT);
  const lon0 = Math.floor((lon - dLon + 180) / CELL_LON);
  const lon1 = Math.floor((lon + dLon + 180) / CELL_LON);
  if ((lat1 - lat0 + 1) * (lon1 - lon0 + 1) > max) return null;
  const cells: string[] = [];
  for (let a = lat0; a <= lat1; a++) for (let b = lon0; b <= lon1; b++) cells.push(`geo${a}x${b}`);
  return cells;
}
