/**
 * Estimate of the CAF's complément de libre choix du mode de garde (CMG), volet
 * « rémunération », for a family employing a childminder at home (alone or shared) — pure.
 * Rule since the reform of 1 September 2025 (figures in rules/entraide/cmg-garde-domicile.json):
 *   participation per hour = clamp(monthly resources, floor, ceiling) × effort rate (by children);
 *   hourly cost retained   = min(hourly cost paid, cap);
 *   aid = hours × (hourly cost retained − participation per hour), never below 0, never above
 *   what the family pays. Computed in cents over minutes, rounded down to the cent once.
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
  const participation = resources * effortRate(p, Math.max(1, input.children)); // cents per hour, not rounded
  const hourlyCost = Math.min((costCents * 60) / minutes, p.hourlyCostCapCents);
  const raw = ((hourlyCost - participation) * minutes) / 60;
  // A tiny epsilon so that exact cents computed in floating point are not lost to floor.
  const cmgCents = Math.min(costCents, Math.max(0, Math.floor(raw + 1e-6)));
  return {
    cmgCents,
    leftCents: costCents - cmgCents,
    participationPerHourCents: Math.round(participation),
    hourlyCostRetainedCents: Math.round(hourlyCost),
  };
}
