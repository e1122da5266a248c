/** Neighbourhood indicators (entered per year) and the directory's density ratios. */
import { z } from 'zod';
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import * as store from './annuaire.store';
import { CATEGORIES, PROFESSIONS } from './categories';
import { INDICATOR_LABELS, INDICATORS, territoryTable, type IndicatorName } from './ratios';

export const indicatorsInputSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  source: z.string().max(300).nullable().optional(),
  values: z
    .array(
      z.object({
        neighbourhood: z.string().max(60),
        indicator: z.enum(INDICATORS),
        value: z.number().min(0),
      }),
    )
    .min(1)
    .max(500),
});
export type IndicatorsInput = z.infer<typeof indicatorsInputSchema>;

export async function saveIndicators(ctx: Ctx, input: IndicatorsInput, demo = false): Promise<void> {
  if (ctx.user) requireRole(ctx, 'coordinator', 'admin');
  const known = new Set([ctx.town.id, ...ctx.town.neighbourhoods.map((n) => n.id)]);
  const bad = input.values.map((v, i) => ({ v, i })).filter(({ v }) => !known.has(v.neighbourhood));
  if (bad.length) {
    throw new AppError('annuaire/unknown-neighbourhood', {
      fields: bad.map(({ i }) => ({ path: `values.${i}.neighbourhood`, message: "Ce quartier n'existe pas." })),
    });
  }
  await tx(ctx.db, async (t) => {
    for (const v of input.values) {
      await store.upsertIndicator(t, { ...v, year: input.year, source: input.source ?? null, demo }, ctx.now());
    }
    await audit(t, ctx, 'annuaire/indicators-saved', { subjectType: 'annuaire_territory', details: { year: input.year, count: input.values.length } });
  });
}

/**
 * Figures imported elsewhere (pilotage's territory import: an INSEE-style CSV with its source
 * and year) become the directory's denominators too, in the caller's transaction (its audit
 * covers them). Only the town and its neighbourhoods, and only the figures the ratios use.
 */
export async function recordTerritoryFigures(
  t: Queryable,
  town: { id: string; neighbourhoods: readonly { id: string }[] },
  input: { year: number; source: string; values: readonly { area: string; figure: string; value: number }[] },
  now: Date,
): Promise<number> {
  const areas = new Set([town.id, ...town.neighbourhoods.map((n) => n.id)]);
  const kept = input.values.filter((v) => areas.has(v.area) && (INDICATORS as readonly string[]).includes(v.figure));
  for (const v of kept) {
    await store.upsertIndicator(t, { neighbourhood: v.area, indicator: v.figure, year: input.year, value: v.value, source: input.source, demo: false }, now);
  }
  return kept.length;
}

export async function territory(ctx: Ctx) {
  // Aggregates only, public like the directory itself.
  const ind = await store.latestIndicators(ctx.db);
  const indicators: Record<string, Partial<Record<IndicatorName, number>>> = {};
  for (const r of ind) (indicators[r.neighbourhood] ??= {})[r.indicator as IndicatorName] = Number(r.value);
  const cnt = await store.offerCounts(ctx.db);
  const counts: Record<string, Record<string, number>> = {};
  for (const r of cnt) (counts[r.quartier] ??= {})[r.key] = r.n;
  const keys = [...CATEGORIES.map((c) => c.id), ...PROFESSIONS.map((p) => p.id)];
  return {
    year: ind.length ? Math.max(...ind.map((r) => r.year)) : null,
    demo: ind.some((r) => r.demo),
    sources: [...new Set(ind.map((r) => r.source).filter(Boolean))],
    indicators: INDICATORS.map((id) => ({ id, label: INDICATOR_LABELS[id] })),
    keys: [
      ...CATEGORIES.map((c) => ({ id: c.id, label: c.label, kind: 'categorie' })),
      ...PROFESSIONS.map((p) => ({ id: p.id, label: p.label, kind: 'profession' })),
    ],
    rows: territoryTable(ctx.town.neighbourhoods, indicators, counts, keys, { id: ctx.town.id, name: ctx.town.name }),
  };
}
