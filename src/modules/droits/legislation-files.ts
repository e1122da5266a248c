/**
 * Reads the project's data files once: dated parameters (rules/legislation/*.yaml) and the
 * commune → housing-aid zone table (rules/legislation/assets). The only I/O of the engine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Zone, ZoneLookup } from './household';
import { Legislation } from './parameters';

export const LEGISLATION_DIR = path.resolve(import.meta.dirname, '../../../rules/legislation');

export function loadLegislation(dir = LEGISLATION_DIR): Legislation {
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.yaml')) continue;
    files[name.slice(0, -'.yaml'.length)] = parse(readFileSync(path.join(dir, name), 'utf8'));
  }
  return new Legislation(files);
}

/** Zone by INSEE code; former communes and arrondissements take their parent's zone ("1bis" counts as 1). */
export function loadZones(dir = LEGISLATION_DIR): ZoneLookup {
  const zones = new Map<string, Zone>();
  const csv = readFileSync(path.join(dir, 'assets/apl_zonage_communes.csv'), 'utf8').split('\n');
  const header = csv[0]!.split(',');
  const codeCol = header.indexOf('CODGEO');
  const zoneCol = header.indexOf('Zonage');
  for (const line of csv.slice(1)) {
    if (!line.trim()) continue;
    const cols = line.split(',');
    // Commune names may contain commas only if quoted; the code and zone are the first and last columns.
    const code = cols[codeCol]!;
    const zone = Number(cols[cols.length - (header.length - zoneCol)]!.trim().charAt(0));
    if (zone === 1 || zone === 2 || zone === 3) zones.set(code, zone);
  }
  const parents = JSON.parse(readFileSync(path.join(dir, 'assets/commune_depcom_by_subcommune_depcom.json'), 'utf8')) as Record<string, string>;
  for (const [sub, parent] of Object.entries(parents)) {
    const z = zones.get(parent);
    if (z !== undefined) zones.set(sub, z);
  }
  return (depcom) => zones.get(depcom);
}
