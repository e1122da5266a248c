/** SQL of the territory figures (pilotage tables only). */
import type { Queryable } from '../../platform/db/pool';
import type { FigureRow } from './territory-figures';

export interface ImportRow {
  id: string;
  year: number;
  source: string;
  fileName: string | null;
  lines: number;
  isDemo: boolean;
  importedAt: Date;
}

export async function insertImport(
  q: Queryable,
  i: { year: number; source: string; fileName: string | null; lines: number; isDemo: boolean; by: string | null; now: Date },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO pilotage_territory_imports (year, source, file_name, lines, is_demo, imported_by, imported_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [i.year, i.source, i.fileName, i.lines, i.isDemo, i.by, i.now],
  );
  return rows[0].id;
}

/** The year's figures become the import's (earlier years stay). */
export async function replaceYear(q: Queryable, year: number, importId: string, rows: readonly FigureRow[]): Promise<void> {
  await q.query(`DELETE FROM pilotage_territory_figures WHERE year = $1`, [year]);
  await q.query(
    `INSERT INTO pilotage_territory_figures (import_id, year, area, neighbourhood, figure, value)
     SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::numeric[])`,
    [importId, year, rows.map((r) => r.area), rows.map((r) => r.neighbourhood), rows.map((r) => r.figure), rows.map((r) => r.value)],
  );
}

export async function years(q: Queryable): Promise<number[]> {
  const { rows } = await q.query(`SELECT DISTINCT year FROM pilotage_territory_figures ORDER BY year DESC`);
  return rows.map((r) => r.year);
}

export async function figuresOf(q: Queryable, year: number): Promise<FigureRow[]> {
  const { rows } = await q.query(`SELECT area, neighbourhood, figure, value::float8 AS value FROM pilotage_territory_figures WHERE year = $1`, [year]);
  return rows;
}

/** The import the year's figures come from. */
export async function importOfYear(q: Queryable, year: number): Promise<ImportRow | null> {
  const { rows } = await q.query(
    `SELECT i.id, i.year, i.source, i.file_name AS "fileName", i.lines, i.is_demo AS "isDemo", i.imported_at AS "importedAt"
       FROM pilotage_territory_imports i WHERE i.id = (SELECT import_id FROM pilotage_territory_figures WHERE year = $1 LIMIT 1)`,
    [year],
  );
  return rows[0] ?? null;
}

export async function imports(q: Queryable, limit = 30): Promise<ImportRow[]> {
  const { rows } = await q.query(
    `SELECT id, year, source, file_name AS "fileName", lines, is_demo AS "isDemo", imported_at AS "importedAt"
       FROM pilotage_territory_imports ORDER BY imported_at DESC, id LIMIT $1`,
    [limit],
  );
  return rows;
}

/** The territory figure an indicator's count is reported to; null when there is no such indicator. */
export async function indicatorDenominator(q: Queryable, indicatorId: string): Promise<string | null> {
  const { rows } = await q.query(`SELECT denominator FROM pilotage_indicators WHERE id = $1`, [indicatorId]);
  return rows[0]?.denominator ?? null;
}

/** Sets it; false when there is no such indicator. */
export async function setIndicatorDenominator(q: Queryable, indicatorId: string, figure: string): Promise<boolean> {
  const { rowCount } = await q.query(`UPDATE pilotage_indicators SET denominator = $2 WHERE id = $1`, [indicatorId, figure]);
  return Boolean(rowCount);
}
