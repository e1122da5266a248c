/** Shapes of the pilotage API as the pages use them (the store's own row types, type-only). */
import type { ActionRow, ActionStatus, Direction, IndicatorRow, IndicatorSource } from '../../../src/modules/pilotage/pilotage.store';

export type { ActionStatus, Direction };
export type Source = IndicatorSource;
export const STATUSES: ActionStatus[] = ['a_lancer', 'en_cours', 'realisee', 'abandonnee'];

export interface PlanSummary {
  id: string;
  title: string;
  description: string;
  source: string | null;
  isDemo: boolean;
  axes: number;
  actions: number;
}

export type Indicator = Omit<IndicatorRow, 'position'>;

export type Action = Omit<ActionRow, 'position'> & { indicators: Indicator[] };

export interface Objective {
  id: string;
  code: string;
  title: string;
  description: string;
  actions: Action[];
}

export interface Axis {
  id: string;
  code: string;
  title: string;
  description: string;
  goals: string[];
  objectives: Objective[];
}

export interface Plan {
  id: string;
  title: string;
  description: string;
  source: string | null;
  isDemo: boolean;
  publishedAt: string | null;
  axes: Axis[];
}

export interface Standing {
  percent: number | null;
  state: 'no-value' | 'no-target' | 'reached' | 'on-way' | 'off-track';
  label: string;
}

export interface IndicatorSummary extends Indicator {
  latest: { period: string; value: number } | null;
  standing: Standing;
  history: { period: string; value: number }[];
  byNeighbourhood: Record<string, number>;
  available: boolean;
  sourceLabel: string;
}

export interface Neighbourhood {
  id: string;
  name: string;
}

export interface Dashboard {
  plan: { id: string; title: string; source: string | null; isDemo: boolean };
  period: string;
  neighbourhoods: Neighbourhood[];
  axes: {
    id: string;
    code: string;
    title: string;
    goals: string[];
    counts: Record<ActionStatus, number>;
    budget: { plannedCents: number; spentCents: number };
    objectives: { id: string; code: string; title: string; actions: { id: string; title: string; status: ActionStatus; leadService: string; neighbourhoods: string[]; indicators: IndicatorSummary[] }[] }[];
  }[];
}

export interface RegistryIndicator {
  id: string;
  label: string;
  unit: string;
  description: string;
}
