/**
 * Reads the local aids' data files (rules/aides): the JSON Schema, one YAML file per aid,
 * and the funds with their demo budgets. Validates each aid against the schema and a few
 * rules the schema cannot say (file name = id, known fund, ages in order). The only I/O
 * of the eligibility engine; read once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import YAML from 'yaml';
import type { FieldError } from '../../platform/errors';
import type { AidDefinition } from './aid';

export const AIDES_DIR = path.resolve(import.meta.dirname, '../../../rules/aides');

export interface FundDefinition {
  id: string;
  title: string;
  budget_cents: number;
}

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
let compiled: ReturnType<typeof ajv.compile> | null = null;

function validator() {
  compiled ??= ajv.compile(JSON.parse(fs.readFileSync(path.join(AIDES_DIR, 'aid.schema.json'), 'utf8')));
  return compiled;
}

function message(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return `Champ obligatoire manquant : ${(e.params as { missingProperty: string }).missingProperty}.`;
    case 'additionalProperties':
      return `Champ inconnu : ${(e.params as { additionalProperty: string }).additionalProperty}.`;
    case 'enum':
    case 'const':
      return "Cette valeur n'est pas autorisée.";
    case 'type':
      return 'Type incorrect.';
    case 'pattern':
      return 'Format incorrect.';
    case 'format':
      return 'Date invalide (attendue au format AAAA-MM-JJ).';
    case 'minimum':
    case 'maximum':
      return 'Valeur hors des bornes permises.';
    case 'minLength':
      return 'Texte trop court.';
    case 'maxLength':
      return 'Texte trop long.';
    default:
      return 'Valeur incorrecte.';
  }
}

/** Checks one aid (a file, or an admin's edit): the schema, then what the schema cannot say. */
export function validateAid(raw: unknown, funds: readonly string[]): { ok: true; aid: AidDefinition } | { ok: false; fields: FieldError[] } {
  const v = validator();
  if (!v(raw)) {
    // Under oneOf, Ajv reports each alternative; keep the deepest message per path.
    const byPath = new Map<string, string>();
    for (const e of v.errors ?? []) {
      if (e.keyword === 'oneOf') continue;
      const p = e.instancePath.split('/').slice(1).join('.');
      if (!byPath.has(p)) byPath.set(p, message(e));
    }
    return { ok: false, fields: [...byPath].map(([p, m]) => ({ path: p, message: m })) };
  }
  const aid = raw as AidDefinition;
  const fields: FieldError[] = [];
  if (!funds.includes(aid.fund)) fields.push({ path: 'fund', message: `Fonds inconnu : ${aid.fund}.` });
  const check = (conditions: AidDefinition['conditions'], at: string) =>
    conditions.forEach((c, i) => {
      if (c.kind === 'child_age' && c.min_years !== undefined && c.max_years !== undefined && c.min_years > c.max_years) {
        fields.push({ path: `${at}.${i}.min_years`, message: "L'âge minimum doit être inférieur ou égal à l'âge maximum." });
      }
    });
  check(aid.conditions, 'conditions');
  aid.profiles.forEach((p, i) => check(p.conditions, `profiles.${i}.conditions`));
  const keys = aid.request_fields.map((f) => f.key);
  if (new Set(keys).size !== keys.length) fields.push({ path: 'request_fields', message: 'Deux champs de la demande ont la même clé.' });
  return fields.length ? { ok: false, fields } : { ok: true, aid };
}

let cache: { aids: AidDefinition[]; funds: FundDefinition[] } | null = null;

export function loadFunds(dir = AIDES_DIR): FundDefinition[] {
  return YAML.parse(fs.readFileSync(path.join(dir, 'fonds.yaml'), 'utf8')) as FundDefinition[];
}

/** Every aid file of rules/aides, validated; throws with the file and the field on a bad file. */
export function loadAidFiles(dir = AIDES_DIR): AidDefinition[] {
  const funds = loadFunds(dir).map((f) => f.id);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'fonds.yaml')
    .sort();
  return files.map((file) => {
    const raw: unknown = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const r = validateAid(raw, funds);
    if (!r.ok) throw new Error(`rules/aides/${file} invalide : ${r.fields.map((f) => `${f.path || '(racine)'} ${f.message}`).join(' ; ')}`);
    if (`${r.aid.id}.yaml` !== file) throw new Error(`rules/aides/${file} : l'identifiant doit être le nom du fichier (${r.aid.id}).`);
    return r.aid;
  });
}

/** The demo aids and funds, read once. */
export function demoRules(): { aids: AidDefinition[]; funds: FundDefinition[] } {
  cache ??= { aids: loadAidFiles(), funds: loadFunds() };
  return cache;
}
