/**
 * Estimate of the CAF's complément de libre choix du mode de garde (CMG), volet
 * « rémunération », for a family employing a childminder at home (alone or shared) — pure.
 * Rule since the reform of 1 September 2025 (décret n° 2025-515; figures and their sources in
 * rules/entraide/cmg-garde-domicile.json):
 *   CMG = cost retained × (1 − clamp(monthly resources, floor, ceiling) × effort rate / reference hourly cost)
 *   cost retained = hours × min(hourly cost paid, cap);
 * so for each hour: the hourly cost retained minus a participation of resources × rate × (that
 * cost / the reference cost). Never below 0, never above what the family pays. Computed in cents
 * over minutes, rounded down to the cent once.
 * An estimate: the CAF decides (its own resources figure, cotisations part not included).
 */
import type { CmgParameters } from './entraide-rules';

export type CmgInput = {
  /** The family's minutes of care in the month. */
  minutes: number;
  /** What the family pays for those minutes (its share of the cooperative's cost). */
  costCents: number;
  /** The household's monthly resources, as the CAF counts them. */
  monthlyResourcesCents: number;
  /** Dependent children in the household. */
  children: number;
};

export type CmgEstimate = {
  cmgCents: number;
  /** What is left for the family to pay after the estimate. */
  leftCents: number;
  /** The family's participation per hour of care. */
  participationPerHourCents: number;
  hourlyCostRetainedCents: number;
};

export function effortRate(p: CmgParameters, children: number): number {
  let rate = p.effortRateByChildren[0]!.rate;
  for (const row of p.effortRateByChildren) if (children >= row.children) rate = row.rate;
  return rate;
}

export function estimateCmg(p: CmgParameters, input: CmgInput): CmgEstimate {
  const { minutes, costCents } = input;
  if (!(minutes > 0) || !(costCents > 0)) {
    return { cmgCents: 0, leftCents: Math.max(0, costCents), participationPerHourCents: 0, hourlyCostRetainedCents: 0 };
  }
  const resources = Math.min(Math.max(input.monthlyResourcesCents, p.resourcesFloorCents), p.resourcesCeilingCents);
  // The family's part of each euro of care: resources × rate against the reference hourly cost (≥ 1: no aid).
  const familyPart = Math.min(1, (resources * effortRate(p, Math.max(1, input.children))) / p.referenceHourlyCostCents);
  const hourlyCost = Math.min((costCents * 60) / minutes, p.hourlyCostCapCents);
  const raw = ((hourlyCost * minutes) / 60) * (1 - familyPart);
  // A tiny epsilon so that exact cents computed in floating point are not lost to floor.
  const cmgCents = Math.min(costCents, Math.max(0, Math.floor(raw + 1e-6)));
  return {
    cmgCents,
    leftCents: costCents - cmgCents,
    participationPerHourCents: Math.round(hourlyCost * familyPart),
    hourlyCostRetainedCents: Math.round(hourlyCost),
  };
}
