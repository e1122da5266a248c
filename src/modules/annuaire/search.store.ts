/** SQL of the directory search: full text with typo correction (annuaire_words), filters, distance, pages. */
import type { Queryable } from '../../platform/db/pool';
import { SERVICE_LIST_COLUMNS } from './annuaire.store';

/**
 * What goes into the typo-correction lexicon (annuaire_words), as a condition on a folded
 * word `w`: 3 to 40 characters, not an area cell (geo.ts), and not a number. A product
 * decision: a number (a postcode, a street or service number, a year) has no spelling to
 * correct — a mistyped number is another valid number, and its nearest neighbour by
 * trigrams would silently search for someone else's postcode — so numbers are searched
 * exactly as typed (correctWords) and need no place in the lexicon. Keeping them out also
 * keeps every numbered record of a big import from adding a word to the trigram index.
 */
export const LEXICON_WORD = `length(w) BETWEEN 3 AND 40 AND w !~ '^geo[0-9]' AND w !~ '^[0-9]+$'`;

/** A number: searched as typed, never corrected (see LEXICON_WORD). */
const NUMBER = /^[0-9]+$/;

/**
 * For each search word: a number as typed; itself when the directory knows it; for the last
 * word, a prefix when some known word starts with it (search as you type); else the nearest
 * known word by trigrams (typo), else itself.
 */
export async function correctWords(q: Queryable, words: string[]): Promise<{ word: string; prefix: boolean }[]> {
  if (!words.length) return [];
  if (words.every((w) => NUMBER.test(w))) return words.map((word) => ({ word, prefix: false }));
  const { rows } = await q.query<{ term: string; ord: number; known: boolean; prefix: boolean; nearest: string | null }>(
    `WITH t AS (
       SELECT term, ord, EXISTS (SELECT 1 FROM annuaire_words WHERE word = term) AS known
       FROM unnest($1::text[]) WITH ORDINALITY AS u(term, ord))
     SELECT term, ord, known,
       CASE WHEN NOT known AND ord = $2 THEN EXISTS (SELECT 1 FROM annuaire_words WHERE word ~>=~ term AND word ~<~ (term || '{')) ELSE false END AS prefix,
       CASE WHEN known THEN NULL ELSE (SELECT word FROM annuaire_words w WHERE w.word % term ORDER BY w.word <-> term LIMIT 1) END AS nearest
     FROM t`,
    [words, words.length],
  );
  return rows
    .sort((a, b) => a.ord - b.ord)
    .map((r) =>
      r.known || NUMBER.test(r.term)
        ? { word: r.term, prefix: false }
        : r.prefix
          ? { word: r.term, prefix: true }
          : { word: r.nearest ?? r.term, prefix: false },
    );
}

export interface SearchSql {
  tsquery: string | null;
  /** Area cells around `near` (geo.ts): a first cut through the text index. */
  cells: string[] | null;
  thematiques: string[] | null;
  categorie: string | null;
  categorieThematiques?: string[];
  profession: string | null;
  publics: string[] | null;
  openMinute: number | null;
  saturdayMorning: string | null;
  evening: string | null;
  pass: boolean;
  label: boolean;
  enfants: boolean;
  langue: string | null;
  quartier: string | null;
  near: { lat: number; lon: number } | null;
  radiusM: number | null;
  sort: 'distance' | 'relevance' | 'name';
  limit: number;
  offset: number;
}

/** Above this many matches the count stops and says "more than". */
export const COUNT_CAP = 100;

interface Built {
  where: string[];
  params: unknown[];
  p: (v: unknown) => string;
  distance: string;
  rank: string;
}

/**
 * The WHERE of a search. `mode` 'index-text': the area (cells) goes into the text query,
 * one GIN scan; 'index-place': the area is left to the caller, a box on the place index
 * (`placeSteps`), the other criteria written so that no other index is chosen.
 */
