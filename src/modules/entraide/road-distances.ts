/**
 * Road distances between the homes and the activities of one matching, from an OSRM-compatible
 * routing service when `ROUTING_URL` is configured: one `table` request for the whole set of
 * points (`/table/v1/driving/lon,lat;lon,lat…?annotations=distance`, metres). Without the
 * service, or when it fails, answers something unexpected or does not answer within
 * `ROUTING_TIMEOUT_MS`, the straight line × ROAD_FACTOR applies (the same for a pair it left
 * without a route). A failure is logged with its cause and the number of points only: never
 * the coordinates (homes) nor anything else about the families.
 */
import type { Logger } from '../../platform/context';
import { roadKm, type DistanceFn, type Point } from './ride-matching';

export type RoadDistances = {
  dist: DistanceFn;
  source: 'routing' | 'straight-line';
  /**
   * Do these distances cover every one of `points`? False only when a routing service would
   * have been asked for a point it was not asked for (a registration that came in meanwhile);
   * never for the straight line chosen because no service is configured or it failed.
   */
  covers: (points: readonly Point[]) => boolean;
};

export type RoutingSettings = { url?: string; timeoutMs: number; log: Logger };

const key = (p: Point) => `${p.lat.toFixed(6)},${p.lon.toFixed(6)}`;

const STRAIGHT: RoadDistances = { dist: roadKm, source: 'straight-line', covers: () => true };

/** The distance function for these points: the routing service's matrix, else the straight-line estimate. */
export async function roadDistances(points: readonly Point[], s: RoutingSettings): Promise<RoadDistances> {
  if (!s.url) return STRAIGHT;
  const index = new Map<string, number>();
  const unique: Point[] = [];
  for (const p of points) {
    const k = key(p);
    if (!index.has(k)) {
      index.set(k, unique.length);
      unique.push(p);
    }
  }
  // Nothing to ask for a single point; with more, a routing service would have been asked.
  if (unique.length < 2) return { ...STRAIGHT, covers: (ps) => new Set([...unique, ...ps].map(key)).size < 2 };
  const coords = unique.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
  const url = `${s.url.replace(/\/+$/, '')}/table/v1/driving/${coords}?annotations=distance`;
  let matrix: (number | null)[][];
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(s.timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = (await res.json()) as { code?: unknown; distances?: unknown };
    if (body.code !== 'Ok' || !isMatrix(body.distances, unique.length)) throw new Error(`unexpected answer (code ${String(body.code).slice(0, 40)})`);
    matrix = body.distances;
  } catch (err) {
    const cause = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${s.timeoutMs} ms` : err instanceof Error ? err.message : 'error';
    s.log.warn({ points: unique.length, cause }, 'routing service unavailable: straight-line distances × road factor used');
    return STRAIGHT;
  }
  return {
    source: 'routing',
    covers: (ps) => ps.every((p) => index.has(key(p))),
    dist: (a, b) => {
      const i = index.get(key(a));
      const j = index.get(key(b));
      const m = i === undefined || j === undefined ? null : matrix[i]![j];
      return typeof m === 'number' ? m / 1000 : roadKm(a, b);
    },
  };
}

function isMatrix(v: unknown, n: number): v is (number | null)[][] {
  return (
    Array.isArray(v) &&
    v.length === n &&
    v.every((row) => Array.isArray(row) && row.length === n && row.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0)))
  );
}
