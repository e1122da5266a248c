/** Demo data: version 1 of every aid of rules/aides (demo thresholds) and the funds with their demo budgets for this year. */
import { parisParts } from '../../platform/clock';
import type { SeedDef } from '../../platform/seeds';
import { installAidFiles } from './catalogue.service';

export const aidesDemoSeed: SeedDef = {
  name: 'aides.demo',
  async run(ctx, t) {
    await installAidFiles(t, ctx.now(), parisParts(ctx.now()).year);
  },
};
