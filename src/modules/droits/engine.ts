/**
 * The rights engine: validates a household, computes every benefit for its month and
 * shapes the answer (amounts before CRDS, amounts paid after CRDS, explanations).
 * `defaultEngine()` loads rules/legislation once, on first use.
 */
import { revaluationsOn, type Revaluations } from './revaluations';
import { AppError, type FieldError } from '../../platform/errors';
import { compute } from './compute';
import { type MonthIndex, firstDay, formatMonth, monthIndex, parseMonth } from './dates';
import { createHash } from 'node:crypto';
import { type Explanation, Tracer, toExplanations } from './explain';
import { REASONS, STEP_LABELS } from './explanations-catalogue';
import { ByteWriter, type Catalogue, writeResult } from './explanations-json';
import { BENEFITS, BENEFIT_FACTS, type BenefitKey, perBenefit } from './benefits';
import { explainAll } from './explanations';
import { type Household, type HouseholdInput, type PeriodBounds, type ZoneLookup, parseHousehold } from './household';
import { loadLegislation, loadZones } from './legislation-files';
import { toCents } from './money';
import type { Legislation } from './parameters';

/** float32 storage of the reference model (local alias: hot path). */
const f32 = Math.fround;

/**
 * Months the engine answers for. From 2024-01 (the first parameters we hold); up to the end
 * of 2027 because a month after the last revaluation we hold is estimated with the latest
 * known values (each parameter keeps its last dated value), and the answer says which
 * revaluation that is: the simulator estimates for the current month, never a past one.
 */
export const SUPPORTED_PERIODS: PeriodBounds = { first: monthIndex(2024, 1), last: monthIndex(2027, 12) };

export type Amounts = Record<BenefitKey, number>;

export interface SimulationResult {
  id: string;
  period: string;
  amounts: Amounts;
  net_crds: Amounts;
  explanations: Record<BenefitKey, Explanation>;
  /** With `references: 'household'`: the legal reference of each parameter the steps name, once. */
  references?: Record<string, string>;
}

/**
 * Where the legal references of the explanation steps go:
 * - `inline`: on the first step of each explanation that uses the parameter (the API, the pages);
 * - `household`: once per household in `references` (parameter id → "title — link"), steps keep the id;
 * - `ids`: steps keep the parameter id only; `relais droits references` / GET /api/droits/references
 *   resolve them for the household's period.
 */
export type ReferenceMode = 'inline' | 'household' | 'ids';
export const REFERENCE_MODES: readonly ReferenceMode[] = ['inline', 'household', 'ids'];

export interface SimulationOptions {
  /** Skip the explanation steps (benchmarks, bulk re-estimation). */
  explain?: boolean;
  references?: ReferenceMode;
}

export class RightsEngine {
  constructor(
    readonly legislation: Legislation,
    readonly zoneOf: ZoneLookup,
    readonly bounds: PeriodBounds = SUPPORTED_PERIODS,
  ) {}

  parse(raw: unknown, index = 0): { ok: true; household: Household } | { ok: false; fields: FieldError[] } {
    return parseHousehold(raw, this.bounds, this.zoneOf, index);
  }

  /** Validates then simulates; throws `droits/invalid-household` (422) with the fields at fault. */
  simulate(raw: HouseholdInput | unknown, period?: string, options: SimulationOptions = {}): SimulationResult {
    const input = period !== undefined && raw && typeof raw === 'object' ? { ...(raw as object), period } : raw;
    const parsed = this.parse(input);
    if (!parsed.ok) throw new AppError('droits/invalid-household', { fields: parsed.fields });
    return this.run(parsed.household, options);
  }

  run(h: Household, options: SimulationOptions = {}): SimulationResult {
    const { amounts, net, explained } = this.computeAll(h, options);
    const mode = options.references ?? 'inline';
    // With `household`, the references go there instead of on the steps.
    const references: Record<string, string> | undefined = mode === 'household' ? {} : undefined;
    const explanations = explained === null ? emptyExplanations(amounts) : toExplanations(explained, mode !== 'ids', references);
    const result: SimulationResult = { id: h.id, period: formatMonth(h.period), amounts, net_crds: net, explanations };
    if (references && explained !== null) result.references = references;
    return result;
  }

  /**
   * The household's JSON line for the batch command (without "\n"): `JSON.stringify(run(h,
   * options))` for `inline` and `household`, written without the object tree; the compact
   * form of explanations-json.ts for `ids`.
   */
  runJson(h: Household, options: SimulationOptions = {}): string {
    const w = new ByteWriter();
    this.writeJson(w, h, options);
    return w.text();
  }

