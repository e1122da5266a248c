/**
 * Indicators computed from Relais' own data, per neighbourhood and period. Each module
 * declares its own in its module definition (families reached, simulations run, files
 * opened, services listed…); the pilotage module lists and evaluates them.
 */
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

export interface IndicatorDef {
  /** `module.name`, stable: action plans reference it. */
  id: string;
  label: string;
  unit: string;
  description: string;
  compute(q: Queryable, query: IndicatorQuery): Promise<IndicatorValue[]>;
}

const registry = new Map<string, IndicatorDef>();

export function defineIndicator(def: IndicatorDef): IndicatorDef {
  registry.set(def.id, def);
  return def;
}

export function listIndicators(): IndicatorDef[] {
  return [...registry.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function getIndicator(id: string): IndicatorDef | undefined {
  return registry.get(id);
}
