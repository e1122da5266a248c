/**
 * Indicators computed from Relais' own data, per neighbourhood and period. Each module
 * declares its own in its module definition (families reached, simulations run, files
 * opened, services listed…); the wiring installs them and the pilotage module lists and
 * evaluates them.
 */
import type { Ctx } from './context';
import type { Queryable } from './db/pool';

export interface IndicatorQuery {
  /** Inclusive start, exclusive end (instants). */
  from: Date;
  to: Date;
}

export interface IndicatorValue {
  /** Neighbourhood id of the town configuration, or null for "not located". */
  neighbourhood: string | null;
  value: number;
}

/**
 * The same count over another dimension than the neighbourhood (e.g. per partner), for the
 * indicator's page: labelled rows, in French, counts only (never who).
 */
export interface IndicatorBreakdown {
  /** What a row is: « Partenaire ». */
  by: string;
  /** What a row's detail says, when rows have one: « Quartier du partenaire ». */
  detail?: string;
  rows: { label: string; detail?: string | null; value: number }[];
}

export interface IndicatorDef {
  /** `module.name`, stable: action plans reference it. */
  id: string;
  label: string;
  unit: string;
  description: string;
  compute(q: Queryable, query: IndicatorQuery): Promise<IndicatorValue[]>;
  /** Optional: the period's count per something else than the neighbourhood (names read with the reader's context). */
  breakdown?(ctx: Ctx, query: IndicatorQuery): Promise<IndicatorBreakdown>;
}

/** The wired indicators (every module's `indicators`, see src/platform/wiring.ts). */
let registry = new Map<string, IndicatorDef>();

/** Types an indicator. Registers nothing: list it in your ModuleDef's `indicators`. */
export function defineIndicator(def: IndicatorDef): IndicatorDef {
  return def;
}

/** Called by the wiring with every module's indicators. */
export function installIndicators(defs: readonly IndicatorDef[]): void {
  registry = new Map(defs.map((d) => [d.id, d]));
}

export function listIndicators(): IndicatorDef[] {
  return [...registry.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function getIndicator(id: string): IndicatorDef | undefined {
  return registry.get(id);
}
