/**
 * Search the directory: French full text (accents, plurals, typos), needs and
 * thématiques, publics, "open now / Saturday morning / after 18 h", Pass and label,
 * distance from a point or a neighbourhood centre, paginated. Public.
 */
import { z } from 'zod';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { findNeighbourhood } from '../../platform/town';
import * as store from './search.store';
import { categoryById, CATEGORY_IDS, PROFESSION_IDS } from './categories';
import { cellsAround } from './geo';
import { describeWeek, isPublicHoliday, minuteOfWeek, quickStatus, weeklyIntervals } from './opening-hours';
import { EVENING_LITERAL, SATURDAY_MORNING_LITERAL, searchWords, toTsQuery } from './search-query';
import { isStale } from './staleness';
import { labelOf } from './vocabularies';

const csvList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(',')).map((x) => x.trim()).filter(Boolean));
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'oui', 'non'])]).transform((v) => v === true || v === 'true' || v === '1' || v === 'oui');

export const searchQuerySchema = z.object({
  q: z.string().max(200).optional().describe('Texte libre (accents, pluriels et fautes de frappe tolérés)'),
  besoin: z
    .enum(CATEGORY_IDS as [string, ...string[]])
    .optional()
    .describe("Besoin (« J'ai besoin de… »)"),
  thematique: csvList.optional().describe('Thématiques data·inclusion, séparées par des virgules'),
  public: csvList.optional().describe('Publics data·inclusion'),
  profession: z.enum(PROFESSION_IDS as [string, ...string[]]).optional(),
  ouvert: z
    .union([z.enum(['maintenant', 'samedi-matin', 'apres-18h']), z.array(z.enum(['maintenant', 'samedi-matin', 'apres-18h']))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .describe('maintenant, samedi-matin, apres-18h'),
  pass: flag.optional().describe('Accepte le Pass Famille Solo'),
  label: flag.optional().describe('Label « Ville solidaire avec les parents solos »'),
  enfants: flag.optional().describe('Accessible avec enfants (coin enfants ou poussettes)'),
  langue: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  quartier: z.string().max(60).optional().describe('Quartier (identifiant ou nom) : ne garder que ses services'),
  pres_de: z.string().max(60).optional().describe('Trier par distance depuis le centre de ce quartier'),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  rayon_km: z.coerce.number().positive().max(1000).optional(),
  tri: z.enum(['distance', 'pertinence', 'nom']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  par_page: z.coerce.number().int().min(1).max(100).default(20),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

export interface ServiceSummary {
  id: string;
  nom: string;
  structure: { id: string; nom: string };
  description: string;
  categorie: string | null;
  profession: string | null;
  thematiques: { value: string; label: string }[];
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  quartier: string | null;
  telephone: string | null;
  courriel: string | null;
  latitude: number | null;
  longitude: number | null;
  distance_m: number | null;
  horaires: { osm: string | null; semaine: { day: string; text: string }[]; ouvert_maintenant: boolean; statut: string } | null;
  pass_famille_solo: boolean;
  pass_famille_solo_avantage: string | null;
  label_ville_solidaire: boolean;
  accessible_enfants: { coin_enfants: boolean; poussettes: boolean };
  langues: string[];
  frais: string | null;
  date_verification: string | null;
  demo: boolean;
  /** Not checked for six months: call before going. */
  stale: boolean;
}

export function summarize(row: Record<string, unknown>, now: Date): ServiceSummary {
  const osm = (row.horaires_accueil as string | null) ?? null;
  let horaires: ServiceSummary['horaires'] = null;
  if (osm) {
    const status = quickStatus(osm, now);
    horaires = { osm, semaine: describeWeek(weeklyIntervals(osm, now)), ouvert_maintenant: status.open, statut: status.text };
  }
  const dist = row.distance_m;
  return {
    id: row.id as string,
    nom: row.nom as string,
    structure: { id: row.structure_id as string, nom: row.structure_nom as string },
    description: row.description as string,
    categorie: (row.categorie as string) ?? null,
    profession: (row.profession as string) ?? null,
    thematiques: ((row.thematiques as string[]) ?? []).map((t) => ({ value: t, label: labelOf('thematiques', t) })),
    adresse: (row.adresse as string) ?? null,
    code_postal: (row.code_postal as string) ?? null,
    commune: (row.commune as string) ?? null,
    quartier: (row.quartier as string) ?? null,
    telephone: (row.telephone as string) ?? null,
    courriel: (row.courriel as string) ?? null,
    latitude: (row.latitude as number) ?? null,
    longitude: (row.longitude as number) ?? null,
    distance_m: dist === null || dist === undefined ? null : Math.round(Number(dist)),
    horaires,
    pass_famille_solo: !!row.pass_famille_solo,
    pass_famille_solo_avantage: (row.pass_famille_solo_avantage as string) ?? null,
    label_ville_solidaire: !!row.label_ville_solidaire,
    accessible_enfants: { coin_enfants: !!row.coin_enfants, poussettes: !!row.poussettes },
    langues: (row.langues as string[]) ?? [],
    frais: (row.frais as string) ?? null,
    date_verification: (row.date_verification as string) ?? null,
    demo: !!row.demo,
    stale: isStale((row.date_verification as string) ?? null, now),
  };
}

export interface SearchResult {
  /** Exact up to 100 when sorted nearest first; beyond, `total_plus` is true ("plus de 100"). */
  total: number;
  total_plus: boolean;
  page: number;
  par_page: number;
  /** The words actually searched, after typo correction. */
  mots: string[];
  origine: { lat: number; lon: number; quartier: string | null } | null;
  services: ServiceSummary[];
}

// Typo corrections of recent searches (the directory's words change only on import or edit).
const CORRECTIONS_TTL_MS = 60_000;
const corrections = new Map<string, { at: number; words: { word: string; prefix: boolean }[] }>();

async function correctedWords(ctx: Ctx, words: string[]): Promise<{ word: string; prefix: boolean }[]> {
  const key = words.join(' ');
  const hit = corrections.get(key);
  const now = ctx.now().getTime();
  if (hit && now - hit.at < CORRECTIONS_TTL_MS) return hit.words;
  const result = await store.correctWords(ctx.db, words);
  if (corrections.size > 2000) corrections.clear();
  corrections.set(key, { at: now, words: result });
  return result;
}

/** Forget cached corrections (after an import changed the directory's words). */
export function forgetCorrections(): void {
  corrections.clear();
}

export async function searchDirectory(ctx: Ctx, query: SearchQuery): Promise<SearchResult> {
  // Public: no access check (the directory is public information).
  const corrected = query.q ? await correctedWords(ctx, searchWords(query.q)) : [];
  const words = corrected.map((w) => w.word);
  const tsquery = toTsQuery(corrected);
  let origin: SearchResult['origine'] = null;
  if (query.lat !== undefined && query.lon !== undefined) origin = { lat: query.lat, lon: query.lon, quartier: null };
  if (query.pres_de) {
    const n = findNeighbourhood(ctx.town, query.pres_de);
    if (!n) throw new AppError('annuaire/unknown-neighbourhood', { fields: [{ path: 'pres_de', message: "Ce quartier n'existe pas." }] });
    origin = { lat: n.center[0], lon: n.center[1], quartier: n.id };
  }
  let quartier: string | null = null;
  if (query.quartier) {
    const n = findNeighbourhood(ctx.town, query.quartier);
    if (!n) throw new AppError('annuaire/unknown-neighbourhood', { fields: [{ path: 'quartier', message: "Ce quartier n'existe pas." }] });
    quartier = n.id;
  }
  const ouvert = query.ouvert ?? [];
  const now = ctx.now();
  const thematiques = [...(query.thematique ?? [])];
  const need = query.besoin ? categoryById(query.besoin) : undefined;
  const sort =
    query.tri === 'nom' ? 'name' : query.tri === 'pertinence' ? 'relevance' : query.tri === 'distance' || origin ? 'distance' : tsquery ? 'relevance' : 'name';
  const radiusM = query.rayon_km ? query.rayon_km * 1000 : null;
  const { rows, total, totalCapped } = await store.searchServices(ctx.db, {
    tsquery,
    cells: origin && radiusM ? cellsAround(origin.lat, origin.lon, radiusM) : null,
    thematiques: thematiques.length ? thematiques : null,
    categorie: need?.id ?? null,
    categorieThematiques: need?.thematiques,
    profession: query.profession ?? null,
    publics: query.public?.length ? query.public : null,
    openMinute: ouvert.includes('maintenant') ? minuteOfWeek(now) : null,
    saturdayMorning: ouvert.includes('samedi-matin') ? SATURDAY_MORNING_LITERAL : null,
    evening: ouvert.includes('apres-18h') ? EVENING_LITERAL : null,
    pass: !!query.pass,
    label: !!query.label,
    enfants: !!query.enfants,
    langue: query.langue ?? null,
    quartier,
    near: origin,
    radiusM,
    sort,
    limit: query.par_page,
    offset: (query.page - 1) * query.par_page,
  });
  let services = rows.map((r) => summarize(r, now));
  // The SQL filter knows the typical week; on a public holiday the exact rules decide.
  if (ouvert.includes('maintenant') && isPublicHoliday(now)) services = services.filter((s) => s.horaires?.ouvert_maintenant);
  return { total, total_plus: totalCapped, page: query.page, par_page: query.par_page, mots: words, origine: origin, services };
}
