/**
 * Finding one's commune by name for the simulator (the engine needs the INSEE code to
 * pick the housing-aid zone). Reads the engine's zoning table once (rules/legislation/assets).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../platform/csv';

export interface Commune {
  depcom: string;
  name: string;
  department: string;
  zone: string;
}

const ZONING = path.resolve(import.meta.dirname, '../../../rules/legislation/assets/apl_zonage_communes.csv');

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim();

let index: { c: Commune; key: string }[] | undefined;

/** The zoning table: CODGEO, LIBCOM_2014, REG, DEP, Zonage (columns found by name). */
export function parseCommunes(csv: string): Commune[] {
  const [header, ...rows] = parseCsv(csv, { separator: ',' }).records;
  if (!header) return [];
  const col = (name: string) => header.fields.findIndex((h) => h.trim().startsWith(name));
  const [code, name, department, zone] = [col('CODGEO'), col('LIBCOM'), col('DEP'), col('Zonage')];
  return rows.map(({ fields }) => ({
    depcom: fields[code]!,
    name: fields[name]!,
    department: fields[department]!,
    zone: (fields[zone] ?? '').trim(),
  }));
}

function communes(): { c: Commune; key: string }[] {
  index ??= parseCommunes(readFileSync(ZONING, 'utf8')).map((c) => ({ c, key: norm(c.name) }));
  return index;
}

/** Up to `limit` communes: exact name first, then names starting with the text, then containing it. A 5-character code finds its commune. */
export function searchCommunes(q: string, limit = 8, list = communes()): Commune[] {
  const text = q.trim();
  if (/^(\d{5}|2[AB]\d{3})$/i.test(text)) return list.filter((x) => x.c.depcom === text.toUpperCase()).map((x) => x.c);
  const k = norm(text);
  if (k.length < 2) return [];
  const exact: Commune[] = [];
  const starts: Commune[] = [];
  const contains: Commune[] = [];
  for (const { c, key } of list) {
    if (key === k) exact.push(c);
    else if (key.startsWith(k)) starts.push(c);
    else if (contains.length < limit && key.includes(k)) contains.push(c);
  }
  const byName = (a: Commune, b: Commune) => a.name.length - b.name.length || a.name.localeCompare(b.name, 'fr');
  return [...exact, ...starts.sort(byName), ...contains.sort(byName)].slice(0, limit);
}

export function communeByCode(depcom: string, list = communes()): Commune | undefined {
  return list.find((x) => x.c.depcom === depcom)?.c;
}

export { norm as normaliseCommuneName };
