/**
 * Use cases of the directory's listings: read a service or a structure, and let a partner
 * keep their own structure's listing current (staff may edit any; only staff grant the
 * town's label). Saving a listing also records it as checked today. The search, the
 * import and export, and the jobs have one file each (search-services.ts,
 * import-directory.ts, export-directory.ts, remind-stale.ts, refresh-hours.ts).
 */
import type { StructureListingRow } from './annuaire.schemas';
import { z } from 'zod';
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireUser, STAFF } from '../../platform/roles';
import * as store from './annuaire.store';
import { validateRecord } from './data-inclusion';
import type { ServiceExtras, StructureExtras } from './extras';
import { refreshInheritedServices, townShapes } from './import-directory';
import { serviceRow, structureRow } from './listing-rows';
import { forgetCorrections, summarize, type ServiceSummary } from './search-services';
import { isStale } from './staleness';

export async function getService(
  ctx: Ctx,
  id: string,
): Promise<
  ServiceSummary & {
    structure_horaires: string | null;
    modes_mobilisation: string[];
    lien_mobilisation: string | null;
    conditions_acces: string | null;
    frais_precisions: string | null;
    site_web: string | null;
    stale: boolean;
  }
> {
  const row = await store.serviceById(ctx.db, id);
  if (!row) throw new AppError('annuaire/not-found');
  const s = summarize(row, ctx.now());
  return {
    ...s,
    structure_horaires: (row.structure_horaires as string) ?? null,
    modes_mobilisation: row.modes_mobilisation_json ? JSON.parse(row.modes_mobilisation_json as string) : [],
    lien_mobilisation: (row.lien_mobilisation as string) ?? null,
    conditions_acces: (row.conditions_acces as string) ?? null,
    frais_precisions: (row.frais_precisions as string) ?? null,
    site_web: (row.site_web as string) ?? null,
    stale: isStale(s.date_verification, ctx.now()),
  };
}

export async function getStructure(ctx: Ctx, id: string): Promise<StructureListingRow> {
  const row = await store.structureById(ctx.db, id);
  if (!row) throw new AppError('annuaire/not-found');
  const services = (await store.servicesOfStructure(ctx.db, id)).map((r) => summarize(r, ctx.now()));
  const checked = (row.date_verification as string) ?? (row.date_maj as string) ?? null;
  const { raw, ...rest } = row;
  // The row's columns as selected; structureOut (annuaire.schemas.ts) checks them on the way out.
  return { ...rest, description: (raw as Record<string, unknown>).description ?? null, stale: isStale(checked, ctx.now()), services } as StructureListingRow;
}

/** Structures of the directory by name (or a service's name), with their services: the agents' orientation picker. */
export async function findStructures(ctx: Ctx, text: string) {
  return store.structuresByName(ctx.db, text.trim(), 30);
}

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const structurePatchSchema = z.object({
  nom: z.string().trim().min(3).max(150).optional(),
  description: text(10_000),
  adresse: text(300),
  complement_adresse: text(300),
  code_postal: text(5),
  commune: text(100),
  telephone: text(30),
  courriel: text(200),
  site_web: text(2083),
  horaires_accueil: text(500),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  pass_famille_solo: z.boolean().optional(),
  pass_famille_solo_avantage: text(300),
  coin_enfants: z.boolean().optional(),
  poussettes: z.boolean().optional(),
  langues: z.array(z.string()).max(20).optional(),
  /** Staff only. */
  label_ville_solidaire: z.boolean().optional(),
});
export type StructurePatch = z.infer<typeof structurePatchSchema>;

export const servicePatchSchema = z.object({
  nom: z.string().trim().min(3).max(150).optional(),
  description: z.string().trim().min(5).max(10_000).optional(),
  telephone: text(30),
  courriel: text(200),
  horaires_accueil: text(500),
  frais: z.enum(['gratuit', 'payant']).nullable().optional(),
  frais_precisions: text(1000),
  conditions_acces: text(2000),
});
export type ServicePatch = z.infer<typeof servicePatchSchema>;

const DI_STRUCTURE_FIELDS = [
  'nom',
  'description',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'telephone',
  'courriel',
  'site_web',
  'horaires_accueil',
  'latitude',
  'longitude',
] as const;
const EXTRA_FIELDS = ['pass_famille_solo', 'pass_famille_solo_avantage', 'coin_enfants', 'poussettes', 'langues', 'label_ville_solidaire'] as const;

