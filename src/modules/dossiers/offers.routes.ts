/**
 * GET /api/dossiers/me/offres: what the family can ask from the other modules, read from its
 * file (each module's `hooks.dossiers.offers`, in module order), shown on "Mon dossier".
 */
import type { App } from '../../platform/http/types';
import { offerSources, type OfferSection } from './extensions';
import * as households from './household.service';
import { offersOut } from './offers.schemas';

export default async function offersRoutes(app: App) {
  app.get(
    '/api/dossiers/me/offres',
    {
      config: { access: ['parent'] },
      schema: { response: { 200: offersOut }, tags: ['dossiers'], summary: 'Ce que je peux demander, d’après mon dossier (aides locales…)' },
    },
    async (req) => {
      const householdId = await households.ownHouseholdId(req.ctx);
      const sections: OfferSection[] = [];
      for (const source of offerSources()) {
        const s = await source(req.ctx, householdId);
        if (s) sections.push(s);
      }
      return { sections };
    },
  );
}
