/**
 * Reads the project's data files once: dated parameters (rules/legislation/*.yaml) and the
 * commune → housing-aid zone table (rules/legislation/assets). The only I/O of the engine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../platform/csv';
import { readYamlFile } from '../../platform/yaml-files';
import type { Zone, ZoneLookup } from './household';
import { Legislation } from './parameters';

export const LEGISLATION_DIR = path.resolve(import.meta.dirname, '../../../rules/legislation');

export function loadLegislation(dir = LEGISLATION_DIR): Legislation {
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.yaml')) continue;
    // Parsed by the build when compiled (src/platform/yaml-files.ts): the server starts sooner.
    files[name.slice(0, -'.yaml'.length)] = readYamlFile(path.join(dir, name));
  }
  return new Legislation(files);
}

/** Zone by INSEE code; former communes and arrondissements take their parent's zone ("1bis" counts as 1). */
export function loadZones(dir = LEGISLATION_DIR): ZoneLookup {
  const zones = new Map<string, Zone>();
  const [header, ...rows] = parseCsv(readFileSync(path.join(dir, 'assets/apl_zonage_communes.csv'), 'utf8'), { separator: ',' }).records;
  const codeCol = header!.fields.indexOf('CODGEO');
  const zoneCol = header!.fields.indexOf('Zonage');
  for (const { fields } of rows) {
    const zone = Number((fields[zoneCol] ?? '').trim().charAt(0));
    if (zone === 1 || zone === 2 || zone === 3) zones.set(fields[codeCol]!, zone);
  }
  const parents = JSON.parse(readFileSync(path.join(dir, 'assets/commune_depcom_by_subcommune_depcom.json'), 'utf8')) as Record<string, string>;
  for (const [sub, parent] of Object.entries(parents)) {
    const z = zones.get(parent);
    if (z !== undefined) zones.set(sub, z);
  }
  return (depcom) => zones.get(depcom);
}