function requireListingEditor(ctx: Ctx, structureId: string) {
  const user = requireUser(ctx);
  if (STAFF.includes(user.role)) return user;
  if (user.role === 'partner' && user.structureId === structureId) return user;
  throw new AppError('annuaire/not-your-listing');
}

function emptyToNull(v: unknown): unknown {
  return typeof v === 'string' && v.trim() === '' ? null : v;
}

function invalid(errors: { field: string; message: string }[]): AppError {
  return new AppError('annuaire/invalid-listing', { fields: errors.map((e) => ({ path: e.field.replace(/^relais\./, ''), message: e.message })) });
}

export async function updateStructure(ctx: Ctx, structureId: string, patch: StructurePatch) {
  const user = requireListingEditor(ctx, structureId);
  if (patch.label_ville_solidaire !== undefined && !STAFF.includes(user.role)) throw new AppError('auth/forbidden');
  const today = parisDate(ctx.now());
  await tx(ctx.db, async (t) => {
    const row = await store.lockStructure(t, structureId);
    if (!row) throw new AppError('annuaire/not-found');
    const raw: Record<string, unknown> = { ...row.raw };
    for (const f of DI_STRUCTURE_FIELDS) if (patch[f] !== undefined) raw[f] = emptyToNull(patch[f]);
    raw.date_maj = today;
    const extras: StructureExtras = {
      demo: row.demo,
      label_ville_solidaire: row.label_ville_solidaire,
      pass_famille_solo: row.pass_famille_solo,
      pass_famille_solo_avantage: row.pass_famille_solo_avantage,
      coin_enfants: row.coin_enfants,
      poussettes: row.poussettes,
      langues: row.langues,
      date_verification: today,
      quartier: row.quartier_explicit,
    };
    for (const f of EXTRA_FIELDS) if (patch[f] !== undefined) (extras as Record<string, unknown>)[f] = emptyToNull(patch[f]);
    const check = validateRecord({ line: 1, kind: 'structure', input: { ...raw, relais: extras } });
    if (!check.valid) throw invalid(check.errors);
    await store.upsertStructures(t, [structureRow(raw, extras, townShapes(ctx))], true, ctx.now());
    await store.clearStaleReminder(t, structureId);
    await refreshInheritedServices(t, ctx, [structureId]);
    await audit(t, ctx, 'annuaire/listing-updated', { subjectType: 'annuaire_structure', subjectId: structureId, details: { fields: Object.keys(patch) } });
  });
  return getStructure(ctx, structureId);
}

export async function updateService(ctx: Ctx, serviceId: string, patch: ServicePatch) {
  const structureId = await store.structureIdOfService(ctx.db, serviceId);
  if (!structureId) throw new AppError('annuaire/not-found');
  requireListingEditor(ctx, structureId);
  const today = parisDate(ctx.now());
  await tx(ctx.db, async (t) => {
    const row = (await store.lockService(t, serviceId))!;
    const raw: Record<string, unknown> = { ...row.raw };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) raw[k] = emptyToNull(v);
    raw.date_maj = today;
    const extras: ServiceExtras = { demo: row.demo, categorie: row.categorie_explicit, profession: row.profession };
    const check = validateRecord({ line: 1, kind: 'service', input: { ...raw, relais: extras } });
    if (!check.valid) throw invalid(check.errors);
    const basics = await store.structureBasics(t, structureId);
    await store.upsertServices(t, [serviceRow(raw, extras, basics!, townShapes(ctx), ctx.now())], true, ctx.now());
    await store.markStructureChecked(t, structureId, today);
    await store.addWords(t, [serviceId]);
    await audit(t, ctx, 'annuaire/service-updated', { subjectType: 'annuaire_service', subjectId: serviceId, details: { fields: Object.keys(patch) } });
  });
  forgetCorrections();
  return getService(ctx, serviceId);
}

/** "Ma fiche est à jour": record the check without changing anything else. */
export async function confirmListing(ctx: Ctx, structureId: string) {
  requireListingEditor(ctx, structureId);
  const today = parisDate(ctx.now());
  await tx(ctx.db, async (t) => {
    if (!(await store.confirmStructureChecked(t, structureId, today))) throw new AppError('annuaire/not-found');
    await audit(t, ctx, 'annuaire/listing-confirmed', { subjectType: 'annuaire_structure', subjectId: structureId });
  });
  return getStructure(ctx, structureId);
}

/** The partner's own listing. */
export async function myListing(ctx: Ctx) {
  const user = requireUser(ctx);
  if (user.role !== 'partner' || !user.structureId) throw new AppError('auth/forbidden');
  return getStructure(ctx, user.structureId);
}
