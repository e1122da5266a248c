/**
 * From a validated data·inclusion record to the normalized columns we search on.
 * A service without its own address, phone, coordinates or hours takes its structure's.
 * Pure: the store writes what these functions return.
 */
import { categoryOf, PROFESSIONS } from './categories';
import type { ServiceExtras, StructureExtras } from './extras';
import { geoCell, neighbourhoodOf, type NeighbourhoodShape } from './geo';
import { weeklyIntervals } from './opening-hours';
import { multirangeLiteral } from './search-query';
import { labelOf, THEME_LABELS, themeOf } from './vocabularies';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export interface StructureRow {
  source: string;
  di_id: string;
  nom: string;
  adresse: string | null;
  complement_adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  latitude: number | null;
  longitude: number | null;
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  horaires_accueil: string | null;
  date_maj: string | null;
  raw: Record<string, unknown>;
  demo: boolean;
  label_ville_solidaire: boolean;
  pass_famille_solo: boolean;
  pass_famille_solo_avantage: string | null;
  coin_enfants: boolean;
  poussettes: boolean;
  langues: string[];
  date_verification: string | null;
  quartier: string | null;
  quartier_explicit: string | null;
}

export function structureRow(record: Record<string, unknown>, extras: StructureExtras, shapes: readonly NeighbourhoodShape[]): StructureRow {
  const latitude = num(record.latitude);
  const longitude = num(record.longitude);
  return {
    source: record.source as string,
    di_id: record.id as string,
    nom: record.nom as string,
    adresse: str(record.adresse),
    complement_adresse: str(record.complement_adresse),
    code_postal: str(record.code_postal),
    commune: str(record.commune),
    latitude,
    longitude,
    telephone: str(record.telephone),
    courriel: str(record.courriel),
    site_web: str(record.site_web),
    horaires_accueil: str(record.horaires_accueil),
    date_maj: str(record.date_maj),
    raw: record,
    ...extras,
    quartier_explicit: extras.quartier,
    quartier: extras.quartier ?? (latitude !== null && longitude !== null ? neighbourhoodOf([latitude, longitude], shapes) : null),
  };
}

/** What a service inherits from its structure. */
export interface StructureBasics {
  id: string;
  nom: string;
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  telephone: string | null;
  latitude: number | null;
  longitude: number | null;
  horaires_accueil: string | null;
  quartier: string | null;
}

export interface ServiceRow {
  structure_id: string;
  source: string;
  di_id: string;
  nom: string;
  description: string;
  type: string | null;
  frais: string | null;
  thematiques: string[];
  publics: string[];
  modes_accueil: string[];
  date_maj: string | null;
  raw: Record<string, unknown>;
  demo: boolean;
  categorie: string | null;
  categorie_explicit: string | null;
  profession: string | null;
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  telephone: string | null;
  latitude: number | null;
  longitude: number | null;
  horaires_accueil: string | null;
  quartier: string | null;
  week_open: string;
  search_extra: string;
  /** Position in the imported file (kept for the export's order). */
  import_seq?: number;
}

// An import computes the week of the same few hundred opening-hours texts for every one of its
// rows, at one reference time: each text is worked out once (issue 20: 100,000 services).
let weekCache: { at: number; byText: Map<string, string> } = { at: NaN, byText: new Map() };
function weekLiteral(horaires: string, reference: Date): string {
  if (weekCache.at !== reference.getTime()) weekCache = { at: reference.getTime(), byText: new Map() };
  let literal = weekCache.byText.get(horaires);
  if (literal === undefined) {
    literal = multirangeLiteral(weeklyIntervals(horaires, reference));
    if (weekCache.byText.size < 10_000) weekCache.byText.set(horaires, literal);
  }
  return literal;
}

export function serviceRow(
  record: Record<string, unknown>,
  extras: ServiceExtras,
  structure: StructureBasics,
  shapes: readonly NeighbourhoodShape[],
  reference: Date,
): ServiceRow {
  const ownLat = num(record.latitude);
  const ownLon = num(record.longitude);
  const hasOwnPlace = ownLat !== null && ownLon !== null;
  const latitude = hasOwnPlace ? ownLat : structure.latitude;
  const longitude = hasOwnPlace ? ownLon : structure.longitude;
  const horaires = str(record.horaires_accueil) ?? structure.horaires_accueil;
  const thematiques = list(record.thematiques);
  const categorie = categoryOf(thematiques, extras.categorie);
  const profession = extras.profession;
  const words = [
    structure.nom,
    ...thematiques.map((t) => `${labelOf('thematiques', t)} ${THEME_LABELS[themeOf(t)] ?? ''}`),
    profession ? (PROFESSIONS.find((p) => p.id === profession)?.label ?? '') : '',
    str(record.publics_precisions) ?? '',
    // Where it is, as a word: lets the text index also filter by area (see geo.ts).
    latitude !== null && longitude !== null ? geoCell(latitude, longitude) : '',
  ];
  return {
    structure_id: structure.id,
    source: record.source as string,
    di_id: record.id as string,
    nom: record.nom as string,
    description: record.description as string,
    type: str(record.type),
    frais: str(record.frais),
    thematiques,
    publics: list(record.publics),
    modes_accueil: list(record.modes_accueil),
    date_maj: str(record.date_maj),
    raw: record,
    demo: extras.demo,
    categorie,
    categorie_explicit: extras.categorie,
    profession,
    adresse: hasOwnPlace || str(record.adresse) ? str(record.adresse) : structure.adresse,
    code_postal: str(record.code_postal) ?? structure.code_postal,
    commune: str(record.commune) ?? structure.commune,
    telephone: str(record.telephone) ?? structure.telephone,
    latitude,
    longitude,
    horaires_accueil: horaires,
    quartier: hasOwnPlace ? neighbourhoodOf([ownLat, ownLon], shapes) : structure.quartier,
    week_open: horaires ? weekLiteral(horaires, reference) : '{}',
    search_extra: words.filter(Boolean).join(' '),
  };
}
