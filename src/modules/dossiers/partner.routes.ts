/** HTTP routes of partner structures (`/api/dossiers/partner/…`): only what the family consented. */
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import * as consents from './consent.service';
import * as orientation from './orientation.service';
import {
  idParams,
  partnerHouseholdOut,
  partnerHouseholdsOut,
  partnerOrientationOut,
  partnerOrientationsOut,
  statusOut,
  taskCreatedOut,
} from './dossiers.schemas';
import { PURPOSE_IDS } from './purposes';

const partner = ['partner'] as const;
const tags = ['dossiers'];

export default async function partnerRoutes(app: App) {
  app.get(
    '/api/dossiers/partner/orientations',
    {
      config: { access: partner },
      schema: { response: { 200: partnerOrientationsOut }, tags, summary: 'Orientations reçues par ma structure' },
    },
    async (req) => orientation.listPartnerOrientations(req.ctx),
  );

  app.get(
    '/api/dossiers/partner/orientations/:id',
    {
      config: { access: partner },
      schema: { response: { 200: partnerOrientationOut }, tags, summary: 'Une orientation, avec les informations partagées par la famille', params: idParams },
    },
    async (req) => orientation.readPartnerOrientation(req.ctx, req.params.id),
  );

  app.post(
    '/api/dossiers/partner/orientations/:id/accept',
    {
      config: { access: partner },
      schema: {
        response: { 200: statusOut },
        tags,
        summary: 'Accepter ou refuser une orientation',
        params: idParams,
        body: z.object({ accept: z.boolean() }).strict(),
      },
    },
    async (req) => orientation.acceptOrientation(req.ctx, req.params.id, req.body.accept),
  );

  app.post(
    '/api/dossiers/partner/orientations/:id/outcome',
    {
      config: { access: partner },
      schema: {
        response: { 200: statusOut },
        tags,
        summary: "Enregistrer le résultat de l'orientation",
        params: idParams,
        body: z
          .object({
            outcome: z.enum(Object.keys(orientation.OUTCOMES) as [orientation.Outcome, ...orientation.Outcome[]]),
            note: z.string().trim().max(1000).nullable().optional(),
          })
          .strict(),
      },
    },
    async (req) => orientation.recordOutcome(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/dossiers/partner/households',
    {
      config: { access: partner },
      schema: { response: { 200: partnerHouseholdsOut }, tags, summary: 'Familles ayant donné leur accord à ma structure (sans données)' },
    },
    async (req) => consents.partnerHouseholds(req.ctx),
  );

  app.get(
    '/api/dossiers/partner/households/:id',
    {
      config: { access: partner },
      schema: {
        response: { 200: partnerHouseholdOut },
        tags,
        summary: 'Les informations que la famille a accepté de partager avec ma structure',
        params: idParams,
        querystring: z.object({ purpose: z.enum(PURPOSE_IDS as [string, ...string[]]).default('orientation') }),
      },
    },
    async (req) => consents.readSharedHousehold(req.ctx, req.params.id, req.query.purpose),
  );

  app.post(
    '/api/dossiers/partner/households/:id/flags',
    {
      config: { access: partner },
      schema: {
        response: { 201: taskCreatedOut },
        tags,
        summary: 'Repérage précoce : signaler une situation au CCAS (avec accord de la famille)',
        params: idParams,
        body: z.object({ note: z.string().trim().min(3).max(1000) }).strict(),
      },
    },
    async (req, reply) => reply.status(201).send(await orientation.flagSituation(req.ctx, req.params.id, req.body)),
  );
}
