/**
 * HTTP of droits potentiels (`/api/droits/potential/…`): the month simulated, communes,
 * the simulator prefilled from a file, simulation counts, and the "what am I missing"
 * check with its optional saving in the household file.
 */
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import { noContent } from '../../platform/response-schemas';
import { checkAnswerOut, communesOut, prefillAnswerOut, simulationContextOut } from './droits-potentiels.schemas';
import { BENEFITS } from '../droits/index';
import { searchCommunes } from './communes';
import * as service from './droits-potentiels.service';

const tags = ['droits'];
const benefitKey = z.enum(BENEFITS);
const source = z.enum(['simulateur', 'potentiels', 'agent']);
const neighbourhoodId = z.string().max(60).nullable().optional();

export default async function potentialRoutes(app: App) {
  app.get(
    '/api/droits/potential/context',
    {
      config: { access: 'public' },
      schema: { response: { 200: simulationContextOut }, tags, summary: 'Le mois simulé et la revalorisation en vigueur' },
    },
    async (req) => service.simulationContext(req.ctx),
  );

  app.get(
    '/api/droits/potential/communes',
    {
      config: { access: 'public' },
      schema: {
        response: { 200: communesOut },
        tags,
        summary: 'Chercher sa commune (nom ou code INSEE) pour la zone des aides au logement',
        querystring: z.object({ q: z.string().max(80) }),
      },
    },
    async (req) => ({ communes: searchCommunes(req.query.q) }),
  );

  app.get(
    '/api/droits/potential/me',
    {
      config: { access: ['parent'] },
      schema: { response: { 200: prefillAnswerOut }, tags, summary: 'Le simulateur prérempli depuis mon dossier, et mon estimation enregistrée' },
    },
    async (req) => service.prefillForMe(req.ctx),
  );

  app.get(
    '/api/droits/potential/households/:id',
    {
      config: { access: ['agent', 'coordinator'] },
      schema: {
        response: { 200: prefillAnswerOut },
        tags,
        summary: "Le simulateur prérempli depuis le dossier d'une famille (dossier ouvert avec un motif, accès tracé)",
        params: z.object({ id: z.uuid('Identifiant invalide.') }),
      },
    },
    async (req) => service.prefillForHousehold(req.ctx, req.params.id),
  );

  app.post(
    '/api/droits/potential/runs',
    {
      config: { access: 'public', rateLimit: { max: 120, windowSeconds: 3600 } },
      schema: {
        response: { 204: noContent },
        tags,
        summary: 'Compter une simulation (quartier si connu, aucune donnée personnelle)',
        body: z.object({ neighbourhoodId, source }).strict(),
      },
    },
    async (req, reply) => {
      await service.recordRun(req.ctx, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/droits/potential/check',
    {
      config: { access: 'public' },
      schema: {
        response: { 200: checkAnswerOut },
        tags,
        summary: 'Les aides probablement non demandées, et (sur demande) l’enregistrement dans le dossier',
        body: z
          .object({
            input: z.unknown(),
            received: z.array(benefitKey).max(BENEFITS.length).default([]),
            save: z.boolean().default(false),
            householdId: z.uuid('Identifiant invalide.').optional(),
            neighbourhoodId,
            source: source.optional(),
          })
          .strict(),
      },
    },
    async (req) => service.checkPotential(req.ctx, req.body),
  );
}
