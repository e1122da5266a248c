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
