/**
 * Territory figures: import (CSV, all or nothing, versioned by year), and the territory's
 * page — the figures by neighbourhood with their source, beside the questionnaire's answers
 * (respondents for 1,000 single-parent families) and as denominators of Relais' indicators
 * (the directory's services for 1,000 single-parent families, files created…), and handed to the
 * directory for its own ratios. Pilotage reads the diagnostic, the directory and the registry;
 * none of them reads pilotage.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { getIndicator } from '../../platform/indicators';
import { requireRole } from '../../platform/roles';
import { recordTerritoryFigures } from '../annuaire/index';
import { computeQuestionnaireIndicator, listQuestionnaires } from '../diagnostic/index';
import { withTotal } from './compute';
import { addMonths, periodBounds, periodOf } from './periods';
import { EDITORS, READERS } from './pilotage.service';
import { FIGURES, TOWN_AREA, figuresTable, parseTerritoryCsv, ratioOf } from './territory-figures';
import * as store from './territory.store';

/** Relais' indicators shown with a territory figure as denominator (those this instance has). */
export const RATIOS = [
  { id: 'annuaire.services-listed', scale: 1000, label: "Services de l'annuaire pour 1 000 familles monoparentales", window: 'to-date' },
  { id: 'dossiers.files-created', scale: 100, label: 'Dossiers de familles créés en 12 mois, pour 100 familles monoparentales', window: '12-months' },
  { id: 'rendezvous.bookings', scale: 1000, label: 'Rendez-vous pris en 12 mois, pour 1 000 familles monoparentales', window: '12-months' },
] as const;

/** The territory figures a plan indicator's count may be reported to, chosen per indicator by the coordination. */
export const DENOMINATORS = ['familles_monoparentales', 'familles', 'enfants_moins_11'] as const;
export type Denominator = (typeof DENOMINATORS)[number];

/** Whether an indicator counts something (a territory figure may then be its denominator): never a rate, a mean, a share or a duration. */
export function isCount(ind: { unit: string; questionnaire: { measure: string } | null }): boolean {
  return !/%|moyenne|sur 10|jours/i.test(ind.unit) && (!ind.questionnaire || ind.questionnaire.measure === 'respondents');
}

/**
 * The denominator of an indicator's count: the chosen figure of the latest territory figures, by
 * area ('*' and neighbourhoods), with its source and year. `figure` is null for an indicator that
 * is not a count; `denominator` is null when the latest figures do not have the chosen one.
 */
export async function indicatorDenominator(ctx: Ctx, ind: { id: string; unit: string; questionnaire: { measure: string } | null }) {
  if (!isCount(ind)) return { figure: null, denominator: null };
  const figure = ((await store.indicatorDenominator(ctx.db, ind.id)) ?? 'familles_monoparentales') as Denominator;
  const year = (await store.years(ctx.db))[0];
  if (year === undefined) return { figure, denominator: null };
  const table = figuresTable(await store.figuresOf(ctx.db, year), ctx.town);
  const values = table.flatMap((a) => {
    const v = a.values[figure]?.value;
    return v === undefined ? [] : [{ area: a.area, base: v }];
  });
  if (!values.length) return { figure, denominator: null };
  const source = await store.importOfYear(ctx.db, year);
  const label = FIGURES.find((f) => f.id === figure)!.label;
  return { figure, denominator: { figure, label, year, source: source?.source ?? '', isDemo: source?.isDemo ?? false, scale: 1000, values } };
}

/** The coordination chooses the territory figure an indicator's count is reported to. */
export async function setIndicatorDenominator(ctx: Ctx, indicatorId: string, figure: Denominator) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.setIndicatorDenominator(t, indicatorId, figure)))
      throw new AppError('pilotage/not-found', { fields: [{ path: 'id', message: "Cet indicateur n'existe pas." }] });
    await audit(t, ctx, 'pilotage/indicator-denominator-set', { subjectType: 'indicator', subjectId: indicatorId, details: { figure } });
  });
  return { figure };
}

export interface ImportInput {
  csv: string;
  year: number;
  source: string;
  fileName?: string | null;
}

