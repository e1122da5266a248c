/** HTTP of the territory figures: the page's data, the CSV import. */
import type { App } from '../../platform/http/types';
import { EDITORS, READERS } from './pilotage.service';
import {
  denominatorInput,
  denominatorOut,
  indicatorParams,
  territoryImportedOut,
  territoryImportInput,
  territoryOut,
  territoryQuery,
} from './territory.schemas';
import { importFigures, setIndicatorDenominator, territoryView } from './territory.service';

const tags = ['pilotage'];

export default async function territoryRoutes(app: App) {
  app.get(
    '/api/pilotage/territory',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Chiffres du territoire par quartier, à côté du questionnaire et comme dénominateurs des indicateurs',
        querystring: territoryQuery,
        response: { 200: territoryOut },
      },
    },
    async (req) => territoryView(req.ctx, req.query),
  );
  app.post(
    '/api/pilotage/territory/imports',
    {
      config: { access: EDITORS },
      bodyLimit: 3_000_000,
      schema: {
        tags,
        summary: "Importer les chiffres d'une année (CSV, tout ou rien ; remplace ceux de cette année)",
        body: territoryImportInput,
        response: { 201: territoryImportedOut },
      },
    },
    async (req, reply) => reply.status(201).send(await importFigures(req.ctx, req.body)),
  );
  app.put(
    '/api/pilotage/indicators/:id/denominator',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        summary: "Le chiffre du territoire auquel le compte d'un indicateur est rapporté (familles, familles monoparentales, enfants de moins de 11 ans)",
        params: indicatorParams,
        body: denominatorInput,
        response: { 200: denominatorOut },
      },
    },
    async (req) => setIndicatorDenominator(req.ctx, req.params.id, req.body.figure),
  );
}
