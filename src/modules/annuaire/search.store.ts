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
  here: string | null;
  rank: string;
}

/**
 * The WHERE of a search. `mode` 'index-text': the area (cells) goes into the text query,
 * one GIN scan; 'index-place': the area is an earth box on the GiST index, which can then
 * also walk the services nearest first.
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
  // serve, so the planner walks the place index in distance order and stops at the page
  // (rather than intersecting bitmaps and sorting every match).
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
  let here: string | null = null;
  if (f.near) {
    here = `ll_to_earth(${p(f.near.lat)}, ${p(f.near.lon)})`;
    distance = `earth_distance(ll_to_earth(s.latitude, s.longitude), ${here})`;
    if (f.radiusM) {
      if (!area) where.push(`s.latitude IS NOT NULL AND earth_box(${here}, ${p(f.radiusM)}) @> ll_to_earth(s.latitude, s.longitude)`);
      where.push(`${distance} <= ${p(f.radiusM)}`);
    }
  }
  return { where, params, p, distance, here, rank };
}

const whereSql = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');

export async function searchServices(q: Queryable, f: SearchSql): Promise<{ rows: Record<string, unknown>[]; total: number; totalCapped: boolean }> {
  const byDistance = f.sort === 'distance' && !!f.near;
  // Nearest first through the GiST index, stopping at the page: when the area is bounded
  // (radius) or nothing narrows the text. An unbounded rare word would walk the whole index.
  if (byDistance && (f.radiusM || !f.tsquery)) {
    const page = build(f, 'index-place');
    const pageSql = `WITH hits AS (
        SELECT s.id, s.nom, ${page.distance} AS distance_m, 0::real AS rank
        FROM annuaire_services s
        ${whereSql([...page.where, 's.latitude IS NOT NULL'])}
        ORDER BY ll_to_earth(s.latitude, s.longitude) <-> ${page.here}
        LIMIT ${page.p(f.limit)} OFFSET ${page.p(f.offset)})
      SELECT ${SERVICE_LIST_COLUMNS}, h.distance_m, h.rank
      FROM hits h JOIN annuaire_services s ON s.id = h.id JOIN annuaire_structures st ON st.id = s.structure_id
      ORDER BY h.distance_m, h.nom, h.id`;
    // The count needs the centre only to bound the area.
    const count = build(f.radiusM ? f : { ...f, near: null }, 'index-text');
    const countSql = `SELECT count(*)::int AS n FROM (SELECT 1 FROM annuaire_services s ${whereSql([...count.where, 's.latitude IS NOT NULL'])} LIMIT ${COUNT_CAP + 1}) x`;
    const [rows, n] = await Promise.all([q.query(pageSql, page.params), q.query<{ n: number }>(countSql, count.params)]);
    const total = n.rows[0].n;
    return { rows: rows.rows, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
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
