/**
 * Quotient familial (QF) as the CAF computes it for local services' price scales:
 *
 *   QF = (revenus annuels / 12 + prestations familiales mensuelles) / nombre de parts
 *
 * - revenus annuels: the household's yearly taxable income (revenus nets imposables
 *   de l'année N-2 for the CAF; the family enters the figure of its notice);
 * - prestations mensuelles: family benefits received in the month (AF, ASF, CF…);
 * - parts: 2 for the parent (a single parent counts 2 parts, like a couple),
 *   + 0.5 for each of the first two dependent children, + 1 for the third
 *   (0.5 + a 0.5 bonus), + 0.5 for each further child.
 *
 * The result is in euros, truncated to the euro (the CAF prints whole euros).
 * A QF entered by the family (from a CAF letter) wins over the computed one.
 */
export function quotientParts(dependentChildren: number): number {
  if (!Number.isInteger(dependentChildren) || dependentChildren < 0) throw new RangeError('children must be a non-negative integer');
  return 2 + 0.5 * dependentChildren + (dependentChildren >= 3 ? 0.5 : 0);
}

export function computeQuotient(input: { annualIncomeCents: number; familyBenefitsMonthlyCents: number; dependentChildren: number }): number {
  const monthlyCents = input.annualIncomeCents / 12 + input.familyBenefitsMonthlyCents;
  return Math.floor(monthlyCents / quotientParts(input.dependentChildren) / 100);
}

/** The QF of a file: entered if any, else computed when the income is known, else unknown. */
export function resolveQuotient(input: {
  entered: number | null;
  annualIncomeCents: number | null;
  familyBenefitsMonthlyCents: number | null;
  dependentChildren: number;
}): { value: number | null; source: 'entered' | 'computed' | null } {
  if (input.entered != null) return { value: input.entered, source: 'entered' };
  if (input.annualIncomeCents == null) return { value: null, source: null };
  return {
    value: computeQuotient({
      annualIncomeCents: input.annualIncomeCents,
      familyBenefitsMonthlyCents: input.familyBenefitsMonthlyCents ?? 0,
      dependentChildren: input.dependentChildren,
    }),
    source: 'computed',
  };
}