function build(f: SearchSql, mode: 'index-text' | 'index-place'): Built {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  let rank = '0::real';
  const area = mode === 'index-text' && f.cells?.length ? `(${f.cells.join(' | ')})` : null;
  // Nearest first: the other criteria are written as function calls, which no index can
  // serve, so the planner reads the place index's box and filters what it finds there
  // (rather than intersecting bitmaps over the whole directory).
  const place = mode === 'index-place';
  if (f.tsquery || area) {
    const text = [f.tsquery ? `(${f.tsquery})` : null, area].filter(Boolean).join(' & ');
    const tq = `to_tsquery('french_unaccent', ${p(text)})`;
    where.push(place ? `ts_match_vq(s.search_tsv, ${tq})` : `s.search_tsv @@ ${tq}`);
    if (f.sort === 'relevance' && f.tsquery) rank = `ts_rank(s.search_tsv, to_tsquery('french_unaccent', ${p(f.tsquery)}))`;
  }
  if (f.thematiques?.length) where.push(place ? `arrayoverlap(s.thematiques, ${p(f.thematiques)}::text[])` : `s.thematiques && ${p(f.thematiques)}::text[]`);
  // A need: the services of its category, and any other service tagged with one of its thématiques.
  if (f.categorie) where.push(`(s.categorie = ${p(f.categorie)} OR s.thematiques && ${p(f.categorieThematiques ?? [])}::text[])`);
  if (f.profession) where.push(`s.profession = ${p(f.profession)}`);
  if (f.publics?.length) where.push(`(s.publics && ${p([...f.publics, 'tous-publics'])}::text[] OR s.publics = '{}')`);
  if (f.openMinute !== null) {
    where.push(place ? `multirange_contains_elem(s.week_open, ${p(f.openMinute)}::int4)` : `s.week_open @> ${p(f.openMinute)}::int4`);
  }
  for (const window of [f.saturdayMorning, f.evening]) {
    if (!window) continue;
    where.push(place ? `multirange_overlaps_multirange(s.week_open, ${p(window)}::int4multirange)` : `s.week_open && ${p(window)}::int4multirange`);
  }
  // Structure criteria only look at the structures when asked.
  const st: string[] = [];
  if (f.pass) st.push(`st.pass_famille_solo`);
  if (f.label) st.push(`st.label_ville_solidaire`);
  if (f.enfants) st.push(`(st.coin_enfants OR st.poussettes)`);
  if (f.langue) st.push(`${p(f.langue)} = ANY(st.langues)`);
  if (st.length) where.push(`EXISTS (SELECT 1 FROM annuaire_structures st WHERE st.id = s.structure_id AND ${st.join(' AND ')})`);
  if (f.quartier) where.push(`s.quartier = ${p(f.quartier)}`);
  let distance = 'NULL::float8';
  if (f.near) {
    distance = `earth_distance(ll_to_earth(s.latitude, s.longitude), ll_to_earth(${p(f.near.lat)}, ${p(f.near.lon)}))`;
    if (f.radiusM) where.push(`${distance} <= ${p(f.radiusM)}`);
  }
  return { where, params, p, distance, rank };
}

const whereSql = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');

/** The place index's expression (migration 0303): longitude as x, latitude as y. */
const PLACE = 'point(s.longitude, s.latitude)';

/**
 * A radius below which no earth's radius goes (the polar radius is 6,356.8 km; earthdistance's
 * sphere, `earth()`, 6,378.168 km): an angle computed with it is never smaller than the
 * distance's, so a box made from it holds the whole disc, whatever sphere measures distances.
 */
const SMALL_EARTH_RADIUS_M = 6_356_000;

/** A box in degrees: longitudes then latitudes, lower then upper. */
export interface PlaceBox {
  lonMin: number;
  latMin: number;
  lonMax: number;
  latMax: number;
}

/**
 * A box of longitudes and latitudes holding every point within `radiusM` metres (great-circle)
 * of (lat, lon): the spherical cap's latitudes ± its angle, its longitudes ± asin(sin angle /
 * cos latitude); every longitude when the cap holds a pole or crosses the 180th meridian.
 * A little larger than the cap (the distance itself is then checked exactly).
 */
export function boxAround(lat: number, lon: number, radiusM: number): PlaceBox {
  const deg = 180 / Math.PI;
  const angle = (radiusM / SMALL_EARTH_RADIUS_M) * (1 + 1e-6) + 1e-9;
  const phi = lat / deg;
  if (angle >= Math.PI) return { lonMin: -180, latMin: -90, lonMax: 180, latMax: 90 };
  const latMin = Math.max(-90, (phi - angle) * deg);
  const latMax = Math.min(90, (phi + angle) * deg);
  const every = { lonMin: -180, latMin, lonMax: 180, latMax };
  if (phi + angle >= Math.PI / 2 || phi - angle <= -Math.PI / 2) return every;
  const ratio = Math.sin(angle) / Math.cos(phi);
  if (ratio >= 1) return every;
  const half = Math.asin(ratio) * deg + 1e-9;
  if (lon - half < -180 || lon + half > 180) return every;
  return { lonMin: lon - half, latMin, lonMax: lon + half, latMax };
}

/** Farther than any two places on earth: the last step of a search without a radius. */
const EVERYWHERE_M = 1e8;

/**
 * The discs a nearest-first search tries in turn: 500 m, doubled until the search's radius
 * (or the whole earth), each with its box on the place index.
 */
export function placeSteps(lat: number, lon: number, radiusM: number | null): { radiusM: number; box: PlaceBox }[] {
  const out: { radiusM: number; box: PlaceBox }[] = [];
  const last = radiusM ?? EVERYWHERE_M;
  for (let r = 500; r < last && r < 25_000_000; r *= 2) out.push({ radiusM: r, box: boxAround(lat, lon, r) });
  out.push({ radiusM: last, box: boxAround(lat, lon, last) });
  return out;
}

