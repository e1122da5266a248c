/** Neighbourhood indicators (entered per year) and the directory's density ratios. */
import { z } from 'zod';
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
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
    throw new AppError('annuaire/unknown-neighbourhood', { fields: bad.map(({ i }) => ({ path: `values.${i}.neighbourhood`, message: "Ce quartier n'existe pas." })) });
  }
  await tx(ctx.db, async (t) => {
    for (const v of input.values) {
      await t.query(
        `INSERT INTO annuaire_territory_indicators (neighbourhood, indicator, year, value, source, demo, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (neighbourhood, indicator, year) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, demo = EXCLUDED.demo, updated_at = EXCLUDED.updated_at`,
        [v.neighbourhood, v.indicator, input.year, v.value, input.source ?? null, demo, ctx.now()],
      );
    }
    await audit(t, ctx, 'annuaire/indicators-saved', { subjectType: 'annuaire_territory', details: { year: input.year, count: input.values.length } });
  });
}

export async function territory(ctx: Ctx) {
  // Aggregates only, public like the directory itself.
  const { rows: ind } = await ctx.db.query<{ neighbourhood: string; indicator: IndicatorName; value: string; year: number; demo: boolean; source: string | null }>(
    `SELECT DISTINCT ON (neighbourhood, indicator) neighbourhood, indicator, value, year, demo, source
     FROM annuaire_territory_indicators ORDER BY neighbourhood, indicator, year DESC`,
  );
  const indicators: Record<string, Partial<Record<IndicatorName, number>>> = {};
  for (const r of ind) (indicators[r.neighbourhood] ??= {})[r.indicator] = Number(r.value);
  const { rows: cnt } = await ctx.db.query<{ quartier: string; key: string; n: number }>(
    `SELECT s.quartier, s.categorie AS key, count(DISTINCT s.structure_id)::int AS n FROM annuaire_services s
       WHERE s.quartier IS NOT NULL AND s.categorie IS NOT NULL GROUP BY 1, 2
     UNION ALL
     SELECT s.quartier, s.profession AS key, count(*)::int AS n FROM annuaire_services s
       WHERE s.quartier IS NOT NULL AND s.profession IS NOT NULL GROUP BY 1, 2`,
  );
  const counts: Record<string, Record<string, number>> = {};
  for (const r of cnt) (counts[r.quartier] ??= {})[r.key] = r.n;
  const keys = [...CATEGORIES.map((c) => c.id), ...PROFESSIONS.map((p) => p.id)];
  return {
    year: ind.length ? Math.max(...ind.map((r) => r.year)) : null,
    demo: ind.some((r) => r.demo),
    sources: [...new Set(ind.map((r) => r.source).filter(Boolean))],
    indicators: INDICATORS.map((id) => ({ id, label: INDICATOR_LABELS[id] })),
    keys: [...CATEGORIES.map((c) => ({ id: c.id, label: c.label, kind: 'categorie' })), ...PROFESSIONS.map((p) => ({ id: p.id, label: p.label, kind: 'profession' }))],
    rows: territoryTable(ctx.town.neighbourhoods, indicators, counts, keys, { id: ctx.town.id, name: ctx.town.name }),
  };
}
