/**
 * The benefits the engine simulates, in display order: the one list the engine, the
 * explanations, the catalogue (rules/droits/<key>.yaml), the HTTP schemas, droits
 * potentiels and the web app derive from. The keys are the API's (`amounts.<key>`).
 *
 * Adding a key here is not enough, on purpose: the formula (engine.ts), the explanation
 * (explanations.ts), the catalogue's headline amounts (catalogue.ts) and the facts below
 * are `Record<BenefitKey, …>`, so a benefit without them does not type-check
 * (benefits.test.ts proves it); its rules/droits/<key>.yaml is checked by catalogue.test.ts.
 *
 * Pure and import-free: the web app imports it (through shared.ts).
 */
export const BENEFITS = ['asf', 'af', 'cf', 'rsa', 'ppa', 'aide_logement', 'paje_base', 'ars_annuel'] as const;

export type BenefitKey = (typeof BENEFITS)[number];

export interface BenefitFacts {
  /** The amount is yearly (paid once a year); otherwise monthly. */
  yearly: boolean;
  /** The CAF withholds CRDS on it (RSA is exempt; housing aid is computed net). */
  crds: boolean;
}

export const BENEFIT_FACTS: Record<BenefitKey, BenefitFacts> = {
  asf: { yearly: false, crds: true },
  af: { yearly: false, crds: true },
  cf: { yearly: false, crds: true },
  rsa: { yearly: false, crds: false },
  ppa: { yearly: false, crds: true },
  aide_logement: { yearly: false, crds: false },
  paje_base: { yearly: false, crds: true },
  ars_annuel: { yearly: true, crds: true },
};

/** One value per benefit, in the list's order (every key present by construction). */
export function perBenefit<T>(value: (key: BenefitKey) => T): Record<BenefitKey, T> {
  return Object.fromEntries(BENEFITS.map((k) => [k, value(k)])) as Record<BenefitKey, T>;
}
