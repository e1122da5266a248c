/**
 * POST /api/droits/complements (public, nothing stored): the household the simulator
 * estimated, answered by every module that adds to its results (`hooks.droits.complements`),
 * e.g. the town's local aids beside the national benefits. Bad input: 422 with the fields,
 * as the simulation itself.
 */
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http/types';
import { complementsOut } from './complements.schemas';
import { errorSchema } from './droits.schemas';
import { defaultEngine } from './engine';
import { complementSources, type ComplementSection } from './extensions';
import { householdInputSchema, type HouseholdInput } from './household';

export default async function complementsRoutes(app: App) {
  app.post(
    '/api/droits/complements',
    {
      config: { access: 'public' },
      // The engine validates the household itself (its French messages, every field), as for the simulation.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      schema: {
        tags: ['droits'],
        summary: 'Ce que le foyer peut aussi obtenir, à côté des prestations nationales (aides locales…)',
        description: 'Aucune donnée n’est conservée. Le foyer au format de la simulation, plus les champs que lisent les aides locales.',
        body: householdInputSchema.loose(),
        response: { 200: complementsOut, 422: errorSchema },
      },
    },
    async (req) => {
      const parsed = defaultEngine().parse(req.body);
      if (!parsed.ok) throw new AppError('droits/invalid-household', { fields: parsed.fields });
      const sections: ComplementSection[] = [];
      for (const source of complementSources()) {
        const s = await source(req.ctx, req.body as HouseholdInput);
        if (s) sections.push(s);
      }
      return { sections };
    },
  );
}
