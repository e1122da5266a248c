/**
 * HTTP routes of the CCAS agents and coordinators (`/api/dossiers/households…`, caseload, search, retention),
 * and the family's answer to an orientation proposed at the desk.
 */
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import { createdSchema, okSchema } from '../../platform/response-schemas';
import * as agent from './agent.service';
import * as consents from './consent.service';
import * as households from './household.service';
import * as orientation from './orientation.service';
import { prefill } from './prefill';
import * as renewal from './renewal.service';
import * as rights from './rights.service';
import {
  deskConsentSchema,
  deskConsentsOut,
  deskRevokeSchema,
  directoryOut,
  directoryQuery,
  orientationAnsweredOut,
  orientationAnswerSchema,
  orientationRequestsOut,
  orientationSchema,
  orientedOut,
  recentFamiliesOut,
} from './desk.schemas';
import {
  caseloadOut,
  erasedOut,
  exportOut,
  historyOut,
  householdChangedOut,
  householdConsentParams,
  householdFormParams,
  householdWrapOut,
  idParams,
  patchSchema,
  prefillOut,
  renewalDateOut,
  retentionOut,
  searchOut,
  timelineOut,
} from './dossiers.schemas';

const staff = ['agent', 'coordinator'] as const;
const tags = ['dossiers'];
const reason = z.string().trim().min(3, 'Indiquez le motif (3 caractères au moins).').max(300);

