/**
 * zod schemas of the annuaire API's answers: what leaves the server (the serializer drops
 * keys these schemas do not name). The web's types are inferred from them (index.ts).
 */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';

const str = z.string();
const nstr = z.string().nullable();
const nnum = z.number().nullable();

export const serviceSummaryOut = z.object({
  id: str,
  nom: str,
  structure: z.object({ id: str, nom: str }),
  description: str,
  categorie: nstr,
  profession: nstr,
  thematiques: z.array(z.object({ value: str, label: str })),
  adresse: nstr,
  code_postal: nstr,
  commune: nstr,
  quartier: nstr,
  telephone: nstr,
  courriel: nstr,
  latitude: nnum,
  longitude: nnum,
  distance_m: nnum,
  horaires: z.object({ osm: nstr, semaine: z.array(z.object({ day: str, text: str })), ouvert_maintenant: z.boolean(), statut: str }).nullable(),
  pass_famille_solo: z.boolean(),
  pass_famille_solo_avantage: nstr,
  label_ville_solidaire: z.boolean(),
  accessible_enfants: z.object({ coin_enfants: z.boolean(), poussettes: z.boolean() }),
  langues: z.array(str),
  frais: nstr,
  date_verification: nstr,
  demo: z.boolean(),
  stale: z.boolean().meta({ description: 'Pas vérifiée depuis six mois : appeler avant de venir' }),
});

export const searchResultOut = z.object({
  total: z.number(),
  total_plus: z.boolean(),
  page: z.number(),
  par_page: z.number(),
  mots: z.array(str),
  origine: z.object({ lat: z.number(), lon: z.number(), quartier: nstr }).nullable(),
  services: z.array(serviceSummaryOut),
});

export const serviceDetailOut = serviceSummaryOut.extend({
  structure_horaires: nstr,
  modes_mobilisation: z.array(str),
  lien_mobilisation: nstr,
  conditions_acces: nstr,
  frais_precisions: nstr,
  site_web: nstr,
});

/** A structure's listing (its table's columns, its data·inclusion description) and its services. */
export const structureOut = z.object({
  id: str,
  source: str,
  di_id: str,
  nom: str,
  adresse: nstr,
  complement_adresse: nstr,
  code_postal: nstr,
  commune: nstr,
  latitude: nnum,
  longitude: nnum,
  telephone: nstr,
  courriel: nstr,
  site_web: nstr,
  horaires_accueil: nstr,
  date_maj: nstr,
  demo: z.boolean(),
  label_ville_solidaire: z.boolean(),
  pass_famille_solo: z.boolean(),
  pass_famille_solo_avantage: nstr,
  coin_enfants: z.boolean(),
  poussettes: z.boolean(),
  langues: z.array(str),
  date_verification: nstr,
  quartier: nstr,
  updated_at: timestamp,
  description: nstr,
  stale: z.boolean(),
  services: z.array(serviceSummaryOut),
});

const vocabularyOut = z.array(z.object({ value: str, label: str, description: nstr }));
export const needsOut = z.object({
  besoins: z.array(z.object({ id: str, label: str, need: str, thematiques: z.array(str) })),
  professions: z.array(z.object({ id: str, label: str, category: str })),
  themes: z.record(z.string(), str),
  thematiques: vocabularyOut,
  publics: vocabularyOut,
});

const counts = z.object({ inserted: z.number(), updated: z.number() });
/** A successful import (an import with errors answers 422 with them, nothing written). */
export const importOutcomeOut = z.object({
  format: z.enum(['json', 'csv']),
  structures: counts,
  services: counts,
  errors: z.array(z.object({ line: z.number(), kind: str, id: nstr, field: str, message: str })),
});

const ratioOut = z.object({ count: z.number(), per1000: nnum, familiesPerOne: nnum });
export const territoryOut = z.object({
  year: nnum,
  demo: z.boolean(),
  sources: z.array(nstr),
  indicators: z.array(z.object({ id: z.enum(['familles', 'familles_monoparentales', 'taux_pauvrete_monoparentales', 'enfants_moins_11']), label: str })),
  keys: z.array(z.object({ id: str, label: str, kind: str })),
  rows: z.array(
    z.object({
      id: str,
      name: str,
      indicators: z.partialRecord(z.enum(['familles', 'familles_monoparentales', 'taux_pauvrete_monoparentales', 'enfants_moins_11']), z.number()),
      ratios: z.record(z.string(), ratioOut),
    }),
  ),
});

export type ServiceSummary = z.infer<typeof serviceSummaryOut>;
export type SearchResult = z.infer<typeof searchResultOut>;
export type ServiceDetail = z.infer<typeof serviceDetailOut>;
export type StructureListing = z.infer<typeof structureOut>;
export type Needs = z.infer<typeof needsOut>;
export type ImportOutcomeOut = z.infer<typeof importOutcomeOut>;
export type Territory = z.infer<typeof territoryOut>;
export type StructureListingRow = z.input<typeof structureOut>;
