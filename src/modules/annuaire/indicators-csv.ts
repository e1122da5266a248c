/**
 * Neighbourhood indicators from a CSV an agent can fill in a spreadsheet:
 * `quartier;indicateur;annee;valeur` (a `source` column is optional). Every bad line is
 * reported; nothing is saved if one is wrong.
 */
import { parseCsv } from '../../platform/csv';
import { INDICATORS, type IndicatorName } from './ratios';

export interface IndicatorRow {
  neighbourhood: string;
  indicator: IndicatorName;
  year: number;
  value: number;
  source: string | null;
}

export function parseIndicatorsCsv(
  text: string,
  knownNeighbourhoods: readonly string[],
): { rows: IndicatorRow[]; errors: { line: number; message: string }[] } {
  const parsed = parseCsv(text);
  const errors = parsed.problems.map((e) => ({ line: e.line, message: e.message }));
  const [header, ...lines] = parsed.records;
  const cols = (header?.fields ?? []).map((c) => c.trim().toLowerCase());
  const idx = (name: string) => cols.indexOf(name);
  for (const name of ['quartier', 'indicateur', 'annee', 'valeur']) {
    if (idx(name) < 0) errors.push({ line: 1, message: `Colonne « ${name} » manquante.` });
  }
  if (errors.length) return { rows: [], errors };
  const rows: IndicatorRow[] = [];
  for (const l of lines) {
    const cell = (name: string) => (l.fields[idx(name)] ?? '').trim();
    const neighbourhood = cell('quartier');
    const indicator = cell('indicateur');
    const year = Number(cell('annee'));
    const value = Number(cell('valeur').replace(',', '.').replace(/\s|%/g, ''));
    if (!knownNeighbourhoods.includes(neighbourhood)) errors.push({ line: l.line, message: `Quartier « ${neighbourhood} » inconnu.` });
    if (!(INDICATORS as readonly string[]).includes(indicator))
      errors.push({ line: l.line, message: `Indicateur « ${indicator} » inconnu (attendu : ${INDICATORS.join(', ')}).` });
    if (!Number.isInteger(year) || year < 1990 || year > 2100) errors.push({ line: l.line, message: 'Année invalide.' });
    if (!Number.isFinite(value) || value < 0 || cell('valeur') === '') errors.push({ line: l.line, message: 'Valeur invalide (nombre positif attendu).' });
    rows.push({ neighbourhood, indicator: indicator as IndicatorName, year, value, source: idx('source') >= 0 ? cell('source') || null : null });
  }
  return errors.length ? { rows: [], errors } : { rows, errors };
}