export default async function agentRoutes(app: App) {
  app.get(
    '/api/dossiers/caseload',
    {
      config: { access: staff },
      schema: { response: { 200: caseloadOut }, tags, summary: 'Les familles que je suis et ce qui attend' },
    },
    async (req) => agent.caseload(req.ctx),
  );

  app.get(
    '/api/dossiers/caseload/recent',
    {
      config: { access: staff },
      schema: { response: { 200: recentFamiliesOut }, tags, summary: 'Les dossiers que j’ai ouverts ces 30 derniers jours' },
    },
    async (req) => agent.recentFamilies(req.ctx),
  );

  // POST: a name or a phone never goes in a URL (logs, history).
  app.post(
    '/api/dossiers/search',
    {
      config: { access: staff },
      schema: {
        response: { 200: searchOut },
        tags,
        summary: 'Rechercher une famille (nom, téléphone, prénom d’un enfant)',
        body: z.object({ q: z.string().max(100) }).strict(),
      },
    },
    async (req) => agent.searchHouseholds(req.ctx, req.body.q),
  );

  app.post(
    '/api/dossiers/households',
    {
      config: { access: staff },
      schema: {
        response: { 201: householdWrapOut },
        tags,
        summary: "Créer un dossier avec la famille à l'accueil",
        body: z.object({ patch: patchSchema, consentGiven: z.boolean(), reason: reason.default('Accueil de la famille') }).strict(),
      },
    },
    async (req, reply) => reply.status(201).send({ household: await households.createHouseholdAtDesk(req.ctx, req.body) }),
  );

  app.post(
    '/api/dossiers/households/:id/open',
    {
      config: { access: staff },
      schema: {
        response: { 200: householdWrapOut },
        tags,
        summary: 'Ouvrir un dossier (motif obligatoire, tracé)',
        params: idParams,
        body: z.object({ reason }).strict(),
      },
    },
    async (req) => ({ household: await agent.openHousehold(req.ctx, req.params.id, req.body.reason) }),
  );

  app.get(
    '/api/dossiers/households/:id',
    {
      config: { access: staff },
      schema: { response: { 200: householdWrapOut }, tags, summary: 'Lire un dossier déjà ouvert', params: idParams },
    },
    async (req) => ({ household: await households.readHousehold(req.ctx, req.params.id) }),
  );

  app.patch(
    '/api/dossiers/households/:id',
    {
      config: { access: staff },
      schema: { response: { 200: householdChangedOut }, tags, summary: 'Compléter un dossier avec la famille', params: idParams, body: patchSchema },
    },
    async (req) => households.updateHousehold(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/dossiers/households/:id/timeline',
    {
      config: { access: staff },
      schema: { response: { 200: timelineOut }, tags, summary: "Le fil d'une famille", params: idParams },
    },
    async (req) => agent.timeline(req.ctx, req.params.id),
  );

  app.get(
    '/api/dossiers/households/:id/history',
    {
      config: { access: staff },
      schema: { response: { 200: historyOut }, tags, summary: 'Historique des modifications', params: idParams },
    },
    async (req) => households.history(req.ctx, req.params.id),
  );

  app.get(
    '/api/dossiers/households/:id/prefill/:formId',
    {
      config: { access: staff },
      schema: { response: { 200: prefillOut }, tags, summary: "Champs d'un formulaire préremplis", params: householdFormParams },
    },
    async (req) => prefill(req.ctx, req.params.id, req.params.formId),
  );

  app.post(
    '/api/dossiers/households/:id/notes',
    {
      config: { access: staff },
      schema: {
        response: { 201: createdSchema },
        tags,
        summary: 'Ajouter une note',
        params: idParams,
        body: z.object({ body: z.string().trim().min(1).max(2000) }).strict(),
      },
    },
    async (req, reply) => reply.status(201).send(await agent.addNote(req.ctx, req.params.id, req.body.body)),
  );

  app.post(
    '/api/dossiers/households/:id/follow',
    {
      config: { access: staff },
      schema: { response: { 200: okSchema }, tags, summary: 'Suivre cette famille', params: idParams },
    },
    async (req) => agent.followHousehold(req.ctx, req.params.id),
  );

  app.get(
    '/api/dossiers/directory',
    {
      config: { access: staff },
      schema: {
        response: { 200: directoryOut },
        tags,
        summary: "Structures de l'annuaire vers lesquelles orienter (par nom de structure ou de service)",
        querystring: directoryQuery,
      },
    },
    async (req) => orientation.directoryForOrientation(req.ctx, req.query.q),
  );

  app.post(
    '/api/dossiers/households/:id/orientations',
    {
      config: { access: staff },
      schema: {
        response: { 201: orientedOut },
        tags,
        summary: "Orienter la famille vers une structure ou un service de l'annuaire, avec son accord",
        params: idParams,
        body: orientationSchema,
      },
    },
    async (req, reply) => reply.status(201).send(await orientation.orientHousehold(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/dossiers/households/:id/consents',
    {
      config: { access: staff },
      schema: { response: { 200: deskConsentsOut }, tags, summary: 'Accords de partage de la famille (qui les a donnés, où)', params: idParams },
    },
    async (req) => consents.listDeskConsents(req.ctx, req.params.id),
  );

  app.post(
    '/api/dossiers/households/:id/consents',
    {
      config: { access: staff },
      schema: {
        response: { 201: createdSchema },
        tags,
        summary: "Enregistrer l'accord que la famille donne elle-même au guichet",
        params: idParams,
        body: deskConsentSchema,
      },
    },
    async (req, reply) => reply.status(201).send(await consents.grantConsent(req.ctx, req.params.id, req.body as any)),
  );

  app.post(
    '/api/dossiers/households/:id/consents/:consentId/revoke',
    {
      config: { access: staff },
      schema: {
        response: { 200: okSchema },
        tags,
        summary: "Enregistrer le retrait d'un accord que la famille demande elle-même au guichet",
        params: householdConsentParams,
        body: deskRevokeSchema,
      },
    },
    async (req) => consents.revokeConsent(req.ctx, req.params.id, req.params.consentId, req.body?.familyStatement),
  );

  // The family's own answer to an orientation proposed at the desk (its consent is part of it).
  app.get(
    '/api/dossiers/me/orientation-requests',
    {
      config: { access: ['parent'] },
      schema: { response: { 200: orientationRequestsOut }, tags, summary: 'Orientations proposées par le CCAS qui attendent mon accord' },
    },
    async (req) => orientation.familyOrientationRequests(req.ctx, await households.ownHouseholdId(req.ctx)),
  );

  app.post(
    '/api/dossiers/me/orientation-requests/:id/answer',
    {
      config: { access: ['parent'] },
      schema: {
        response: { 200: orientationAnsweredOut },
        tags,
        summary: 'Donner mon accord à une orientation, ou la refuser',
        params: idParams,
        body: orientationAnswerSchema,
      },
    },
    async (req) => orientation.answerOrientationRequest(req.ctx, await households.ownHouseholdId(req.ctx), req.params.id, req.body.accept),
  );

  app.get(
    '/api/dossiers/households/:id/export.json',
    {
      config: { access: staff },
      schema: { response: { 200: exportOut }, tags, summary: 'Exporter le dossier pour la famille', params: idParams },
    },
    async (req, reply) => reply.header('cache-control', 'no-store').send(await rights.exportHousehold(req.ctx, req.params.id)),
  );

  app.post(
    '/api/dossiers/households/:id/erase',
    {
      config: { access: staff },
      schema: {
        response: { 200: erasedOut },
        tags,
        summary: 'Effacer le dossier à la demande de la famille',
        params: idParams,
        body: z.object({ confirm: z.literal('EFFACER') }).strict(),
      },
    },
    async (req) => ({ erased: true, ...(await rights.eraseHousehold(req.ctx, req.params.id)) }),
  );

  app.post(
    '/api/dossiers/tasks/:id/done',
    {
      config: { access: staff },
      schema: { response: { 200: okSchema }, tags, summary: 'Marquer une tâche comme traitée', params: idParams },
    },
    async (req) => agent.completeTask(req.ctx, req.params.id),
  );

  app.get(
    '/api/dossiers/retention',
    {
      config: { access: ['coordinator', 'admin'] },
      schema: { response: { 200: retentionOut }, tags, summary: 'Calendrier de conservation après effacement' },
    },
    async (req) => rights.retentionSchedule(req.ctx),
  );

  app.get(
    '/api/dossiers/settings/renewal-date',
    {
      config: { access: ['agent', 'coordinator', 'admin'] },
      schema: { response: { 200: renewalDateOut }, tags, summary: 'Date annuelle de renouvellement' },
    },
    async (req) => renewal.getRenewalDate(req.ctx.db),
  );

  app.put(
    '/api/dossiers/settings/renewal-date',
    {
      config: { access: ['coordinator', 'admin'] },
      schema: {
        response: { 200: renewalDateOut },
        tags,
        summary: 'Fixer la date annuelle de renouvellement',
        body: z.object({ month: z.number().int(), day: z.number().int() }).strict(),
      },
    },
    async (req) => renewal.setRenewalDate(req.ctx, req.body),
  );
}
