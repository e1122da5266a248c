/** SQL of the annuaire tables: import and export, listings, staleness reminders (the search's SQL is in search.store.ts). */
import { cursorBatches } from '../../platform/db/cursor';
import type { Queryable, Tx } from '../../platform/db/pool';
import type { ServiceRow, StructureBasics, StructureRow } from './listing-rows';
import { LEXICON_WORD } from './search.store';

export type ColumnType = 'text' | 'float8' | 'date' | 'json' | 'jsonb' | 'bool' | 'text[]' | 'uuid' | 'int8';

export const STRUCTURE_DI_COLUMNS: [string, ColumnType][] = [
  ['nom', 'text'],
  ['adresse', 'text'],
  ['complement_adresse', 'text'],
  ['code_postal', 'text'],
  ['commune', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['telephone', 'text'],
  ['courriel', 'text'],
  ['site_web', 'text'],
  ['horaires_accueil', 'text'],
  ['date_maj', 'date'],
  ['raw', 'jsonb'],
  ['quartier', 'text'],
];
export const STRUCTURE_EXTRA_COLUMNS: [string, ColumnType][] = [
  ['demo', 'bool'],
  ['label_ville_solidaire', 'bool'],
  ['pass_famille_solo', 'bool'],
  ['pass_famille_solo_avantage', 'text'],
  ['coin_enfants', 'bool'],
  ['poussettes', 'bool'],
  ['langues', 'text[]'],
  ['date_verification', 'date'],
  ['quartier_explicit', 'text'],
];
export const SERVICE_DI_COLUMNS: [string, ColumnType][] = [
  ['structure_id', 'uuid'],
  ['nom', 'text'],
  ['description', 'text'],
  ['type', 'text'],
  ['frais', 'text'],
  ['thematiques', 'text[]'],
  ['publics', 'text[]'],
  ['modes_accueil', 'text[]'],
  ['date_maj', 'date'],
  ['raw', 'json'],
  ['adresse', 'text'],
  ['code_postal', 'text'],
  ['commune', 'text'],
  ['telephone', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['horaires_accueil', 'text'],
  ['quartier', 'text'],
  ['categorie', 'text'],
  ['week_open', 'text'],
  ['search_extra', 'text'],
];
export const SERVICE_EXTRA_COLUMNS: [string, ColumnType][] = [
  ['demo', 'bool'],
  ['categorie_explicit', 'text'],
  ['profession', 'text'],
];

/** One statement upserting many rows: `INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT (source, di_id)`. */
function upsertSql(
  table: string,
  di: [string, ColumnType][],
  extras: [string, ColumnType][],
  withExtras: boolean,
  keepExplicit: Record<string, string> = {},
): string {
  // import_seq keeps the file's order for the export whatever order rows are written in.
  const all: [string, ColumnType][] = [['source', 'text'], ['di_id', 'text'], ...di, ...extras, ['import_seq', 'int8' as ColumnType]];
  const cast = (c: string, _t: ColumnType) =>
    c === 'week_open'
      ? `r.${c}::int4multirange`
      : c === 'import_seq'
        ? `coalesce(r.import_seq, nextval(pg_get_serial_sequence('${table}', 'import_seq')))`
        : `r.${c}`;
  const recordType = all.map(([c, t]) => `${c} ${t}`).join(', ');
  // Without our fields in the file, a value we were told explicitly stays.
  const updated = [...di, ...(withExtras ? extras : [])].map(([c]) =>
    !withExtras && keepExplicit[c] ? `${c} = coalesce(${table}.${keepExplicit[c]}, EXCLUDED.${c})` : `${c} = EXCLUDED.${c}`,
  );
  return `INSERT INTO ${table} (${all.map(([c]) => c).join(', ')}, updated_at)
    SELECT ${all.map(([c, t]) => cast(c, t)).join(', ')}, $2 FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})
    ON CONFLICT (source, di_id) DO UPDATE SET ${updated.join(', ')}, updated_at = EXCLUDED.updated_at
    RETURNING id, source, di_id, (xmax = 0) AS inserted`;
}

const SQL = {
  structuresWithExtras: upsertSql('annuaire_structures', STRUCTURE_DI_COLUMNS, STRUCTURE_EXTRA_COLUMNS, true),
  structuresKeepExtras: upsertSql('annuaire_structures', STRUCTURE_DI_COLUMNS, STRUCTURE_EXTRA_COLUMNS, false, { quartier: 'quartier_explicit' }),
  servicesWithExtras: upsertSql('annuaire_services', SERVICE_DI_COLUMNS, SERVICE_EXTRA_COLUMNS, true),
  servicesKeepExtras: upsertSql('annuaire_services', SERVICE_DI_COLUMNS, SERVICE_EXTRA_COLUMNS, false, { categorie: 'categorie_explicit' }),
};

export interface UpsertResult {
  id: string;
  source: string;
  di_id: string;
  inserted: boolean;
}

/** Reserve `n` consecutive import_seq values of a table; returns the first. */
export async function reserveImportSeq(q: Queryable, table: 'annuaire_structures' | 'annuaire_services', n: number): Promise<number> {
  const { rows } = await q.query<{ base: number }>(
    `WITH b AS (SELECT nextval(pg_get_serial_sequence($1, 'import_seq')) AS base)
     SELECT base, setval(pg_get_serial_sequence($1, 'import_seq'), base + $2 - 1) FROM b`,
    [table, Math.max(1, n)],
  );
  return Number(rows[0].base);
}

export async function upsertStructures(q: Queryable, rows: StructureRow[], withExtras: boolean, now: Date): Promise<UpsertResult[]> {
  if (!rows.length) return [];
  const sql = withExtras ? SQL.structuresWithExtras : SQL.structuresKeepExtras;
  return (await q.query<UpsertResult>(sql, [JSON.stringify(rows), now])).rows;
}

export async function upsertServices(q: Queryable, rows: ServiceRow[], withExtras: boolean, now: Date): Promise<UpsertResult[]> {
  if (!rows.length) return [];
  const sql = withExtras ? SQL.servicesWithExtras : SQL.servicesKeepExtras;
  return (await q.query<UpsertResult>(sql, [JSON.stringify(rows), now])).rows;
}

const BASICS = `id, nom, adresse, code_postal, commune, telephone, latitude, longitude, horaires_accueil, quartier`;

/** Structures by data·inclusion key (source, id), for services that reference them. */
export async function structureBasicsByKeys(
  q: Queryable,
  keys: { source: string; di_id: string }[],
): Promise<(StructureBasics & { source: string; di_id: string })[]> {
  if (!keys.length) return [];
  const { rows } = await q.query(
    `SELECT source, di_id, ${BASICS} FROM annuaire_structures s
     JOIN unnest($1::text[], $2::text[]) AS k(source, di_id) USING (source, di_id)`,
    [keys.map((k) => k.source), keys.map((k) => k.di_id)],
  );
  return rows;
}

export async function structureBasics(q: Queryable, id: string): Promise<StructureBasics | null> {
  const { rows } = await q.query(`SELECT ${BASICS} FROM annuaire_structures WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function allStructureKeys(q: Queryable): Promise<{ source: string; di_id: string }[]> {
  return (await q.query(`SELECT source, di_id FROM annuaire_structures`)).rows;
}

/** Services whose address, place or hours come from one of these structures (to refresh them). */
export async function servicesOfStructures(
  q: Queryable,
  structureIds: string[],
): Promise<{ id: string; structure_id: string; raw: Record<string, unknown>; demo: boolean; categorie: string | null; profession: string | null }[]> {
  if (!structureIds.length) return [];
  return (
    await q.query(
      `SELECT id, structure_id, raw, demo, categorie_explicit AS categorie, profession FROM annuaire_services WHERE structure_id = ANY($1::uuid[])`,
      [structureIds],
    )
  ).rows;
}

/** Add the words of these services (or all) to the typo-correction lexicon. */
export async function addWords(q: Queryable, serviceIds: string[] | null): Promise<void> {
  await q.query(
    `INSERT INTO annuaire_words (word)
     SELECT DISTINCT w FROM annuaire_services s,
       regexp_split_to_table(lower(immutable_unaccent(s.nom || ' ' || s.search_extra || ' ' || s.description)), '[^a-z0-9]+') AS w
     WHERE ${LEXICON_WORD} ${serviceIds ? 'AND s.id = ANY($1::uuid[])' : ''}
     ON CONFLICT DO NOTHING`,
    serviceIds ? [serviceIds] : [],
  );
}

export const SERVICE_LIST_COLUMNS = `s.id, s.nom, s.description, s.type, s.frais, s.thematiques, s.publics, s.categorie, s.profession,
  s.adresse, s.code_postal, s.commune, s.telephone, s.latitude, s.longitude, s.horaires_accueil, s.quartier, s.demo,
  s.structure_id, st.nom AS structure_nom, st.pass_famille_solo, st.pass_famille_solo_avantage, st.label_ville_solidaire,
  st.coin_enfants, st.poussettes, st.langues, coalesce(st.date_verification, st.date_maj) AS date_verification,
  s.raw->>'modes_mobilisation' AS modes_mobilisation_json, s.raw->>'lien_mobilisation' AS lien_mobilisation,
  s.raw->>'conditions_acces' AS conditions_acces, s.raw->>'frais_precisions' AS frais_precisions,
  coalesce(s.raw->>'courriel', st.courriel) AS courriel, st.site_web`;

export async function serviceById(q: Queryable, id: string): Promise<Record<string, unknown> | null> {
  const { rows } = await q.query(
    `SELECT ${SERVICE_LIST_COLUMNS}, s.raw, s.source, s.di_id, st.horaires_accueil AS structure_horaires
     FROM annuaire_services s JOIN annuaire_structures st ON st.id = s.structure_id WHERE s.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function structureById(q: Queryable, id: string): Promise<Record<string, unknown> | null> {
  const { rows } = await q.query(
    `SELECT id, source, di_id, nom, adresse, complement_adresse, code_postal, commune, latitude, longitude, telephone, courriel,
       site_web, horaires_accueil, date_maj, raw, demo, label_ville_solidaire, pass_famille_solo, pass_famille_solo_avantage,
       coin_enfants, poussettes, langues, date_verification, quartier, updated_at
     FROM annuaire_structures WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function servicesOfStructure(q: Queryable, structureId: string): Promise<Record<string, unknown>[]> {
  const { rows } = await q.query(
    `SELECT ${SERVICE_LIST_COLUMNS}, s.raw FROM annuaire_services s JOIN annuaire_structures st ON st.id = s.structure_id
     WHERE s.structure_id = $1 ORDER BY s.nom`,
    [structureId],
  );
  return rows;
}

/**
 * Structures whose name, or one of whose services' names, contains `text` (accents and case
 * ignored), with their services: what an agent picks from to orient a family.
 */
export async function structuresByName(
  q: Queryable,
  text: string,
  limit: number,
): Promise<{ id: string; nom: string; commune: string | null; services: { id: string; nom: string }[] }[]> {
  const { rows } = await q.query(
    `SELECT st.id, st.nom, st.commune,
            coalesce((SELECT json_agg(json_build_object('id', s.id, 'nom', s.nom) ORDER BY s.nom) FROM annuaire_services s WHERE s.structure_id = st.id), '[]') AS services
       FROM annuaire_structures st
      WHERE st.nom <> '' AND (immutable_unaccent(lower(st.nom)) LIKE '%' || immutable_unaccent(lower($1)) || '%'
         OR EXISTS (SELECT 1 FROM annuaire_services s WHERE s.structure_id = st.id
                     AND immutable_unaccent(lower(s.nom)) LIKE '%' || immutable_unaccent(lower($1)) || '%'))
      ORDER BY st.nom LIMIT $2`,
    [text, limit],
  );
  return rows;
}

/** The structure's row, locked until the transaction ends (a listing edit). */
export async function lockStructure(q: Queryable, id: string): Promise<Record<string, any> | null> {
  const { rows } = await q.query(`SELECT * FROM annuaire_structures WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

/** The service's row, locked until the transaction ends (a listing edit). */
export async function lockService(q: Queryable, id: string): Promise<Record<string, any> | null> {
  const { rows } = await q.query(`SELECT * FROM annuaire_services WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function structureIdOfService(q: Queryable, serviceId: string): Promise<string | null> {
  const { rows } = await q.query(`SELECT structure_id FROM annuaire_services WHERE id = $1`, [serviceId]);
  return rows[0] ? (rows[0].structure_id as string) : null;
}

/** A listing saved by its partner: the next staleness reminder starts over. */
export async function clearStaleReminder(q: Queryable, structureId: string): Promise<void> {
  await q.query(`UPDATE annuaire_structures SET stale_reminded_at = NULL WHERE id = $1`, [structureId]);
}

/** Records the structure's listing as checked on `today` (a service of it was saved). */
export async function markStructureChecked(q: Queryable, structureId: string, today: string): Promise<void> {
  await q.query(`UPDATE annuaire_structures SET date_verification = $2, stale_reminded_at = NULL WHERE id = $1`, [structureId, today]);
}

/** "Ma fiche est à jour": the listing checked on `today`, nothing else changed; false when there is no such structure. */
export async function confirmStructureChecked(q: Queryable, structureId: string, today: string): Promise<boolean> {
  const r = await q.query(`UPDATE annuaire_structures SET date_verification = $2, stale_reminded_at = NULL, updated_at = now() WHERE id = $1`, [
    structureId,
    today,
  ]);
  return (r.rowCount ?? 0) > 0;
}

/** Everything, in import order, for the export. */
const EXPORT_SQL = {
  structure: `SELECT raw, json_build_object('demo', demo, 'label_ville_solidaire', label_ville_solidaire, 'pass_famille_solo', pass_famille_solo,
       'pass_famille_solo_avantage', pass_famille_solo_avantage, 'coin_enfants', coin_enfants, 'poussettes', poussettes,
       'langues', langues, 'date_verification', date_verification, 'quartier', quartier_explicit) AS extras
     FROM annuaire_structures ORDER BY import_seq`,
  service: `SELECT raw, json_build_object('demo', demo, 'categorie', categorie_explicit, 'profession', profession) AS extras
     FROM annuaire_services ORDER BY import_seq`,
} as const;

/** The records of one kind in the file's order, a batch at a time (inside `inSnapshot`). */
export function exportBatches(t: Tx, kind: 'structure' | 'service'): AsyncGenerator<{ raw: Record<string, unknown>; extras: Record<string, unknown> }[]> {
  return cursorBatches(t, EXPORT_SQL[kind]);
}

/** Listings not checked since `before` whose partner was not reminded since `remindedBefore`. */
export async function staleListings(
  q: Queryable,
  before: string,
  remindedBefore: Date,
): Promise<{ id: string; nom: string; checked: string | null; user_id: string; email: string | null; phone: string | null }[]> {
  const { rows } = await q.query(
    `SELECT st.id, st.nom, coalesce(st.date_verification, st.date_maj)::text AS checked, u.id AS user_id, u.email, u.phone
     FROM annuaire_structures st JOIN users u ON u.structure_id = st.id AND u.role = 'partner' AND u.disabled_at IS NULL
     WHERE coalesce(st.date_verification, st.date_maj) < $1::date
       AND (st.stale_reminded_at IS NULL OR st.stale_reminded_at < $2)
     ORDER BY st.id FOR UPDATE OF st SKIP LOCKED`,
    [before, remindedBefore],
  );
  return rows;
}

export async function markReminded(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query(`UPDATE annuaire_structures SET stale_reminded_at = $2 WHERE id = $1`, [id, at]);
}

/** Large imports: let the text index gather new entries longer before merging them (this transaction only). */
export async function deferTextIndexMerges(q: Queryable): Promise<void> {
  await q.query(`SET LOCAL gin_pending_list_limit = '64MB'`);
}

/** Merge the text indexes' pending entries now, so searches after a big import scan a compact index. */
export async function mergeTextIndexes(q: Queryable): Promise<void> {
  await q.query(`SELECT gin_clean_pending_list('annuaire_services_tsv_idx'::regclass), gin_clean_pending_list('annuaire_services_thematiques_idx'::regclass)`);
}

/** The demo partner account's structure, at the id the platform fixed (kept if it exists). */
export async function ensureStructureStub(q: Queryable, s: { id: string; source: string; di_id: string }): Promise<void> {
  await q.query(
    `INSERT INTO annuaire_structures (id, source, di_id, nom, raw) VALUES ($1, $2, $3, 'démo', '{}'::jsonb)
     ON CONFLICT DO NOTHING`,
    [s.id, s.source, s.di_id],
  );
}

/** Services whose hours may name a season (months, weeks, years, school holidays, easter): a first cut. */
export async function servicesWithSeasonalHours(q: Queryable): Promise<{ id: string; horaires_accueil: string }[]> {
  const { rows } = await q.query<{ id: string; horaires_accueil: string }>(
    `SELECT id, horaires_accueil FROM annuaire_services
     WHERE horaires_accueil ~ '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|week|SH|easter|[0-9]{4})'`,
  );
  return rows;
}

/** Sets a service's typical week; false when it was already that. */
export async function setWeekOpen(q: Queryable, id: string, week: string): Promise<boolean> {
  const res = await q.query(`UPDATE annuaire_services SET week_open = $2::int4multirange WHERE id = $1 AND week_open <> $2::int4multirange`, [id, week]);
  return (res.rowCount ?? 0) > 0;
}

export interface IndicatorValue {
  neighbourhood: string;
  indicator: string;
  year: number;
  value: number;
  source: string | null;
  demo: boolean;
}

/** Saves a neighbourhood figure for a year (replaces the year's value). */
export async function upsertIndicator(q: Queryable, v: IndicatorValue, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO annuaire_territory_indicators (neighbourhood, indicator, year, value, source, demo, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (neighbourhood, indicator, year) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, demo = EXCLUDED.demo, updated_at = EXCLUDED.updated_at`,
    [v.neighbourhood, v.indicator, v.year, v.value, v.source, v.demo, now],
  );
}

/** A demo figure, unless the year already has one. */
export async function insertDemoIndicator(q: Queryable, v: Omit<IndicatorValue, 'demo'>): Promise<void> {
  await q.query(
    `INSERT INTO annuaire_territory_indicators (neighbourhood, indicator, year, value, source, demo)
     VALUES ($1, $2, $3, $4, $5, true) ON CONFLICT DO NOTHING`,
    [v.neighbourhood, v.indicator, v.year, v.value, v.source],
  );
}

/** Each neighbourhood's latest value of each indicator. */
export async function latestIndicators(q: Queryable) {
  const { rows } = await q.query<{ neighbourhood: string; indicator: string; value: string; year: number; demo: boolean; source: string | null }>(
    `SELECT DISTINCT ON (neighbourhood, indicator) neighbourhood, indicator, value, year, demo, source
     FROM annuaire_territory_indicators ORDER BY neighbourhood, indicator, year DESC`,
  );
  return rows;
}

/** Per neighbourhood: structures by category, services by profession. */
export async function offerCounts(q: Queryable) {
  const { rows } = await q.query<{ quartier: string; key: string; n: number }>(
    `SELECT s.quartier, s.categorie AS key, count(DISTINCT s.structure_id)::int AS n FROM annuaire_services s
       WHERE s.quartier IS NOT NULL AND s.categorie IS NOT NULL GROUP BY 1, 2
     UNION ALL
     SELECT s.quartier, s.profession AS key, count(*)::int AS n FROM annuaire_services s
       WHERE s.quartier IS NOT NULL AND s.profession IS NOT NULL GROUP BY 1, 2`,
  );
  return rows;
}

/** Services (demo excluded) created before `before`, per neighbourhood. */
export async function servicesByNeighbourhood(q: Queryable, before: Date): Promise<{ quartier: string | null; n: number }[]> {
  const { rows } = await q.query<{ quartier: string | null; n: number }>(
    `SELECT quartier, count(*)::int AS n FROM annuaire_services WHERE NOT demo AND created_at < $1 GROUP BY quartier`,
    [before],
  );
  return rows;
}

/** Locks the structure's row against deletion until the transaction ends (FOR KEY SHARE); false if there is none. */
export async function keyShareStructure(q: Queryable, structureId: string): Promise<boolean> {
  return Boolean((await q.query(`SELECT 1 FROM annuaire_structures WHERE id = $1 FOR KEY SHARE`, [structureId])).rowCount);
}

/** Locks the service's row likewise; its structure's id, or null if there is no such service. */
export async function keyShareServiceStructure(q: Queryable, serviceId: string): Promise<string | null> {
  const { rows } = await q.query<{ structure_id: string }>(`SELECT structure_id FROM annuaire_services WHERE id = $1 FOR KEY SHARE`, [serviceId]);
  return rows[0]?.structure_id ?? null;
}
