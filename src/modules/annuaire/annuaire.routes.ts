/** HTTP of the annuaire: public search and listings, partner edits, staff import/export, territory. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import { fileBody } from '../../platform/response-schemas';
import { STAFF } from '../../platform/roles';
import { CATEGORIES, PROFESSIONS } from './categories';
import { exportDirectoryChunks } from './export-directory';
import { importDirectory, importErrorToAppError } from './import-directory';
import {
  confirmListing,
  getService,
  getStructure,
  myListing,
  servicePatchSchema,
  structurePatchSchema,
  updateService,
  updateStructure,
} from './annuaire.service';
import { importOutcomeOut, needsOut, searchResultOut, serviceDetailOut, structureOut, territoryOut } from './annuaire.schemas';
import { searchDirectory, searchQuerySchema } from './search-services';
import { indicatorsInputSchema, saveIndicators, territory } from './territory';
import { THEME_LABELS, VOCABULARIES } from './vocabularies';

const idParams = z.object({ id: z.uuid({ message: 'Identifiant invalide.' }) });

export default async function annuaireRoutes(app: App) {
  app.get(
    '/api/annuaire/services',
    {
      config: { access: 'public' },
      schema: { response: { 200: searchResultOut }, tags: ['annuaire'], summary: "Chercher dans l'annuaire", querystring: searchQuerySchema },
    },
    async (req) => searchDirectory(req.ctx, req.query),
  );

  app.get(
    '/api/annuaire/services/:id',
    { config: { access: 'public' }, schema: { response: { 200: serviceDetailOut }, tags: ['annuaire'], summary: "Fiche d'un service", params: idParams } },
    async (req) => getService(req.ctx, req.params.id),
  );

  app.get(
    '/api/annuaire/structures/:id',
    {
      config: { access: 'public' },
      schema: { response: { 200: structureOut }, tags: ['annuaire'], summary: "Fiche d'une structure et ses services", params: idParams },
    },
    async (req) => getStructure(req.ctx, req.params.id),
  );

  app.get(
    '/api/annuaire/besoins',
    { config: { access: 'public' }, schema: { response: { 200: needsOut }, tags: ['annuaire'], summary: 'Besoins, thématiques et publics (libellés)' } },
    async () => ({
      besoins: CATEGORIES,
      professions: PROFESSIONS,
      themes: THEME_LABELS,
      thematiques: VOCABULARIES.thematiques,
      publics: VOCABULARIES.publics,
    }),
  );

  app.get(
    '/api/annuaire/ma-fiche',
    { config: { access: ['partner'] }, schema: { response: { 200: structureOut }, tags: ['annuaire'], summary: 'La fiche de ma structure (partenaire)' } },
    async (req) => myListing(req.ctx),
  );

  app.patch(
    '/api/annuaire/structures/:id',
    {
      config: { access: ['partner', ...STAFF] },
      schema: {
        response: { 200: structureOut },
        tags: ['annuaire'],
        summary: 'Modifier la fiche d’une structure',
        params: idParams,
        body: structurePatchSchema,
      },
    },
    async (req) => updateStructure(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/annuaire/structures/:id/verification',
    {
      config: { access: ['partner', ...STAFF] },
      schema: { response: { 200: structureOut }, tags: ['annuaire'], summary: 'Confirmer que la fiche est à jour', params: idParams },
    },
    async (req) => confirmListing(req.ctx, req.params.id),
  );

  app.patch(
    '/api/annuaire/services/:id',
    {
      config: { access: ['partner', ...STAFF] },
      schema: { response: { 200: serviceDetailOut }, tags: ['annuaire'], summary: 'Modifier un service', params: idParams, body: servicePatchSchema },
    },
    async (req) => updateService(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/annuaire/import',
    {
      config: { access: ['agent', 'coordinator', 'admin'] },
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        response: { 200: importOutcomeOut },
        tags: ['annuaire'],
        summary: 'Importer un fichier data·inclusion (JSON ou CSV)',
        body: z.object({
          content: z
            .string()
            .min(1)
            .max(50 * 1024 * 1024),
        }),
      },
    },
    async (req) => {
      const outcome = await importDirectory(req.ctx, req.body.content);
      if (outcome.errors.length) throw importErrorToAppError(outcome.errors);
      return outcome;
    },
  );

  app.get(
    '/api/annuaire/export',
    {
      config: { access: ['agent', 'coordinator', 'admin'] },
      schema: {
        produces: ['application/json', 'text/csv'],
        response: { 200: fileBody('L’annuaire au schéma data·inclusion, en JSON ou CSV') },
        tags: ['annuaire'],
        summary: 'Exporter l’annuaire (data·inclusion)',
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json'), type: z.enum(['all', 'structures', 'services']).default('all') }),
      },
    },
    async (req, reply) => {
      // Streamed from a cursor: a town's whole directory never sits in memory.
      const body = Readable.from(exportDirectoryChunks(req.ctx, req.query.format, req.query.type));
      reply.header('content-type', req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="annuaire-${req.query.type}.${req.query.format}"`);
      return reply.send(body as unknown as string); // a stream of that text (the schema documents the file)
    },
  );

  app.get(
    '/api/annuaire/territoire',
    {
      config: { access: 'public' },
      schema: { response: { 200: territoryOut }, tags: ['annuaire'], summary: 'Indicateurs des quartiers et ratios par famille monoparentale' },
    },
    async (req) => territory(req.ctx),
  );

  app.put(
    '/api/annuaire/territoire/indicateurs',
    {
      config: { access: ['coordinator', 'admin'] },
      schema: { response: { 200: territoryOut }, tags: ['annuaire'], summary: 'Saisir des indicateurs de quartier', body: indicatorsInputSchema },
    },
    async (req) => {
      await saveIndicators(req.ctx, req.body);
      return territory(req.ctx);
    },
  );
}
