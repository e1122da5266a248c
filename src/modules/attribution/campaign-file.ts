/**
 * The campaign file: the contract between a town's other tools and Relais
 * (`relais attribution run FILE.json`). Pure: parses and checks a JSON value, and shapes
 * an allocation the way the file's readers expect it (snake_case, scores to 2 decimals).
 *
 *   { "groups": [ { "id": "ete-6-11", "capacity": 24 } ],
 *     "criteria": [ { "id": "monoparentalite", "weight": 20 } ],
 *     "applications": [ { "id": "a-102", "family": "f-17", "submitted_at": "2026-03-02T09:14:00+01:00",
 *                         "criteria": { "monoparentalite": 1 }, "choices": [ "ete-6-11" ] } ] }
 */
import type { Allocation, Campaign, Outcome } from './allocate';

export interface FileError {
  /** Where in the file, e.g. `applications[3].criteria.qf_tranche_1`. */
  path: string;
  /** What is wrong, in French. */
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FileError[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 200;
/** An instant with its offset (or Z): a date alone or a local time would be read differently by each tool. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function list(root: Record<string, unknown>, key: string, errors: FileError[]): unknown[] {
  const v = root[key];
  if (!Array.isArray(v)) {
    errors.push({ path: key, message: 'une liste est attendue' });
    return [];
  }
  return v;
}

export function parseCampaign(raw: unknown): Parsed<Campaign> {
  const errors: FileError[] = [];
  if (!isObject(raw)) return { ok: false, errors: [{ path: '', message: 'un objet JSON { groups, criteria, applications } est attendu' }] };
  const campaign: Campaign = { groups: [], criteria: [], applications: [] };

  const groupIds = new Set<string>();
  list(raw, 'groups', errors).forEach((g, i) => {
    const at = `groups[${i}]`;
    if (!isObject(g)) return void errors.push({ path: at, message: 'un objet { id, capacity } est attendu' });
    let ok = true;
    if (!isId(g.id)) {
      ok = false;
      errors.push({ path: `${at}.id`, message: 'identifiant manquant' });
    } else if (groupIds.has(g.id)) {
      ok = false;
      errors.push({ path: `${at}.id`, message: `identifiant en double : « ${g.id} »` });
    }
    if (typeof g.capacity !== 'number' || !Number.isInteger(g.capacity) || g.capacity < 0) {
      ok = false;
      errors.push({ path: `${at}.capacity`, message: 'un nombre entier de places, 0 ou plus, est attendu' });
    }
    if (isId(g.id)) groupIds.add(g.id);
    if (ok) campaign.groups.push({ id: g.id as string, capacity: g.capacity as number });
  });

  const criterionIds = new Set<string>();
  list(raw, 'criteria', errors).forEach((c, i) => {
    const at = `criteria[${i}]`;
    if (!isObject(c)) return void errors.push({ path: at, message: 'un objet { id, weight } est attendu' });
    let ok = true;
    if (!isId(c.id)) {
      ok = false;
      errors.push({ path: `${at}.id`, message: 'identifiant manquant' });
    } else if (criterionIds.has(c.id)) {
      ok = false;
      errors.push({ path: `${at}.id`, message: `identifiant en double : « ${c.id} »` });
    }
    if (typeof c.weight !== 'number' || !Number.isFinite(c.weight)) {
      ok = false;
      errors.push({ path: `${at}.weight`, message: 'un poids numérique est attendu' });
    }
    if (isId(c.id)) criterionIds.add(c.id);
    if (ok) campaign.criteria.push({ id: c.id as string, weight: c.weight as number });
  });

  const applicationIds = new Set<string>();
  list(raw, 'applications', errors).forEach((a, i) => {
    const at = `applications[${i}]`;
    if (!isObject(a)) return void errors.push({ path: at, message: 'un objet { id, family, submitted_at, criteria, choices } est attendu' });
    const before = errors.length;
    if (!isId(a.id)) errors.push({ path: `${at}.id`, message: 'identifiant manquant' });
    else if (applicationIds.has(a.id)) errors.push({ path: `${at}.id`, message: `identifiant en double : « ${a.id} »` });
    else applicationIds.add(a.id);
    if (!isId(a.family)) errors.push({ path: `${at}.family`, message: 'identifiant de famille manquant' });
    if (typeof a.submitted_at !== 'string' || !INSTANT.test(a.submitted_at) || Number.isNaN(Date.parse(a.submitted_at))) {
      errors.push({ path: `${at}.submitted_at`, message: 'une date et heure ISO 8601 avec son fuseau est attendue (ex. 2026-03-02T09:14:00+01:00)' });
    }
    const values: Record<string, number> = {};
    if (!isObject(a.criteria)) errors.push({ path: `${at}.criteria`, message: 'un objet { critère: valeur } est attendu' });
    else {
      for (const [key, v] of Object.entries(a.criteria)) {
        if (!criterionIds.has(key)) errors.push({ path: `${at}.criteria.${key}`, message: `critère inconnu : « ${key} »` });
        else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
          errors.push({ path: `${at}.criteria.${key}`, message: 'une valeur de 0 à 1 est attendue' });
        else values[key] = v;
      }
    }
    const choices: string[] = [];
    if (!Array.isArray(a.choices) || a.choices.length === 0) errors.push({ path: `${at}.choices`, message: 'une liste d’au moins un groupe est attendue' });
    else {
      a.choices.forEach((g, j) => {
        if (typeof g !== 'string' || !groupIds.has(g)) errors.push({ path: `${at}.choices[${j}]`, message: `aucun groupe ne s'appelle « ${String(g)} »` });
        else if (choices.includes(g)) errors.push({ path: `${at}.choices[${j}]`, message: `groupe choisi deux fois : « ${g} »` });
        else choices.push(g);
      });
    }
    if (errors.length === before) {
      campaign.applications.push({ id: a.id as string, family: a.family as string, submittedAt: a.submitted_at as string, criteria: values, choices });
    }
  });

  return errors.length ? { ok: false, errors } : { ok: true, value: campaign };
}

/** `--weights W.json`: `{ "monoparentalite": 30 }`, each key a criterion of the campaign. */
export function parseWeights(raw: unknown, campaign: Campaign): Parsed<Record<string, number>> {
  if (!isObject(raw)) return { ok: false, errors: [{ path: '', message: 'un objet { critère: poids } est attendu' }] };
  const known = new Set(campaign.criteria.map((c) => c.id));
  const errors: FileError[] = [];
  const weights: Record<string, number> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (!known.has(key)) errors.push({ path: key, message: `critère inconnu : « ${key} »` });
    else if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ path: key, message: 'un poids numérique est attendu' });
    else weights[key] = v;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: weights };
}

export interface AllocationFile {
  applications: { id: string; score: number; breakdown: Record<string, number>; rank: number; outcome: Outcome }[];
  groups: { id: string; admitted: number; last_admitted_score: number | null }[];
}

export function allocationFile(allocation: Allocation): AllocationFile {
  return {
    applications: allocation.applications.map((a) => ({ id: a.id, score: a.score, breakdown: a.breakdown, rank: a.rank, outcome: a.outcome })),
    groups: allocation.groups.map((g) => ({ id: g.id, admitted: g.admitted, last_admitted_score: g.lastAdmittedScore })),
  };
}