  /** runJson's line written as UTF-8 into `w` (the batch command: one writer per batch of lines). */
  writeJson(w: ByteWriter, h: Household, options: SimulationOptions = {}): void {
    // The line is written before the next household: one tracer serves them all.
    const { amounts, net, explained } = this.computeAll(h, options, (this.lineTracer ??= new Tracer(null, 0)));
    const { catalogue, parameterIndex } = this.catalogueOnce();
    const period = formatMonth(h.period);
    writeResult(w, { id: h.id, period, amounts, net, explained, reasons: catalogue.reasons }, options.references ?? 'inline', catalogue, parameterIndex);
  }

  private lineTracer?: Tracer;

  private computeAll(h: Household, options: SimulationOptions, tracer?: Tracer): { amounts: Amounts; net: Amounts; explained: Tracer | null } {
    const c = compute(h, this.legislation);
    const crdsRate = this.legislation.month(h.period).commun.crds_taux;
    // One formula per benefit (a Record: a benefit of the list without its formula does not compile).
    const raw: Amounts = {
      asf: c.family.asf,
      af: c.family.af,
      cf: c.family.cf,
      rsa: c.rsa.amount,
      ppa: c.ppa.amount,
      aide_logement: c.housing.amount,
      paje_base: c.family.paje,
      ars_annuel: c.ars.amount,
    };
    const amounts = {} as Amounts;
    const net = {} as Amounts;
    for (const key of BENEFITS) {
      // The reference model stores float32 amounts; CRDS is withheld on the unrounded amount.
      const x = f32(raw[key]);
      amounts[key] = toCents(x) / 100;
      net[key] = BENEFIT_FACTS[key].crds ? toCents(f32(x - f32(x * f32(crdsRate)))) / 100 : amounts[key];
    }
    const explained = options.explain === false ? null : explainAll(c, this.legislation, (options.references ?? 'inline') !== 'ids', tracer);
    return { amounts, net, explained };
  }

  private catalogueCache?: { catalogue: Catalogue; parameterIndex: ReadonlyMap<string, number> };

  /**
   * What the numbers of a compact (`ids`) line mean: the step labels, the reasons and the
   * parameter ids, numbered by their place; `version` changes with any of them.
   */
  catalogue(): Catalogue {
    return this.catalogueOnce().catalogue;
  }

  private catalogueOnce() {
    if (!this.catalogueCache) {
      const lists = { labels: [...STEP_LABELS], reasons: [...REASONS], parameters: this.legislation.names().sort() };
      const version = createHash('sha256').update(JSON.stringify(lists)).digest('hex').slice(0, 8);
      this.catalogueCache = { catalogue: { version, ...lists }, parameterIndex: new Map(lists.parameters.map((p, i) => [p, i])) };
    }
    return this.catalogueCache;
  }

  /**
   * The legal reference of every parameter in force during `period` (YYYY-MM): what the
   * parameter ids of `references: 'ids'` explanations resolve to.
   */
  references(period: string): {
    period: string;
    references: Record<string, { label: string; title: string; href?: string; text: string }>;
    catalogue: Catalogue;
  } {
    const m = parseMonth(period);
    if (m === null || m < this.bounds.first || m > this.bounds.last) {
      throw new AppError('droits/unknown-period', {
        fields: [{ path: 'period', message: `Indiquez un mois entre ${formatMonth(this.bounds.first)} et ${formatMonth(this.bounds.last)} (AAAA-MM).` }],
      });
    }
    const day = firstDay(m);
    const out: Record<string, { label: string; title: string; href?: string; text: string }> = {};
    for (const name of this.legislation.names().sort()) {
      const d = this.legislation.describe(name, day);
      const text = this.legislation.referenceText(name, day);
      if (d.reference && text) out[name] = { label: d.label, title: d.reference.title, ...(d.reference.href ? { href: d.reference.href } : {}), text };
    }
    return { period: formatMonth(m), references: out, catalogue: this.catalogue() };
  }

  /** The revaluation in force on `today` (YYYY-MM-DD), the next one expected, any expected but missing. */
  revaluations(today: string): Revaluations {
    return revaluationsOn(this.legislation.seriesDates(), today);
  }

  /** Dates on which a parameter changes, from the first supported month on (re-notification job). */
  parameterDates(): string[] {
    return this.legislation.changeDates(monthStartDay(this.bounds.first));
  }
}

function monthStartDay(m: MonthIndex): number {
  return Math.round(Date.UTC(Math.floor(m / 12), m % 12, 1) / 86_400_000);
}

function emptyExplanations(amounts: Amounts): Record<BenefitKey, Explanation> {
  return perBenefit((key) => ({ eligible: amounts[key] > 0, reason: '', steps: [] }));
}

let engine: RightsEngine | undefined;
export function defaultEngine(): RightsEngine {
  engine ??= new RightsEngine(loadLegislation(), loadZones());
  return engine;
}
