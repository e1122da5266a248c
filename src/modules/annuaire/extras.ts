/**
 * Relais' own fields, kept beside the data·inclusion record under the `relais` key
 * (JSON) or `relais_*` columns (CSV). data·inclusion has no place for them; a record
 * without them imports with the defaults and exports without the key.
 */
import { z } from 'zod';
import { CATEGORY_IDS, PROFESSION_IDS } from './categories';
import { isValidDate, type SchemaIssue } from './json-schema';

const date = z.string().refine(isValidDate, 'Date invalide (attendue au format AAAA-MM-JJ).');

export const structureExtrasSchema = z.object({
  demo: z.boolean().default(false),
  label_ville_solidaire: z.boolean().default(false),
  pass_famille_solo: z.boolean().default(false),
  pass_famille_solo_avantage: z.string().max(300).nullable().default(null),
  coin_enfants: z.boolean().default(false),
  poussettes: z.boolean().default(false),
  langues: z.array(z.string().regex(/^[a-z]{2,3}$/, 'Code de langue à 2 ou 3 lettres (fr, en, ar…).')).default([]),
  date_verification: date.nullable().default(null),
  quartier: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'Identifiant de quartier invalide.')
    .nullable()
    .default(null),
});

export const serviceExtrasSchema = z.object({
  demo: z.boolean().default(false),
  categorie: z
    .string()
    .refine((v) => CATEGORY_IDS.includes(v), { message: `Catégorie inconnue (attendue : ${CATEGORY_IDS.join(', ')}).` })
    .nullable()
    .default(null),
  profession: z
    .string()
    .refine((v) => PROFESSION_IDS.includes(v), { message: `Profession inconnue (attendue : ${PROFESSION_IDS.join(', ')}).` })
    .nullable()
    .default(null),
});

export type StructureExtras = z.infer<typeof structureExtrasSchema>;
export type ServiceExtras = z.infer<typeof serviceExtrasSchema>;

export const DEFAULT_STRUCTURE_EXTRAS: StructureExtras = structureExtrasSchema.parse({});
export const DEFAULT_SERVICE_EXTRAS: ServiceExtras = serviceExtrasSchema.parse({});

/** Parse the `relais` value of a record; issues have paths like `relais.langues.0`. */
export function parseExtras<K extends 'structure' | 'service'>(
  kind: K,
  value: unknown,
): { extras: K extends 'structure' ? StructureExtras : ServiceExtras; issues: SchemaIssue[] } {
  const schema = kind === 'structure' ? structureExtrasSchema : serviceExtrasSchema;
  const input = value === undefined || value === null ? {} : value;
  const r = schema.safeParse(input);
  if (r.success) return { extras: r.data as never, issues: [] };
  const fallback = kind === 'structure' ? DEFAULT_STRUCTURE_EXTRAS : DEFAULT_SERVICE_EXTRAS;
  return {
    extras: fallback as never,
    issues: r.error.issues.map((i) => ({
      path: ['relais', ...i.path.map(String)].join('.'),
      message: i.code === 'invalid_type' ? frenchType(i.expected as string) : i.message,
    })),
  };
}

function frenchType(expected: string): string {
  if (expected === 'boolean') return 'Doit être vrai ou faux.';
  if (expected === 'string') return 'Doit être un texte.';
  if (expected === 'array') return 'Doit être une liste.';
  if (expected === 'object') return 'Doit être un objet.';
  return 'Type incorrect.';
}

/** Only the keys that differ from the defaults: what the export writes under `relais`. */
export function compactExtras(kind: 'structure' | 'service', extras: StructureExtras | ServiceExtras): Record<string, unknown> {
  const d = (kind === 'structure' ? DEFAULT_STRUCTURE_EXTRAS : DEFAULT_SERVICE_EXTRAS) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(extras).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(d[k])));
}

/** True when nothing differs from the defaults (the `relais` key is then left out on export). */
export function isDefaultExtras(kind: 'structure' | 'service', extras: StructureExtras | ServiceExtras): boolean {
  const d = kind === 'structure' ? DEFAULT_STRUCTURE_EXTRAS : DEFAULT_SERVICE_EXTRAS;
  return JSON.stringify(normalizeExtras(extras)) === JSON.stringify(normalizeExtras(d));
}

function normalizeExtras(e: object): [string, unknown][] {
  return Object.entries(e).sort(([a], [b]) => a.localeCompare(b));
}

/** The keys in CSV order (`relais_<key>`). */
export const STRUCTURE_EXTRA_KEYS = Object.keys(structureExtrasSchema.shape) as (keyof StructureExtras)[];
export const SERVICE_EXTRA_KEYS = Object.keys(serviceExtrasSchema.shape) as (keyof ServiceExtras)[];