export async function searchServices(q: Queryable, f: SearchSql): Promise<{ rows: Record<string, unknown>[]; total: number; totalCapped: boolean }> {
  const byDistance = f.sort === 'distance' && !!f.near;
  // Nearest first when the area is bounded (radius) or nothing narrows the text: the smallest
  // disc around the place (500 m, doubled up to the radius) that holds the page is found
  // first, each disc read through the place index's box and stopped at the page's count;
  // then that disc's services are sorted by their exact distance. Every service outside the
  // disc is farther than every one inside, so the order is exact, and a dense town reads a few
  // hundred services, not all those within the radius. (An unbounded rare word would read the
  // whole directory: one GIN scan below instead.)
  if (byDistance && (f.radiusM || !f.tsquery)) {
    const count = build(f.radiusM ? f : { ...f, near: null }, 'index-text');
    const countSql = `SELECT count(*)::int AS n FROM (SELECT 1 FROM annuaire_services s ${whereSql([...count.where, 's.latitude IS NOT NULL'])} LIMIT ${COUNT_CAP + 1}) x`;
    const [rows, n] = await Promise.all([nearestPage(q, f), q.query<{ n: number }>(countSql, count.params)]);
    const total = n.rows[0].n;
    return { rows, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
  }
  const b = build(f, 'index-text');
  const byRank = !byDistance && f.sort === 'relevance' && !!f.tsquery;
  const order = byDistance ? `distance_m ASC NULLS LAST, nom, id` : byRank ? `rank DESC, nom, id` : `nom, id`;
  const outerOrder = byDistance ? `h.distance_m ASC NULLS LAST, h.nom, h.id` : byRank ? `h.rank DESC, h.nom, h.id` : `h.nom, h.id`;
  // First the page of ids (services only), then their columns.
  const sql = `WITH hits AS (
      SELECT s.id, s.nom, ${b.distance} AS distance_m, ${b.rank} AS rank, count(*) OVER () AS total
      FROM annuaire_services s
      ${whereSql(b.where)}
      ORDER BY ${order}
      LIMIT ${b.p(f.limit)} OFFSET ${b.p(f.offset)})
    SELECT ${SERVICE_LIST_COLUMNS}, h.distance_m, h.rank, h.total
    FROM hits h JOIN annuaire_services s ON s.id = h.id JOIN annuaire_structures st ON st.id = s.structure_id
    ORDER BY ${outerOrder}`;
  const { rows } = await q.query(sql, b.params);
  return { rows, total: rows.length ? Number(rows[0].total) : 0, totalCapped: false };
}

/** The page of a nearest-first search: the first disc of `placeSteps` that holds it, then its services by exact distance. */
async function nearestPage(q: Queryable, f: SearchSql): Promise<Record<string, unknown>[]> {
  const steps = placeSteps(f.near!.lat, f.near!.lon, f.radiusM);
  const need = f.offset + f.limit;
  const l = build(f, 'index-place');
  const [r, x1, y1, x2, y2] = [
    l.p(steps.map((s) => s.radiusM)),
    l.p(steps.map((s) => s.box.lonMin)),
    l.p(steps.map((s) => s.box.latMin)),
    l.p(steps.map((s) => s.box.lonMax)),
    l.p(steps.map((s) => s.box.latMax)),
  ];
  const [needP, lastP] = [l.p(need), l.p(steps.length)];
  const inDisc = (k: string) =>
    `${PLACE} <@ box(point((${x1}::float8[])[${k}], (${y1}::float8[])[${k}]), point((${x2}::float8[])[${k}], (${y2}::float8[])[${k}]))
       AND ${l.distance} <= (${r}::float8[])[${k}]`;
  const found = (k: string) =>
    `(SELECT count(*) FROM (SELECT 1 FROM annuaire_services s ${whereSql([...l.where, 's.latitude IS NOT NULL', inDisc(k)])} LIMIT ${needP}) x)`;
  const ladderSql = `WITH RECURSIVE ladder(k, found) AS (
      SELECT 1, ${found('1')}
      UNION ALL
      SELECT k + 1, ${found('k + 1')} FROM ladder WHERE found < ${needP} AND k < ${lastP})
    SELECT max(k)::int AS k FROM ladder`;
  const { rows: chosen } = await q.query<{ k: number }>(ladderSql, l.params);
  const step = steps[chosen[0]!.k - 1]!;
  const page = build(f, 'index-place');
  const { box } = step;
  const where = [
    ...page.where,
    's.latitude IS NOT NULL',
    `${PLACE} <@ box(point(${page.p(box.lonMin)}, ${page.p(box.latMin)}), point(${page.p(box.lonMax)}, ${page.p(box.latMax)}))`,
    `${page.distance} <= ${page.p(step.radiusM)}`,
  ];
  const pageSql = `WITH hits AS (
      SELECT s.id, s.nom, ${page.distance} AS distance_m, 0::real AS rank
      FROM annuaire_services s
      ${whereSql(where)}
      ORDER BY distance_m, s.nom, s.id
      LIMIT ${page.p(f.limit)} OFFSET ${page.p(f.offset)})
    SELECT ${SERVICE_LIST_COLUMNS}, h.distance_m, h.rank
    FROM hits h JOIN annuaire_services s ON s.id = h.id JOIN annuaire_structures st ON st.id = s.structure_id
    ORDER BY h.distance_m, h.nom, h.id`;
  return (await q.query(pageSql, page.params)).rows;
}
