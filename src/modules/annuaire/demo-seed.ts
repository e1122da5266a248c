/** Demo seed: the demo directory (every record marked demo) and the demo territory figures. */
import type { SeedDef } from '../../platform/seeds';
import * as store from './annuaire.store';
import { DEMO_INDICATORS, DEMO_PARTNER_DI_ID, DEMO_PARTNER_STRUCTURE_ID, DEMO_SOURCE, demoDirectory } from './demo-data';
import { importDirectory } from './import-directory';

export const annuaireDemoSeed: SeedDef = {
  name: 'annuaire.demo',
  async run(ctx, t) {
    // The demo partner account acts for a structure whose id the platform fixed.
    await store.ensureStructureStub(t, { id: DEMO_PARTNER_STRUCTURE_ID, source: DEMO_SOURCE, di_id: DEMO_PARTNER_DI_ID });
    const outcome = await importDirectory(ctx, JSON.stringify(demoDirectory(ctx.now())), {}, t);
    if (outcome.errors.length) throw new Error(`annuaire demo data invalid: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    const values: { neighbourhood: string; indicator: string; value: number }[] = [];
    for (const [k, v] of Object.entries(DEMO_INDICATORS.town)) values.push({ neighbourhood: ctx.town.id, indicator: k, value: v });
    const known = new Set(ctx.town.neighbourhoods.map((n) => n.id));
    for (const [hood, [f, fm, p, e]] of Object.entries(DEMO_INDICATORS.hoods)) {
      if (!known.has(hood)) continue;
      values.push(
        { neighbourhood: hood, indicator: 'familles', value: f },
        { neighbourhood: hood, indicator: 'familles_monoparentales', value: fm },
        { neighbourhood: hood, indicator: 'taux_pauvrete_monoparentales', value: p },
        { neighbourhood: hood, indicator: 'enfants_moins_11', value: e },
      );
    }
    for (const v of values) {
      await store.insertDemoIndicator(t, { ...v, year: DEMO_INDICATORS.year, source: DEMO_INDICATORS.source });
    }
  },
};