/** `system`: the CLI or the demo seed (no account); otherwise a coordinator or an admin. */
export async function importFigures(ctx: Ctx, input: ImportInput, opts: { system?: boolean; demo?: boolean } = {}) {
  if (!opts.system) requireRole(ctx, ...EDITORS);
  const parsed = parseTerritoryCsv(input.csv, ctx.town);
  if (parsed.problems.length) {
    throw new AppError('pilotage/territory-invalid', {
      fields: parsed.problems.slice(0, 100).map((p) => ({ path: 'file', message: `Ligne ${p.line}${p.column ? `, colonne ${p.column}` : ''} : ${p.message}` })),
    });
  }
  const areas = new Set(parsed.rows.map((r) => r.area));
  return tx(ctx.db, async (t) => {
    const importId = await store.insertImport(t, {
      year: input.year,
      source: input.source.trim(),
      fileName: input.fileName?.trim() || null,
      lines: areas.size,
      isDemo: opts.demo ?? false,
      by: ctx.user?.id ?? null,
      now: ctx.now(),
    });
    await store.replaceYear(t, input.year, importId, parsed.rows);
    // The directory's ratios (« 1 pour N familles » by neighbourhood) take the same figures as their denominators.
    // The demo's come with the directory's own demo figures (annuaire's seed).
    if (!opts.demo) {
      const values = figuresTable(parsed.rows, ctx.town).flatMap((a) =>
        Object.entries(a.values).map(([figure, v]) => ({ area: a.area === TOWN_AREA ? ctx.town.id : a.area, figure, value: v!.value })),
      );
      await recordTerritoryFigures(t, ctx.town, { year: input.year, source: input.source.trim(), values }, ctx.now());
    }
    await audit(t, ctx, 'pilotage/territory-imported', {
      subjectType: 'territory_import',
      subjectId: importId,
      details: { year: input.year, areas: areas.size, values: parsed.rows.length },
    });
    return { id: importId, year: input.year, areas: areas.size, values: parsed.rows.length, columns: parsed.columns, ignored: parsed.ignored };
  });
}

async function surveyBeside(ctx: Ctx, questionnaireId: string | undefined, singleParent: (area: string) => number | null) {
  const list = (await listQuestionnaires(ctx)).filter((q) => q.responses > 0);
  const chosen = list.find((q) => q.id === questionnaireId) ?? list[0];
  if (!chosen) return { questionnaires: [], questionnaire: null };
  const r = await computeQuestionnaireIndicator(ctx.db, { questionnaireId: chosen.id, measure: 'respondents' }, ctx.town);
  const by = new Map(r.byNeighbourhood.filter((b) => b.neighbourhood).map((b) => [b.neighbourhood!, b.value ?? 0]));
  const rows = [{ area: TOWN_AREA, respondents: r.value ?? 0 }, ...ctx.town.neighbourhoods.map((n) => ({ area: n.id, respondents: by.get(n.id) ?? 0 }))].map(
    (x) => ({ ...x, per1000: ratioOf(x.respondents, singleParent(x.area), 1000) }),
  );
  return {
    questionnaires: list.map((q) => ({ id: q.id, title: q.title, isDemo: q.isDemo })),
    questionnaire: { id: chosen.id, title: chosen.title, isDemo: chosen.isDemo, rows },
  };
}

export async function territoryView(ctx: Ctx, query: { year?: number; questionnaireId?: string }) {
  requireRole(ctx, ...READERS);
  const years = await store.years(ctx.db);
  const year = query.year !== undefined && years.includes(query.year) ? query.year : (years[0] ?? null);
  const rows = year === null ? [] : await store.figuresOf(ctx.db, year);
  const table = figuresTable(rows, ctx.town);
  const singleParent = (area: string) => table.find((a) => a.area === area)?.values.familles_monoparentales?.value ?? null;

  // Relais' own counts with the single-parent families as denominator.
  const current = periodOf(ctx.now());
  const window = { from: periodBounds(addMonths(current, -11)).from, to: periodBounds(current).to };
  const ratios = [];
  for (const r of RATIOS) {
    const def = getIndicator(r.id);
    if (!def) continue;
    const values = withTotal(await def.compute(ctx.db, r.window === 'to-date' ? { from: new Date(0), to: window.to } : window), ctx.town);
    const count = (area: string) => values.find((v) => v.neighbourhood === area)?.value ?? 0;
    ratios.push({
      id: r.id,
      label: r.label,
      unit: def.unit,
      scale: r.scale,
      rows: table.map((a) => ({ area: a.area, count: count(a.area), ratio: ratioOf(count(a.area), singleParent(a.area), r.scale) })),
    });
  }
  return {
    years,
    year,
    source: year === null ? null : await store.importOfYear(ctx.db, year),
    imports: await store.imports(ctx.db),
    figures: FIGURES.map((f) => ({ id: f.id, label: f.label, kind: f.kind })),
    areas: table.map((a) => ({
      area: a.area,
      name: a.name,
      values: FIGURES.flatMap((f) => (a.values[f.id] ? [{ figure: f.id, value: a.values[f.id]!.value, origin: a.values[f.id]!.origin }] : [])),
    })),
    iris: new Set(rows.filter((r) => r.area.startsWith('iris:')).map((r) => r.area)).size,
    ratios,
    survey: await surveyBeside(ctx, query.questionnaireId, singleParent),
  };
}
