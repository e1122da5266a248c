/**
 * Local aids figures.
 * - aides_eligibility_households_per_s: one household (CLI input format, parsed once)
 *   evaluated against every demo aid (rules/aides), on one core (this process): best of
 *   five 1-second windows (the machine is shared);
 * - aides_eligibility_evaluations_per_s: the same, counted per aid evaluated.
 */
import { demoRules } from '../src/modules/aides/aid-files';
import { evaluateAll } from '../src/modules/aides/eligibility';
import { factsFromInput, parseAidsHousehold } from '../src/modules/aides/household-facts';
import type { Report } from './harness';

const HOUSEHOLD = {
  period: '2026-03',
  parent: { age: 34, salaire_net_mensuel: 900, activite: 'chomeur' },
  children: [{ age: 4 }, { age: 9 }],
  housing: { statut: 'locataire_hlm', loyer_mensuel: 450 },
  commune: 'Amiens',
  quartier: 'nord',
  quotient_familial: 640,
  anciennete_residence_mois: 12,
  aides_recues_cette_annee: [],
};

function eligibility(report: Report): void {
  const { aids } = demoRules();
  const parsed = parseAidsHousehold(HOUSEHOLD);
  if (!parsed.ok) throw new Error('bench household refused');
  const facts = factsFromInput(parsed.input, HOUSEHOLD, { name: 'Amiens', inseeCode: '80021' });
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += evaluateAll(aids, facts, '2026-03-10').length; // warm-up
  let best = 0;
  for (let w = 0; w < 5; w++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 1000) {
      for (let i = 0; i < 100; i++) sink += evaluateAll(aids, facts, '2026-03-10').length;
      n += 100;
    }
    best = Math.max(best, (n * 1000) / (performance.now() - start));
  }
  if (sink === 0) throw new Error('nothing evaluated');
  report('aides_eligibility_households_per_s', Math.round(best), 'households/s (every demo aid each)');
  report('aides_eligibility_evaluations_per_s', Math.round(best * aids.length), 'aid evaluations/s');
}

export default async function run(report: Report): Promise<void> {
  eligibility(report);
}
