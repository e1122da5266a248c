/** HTTP of the action plan: structure (coordination edits, agents read), values, dashboard, evaluation. */
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import { fileBody, noContent } from '../../platform/response-schemas';
import { computePlan, dashboard, indicatorDetail, registryValues, removeValue, setValue } from './dashboard.service';
import { evaluationReport, getEvaluation, saveEvaluation } from './evaluation.service';
import ideationRoutes from './ideation.routes';
import {
  actionInput,
  actionPatch,
  actionViewOut,
  axisInput,
  axisPatch,
  computedOut,
  computeInput,
  dashboardOut,
  evaluationInput,
  evaluationOut,
  idParams,
  indicatorDetailOut,
  indicatorInput,
  objectiveInput,
  objectivePatch,
  partnerActionsOut,
  periodQuery,
  planInput,
  planOut,
  planPatch,
  plansOut,
  publicPlanOut,
  publicPlansOut,
  registryOut,
  registryValuesOut,
  valueDelete,
  valueInput,
} from './pilotage.schemas';
import * as svc from './pilotage.service';
import { publicPlan, publicPlans, publishPlan } from './public.service';
import territoryRoutes from './territory.routes';

const tags = ['pilotage'];
const EDITORS = svc.EDITORS;
const READERS = svc.READERS;
const created = z.object({ id: z.string() });
const ok = z.object({ ok: z.boolean() });

export default async function pilotageRoutes(app: App) {
  await ideationRoutes(app);
  await territoryRoutes(app);
  // ------------------------------------------------------------ plans
  app.get('/api/pilotage/plans', { config: { access: READERS }, schema: { response: { 200: plansOut }, tags, summary: "Plans d'action" } }, async (req) => ({
    plans: await svc.listPlans(req.ctx),
  }));
  app.post(
    '/api/pilotage/plans',
    { config: { access: EDITORS }, schema: { tags, summary: 'Créer un plan', body: planInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send(await svc.createPlan(req.ctx, req.body)),
  );
  app.get(
    '/api/pilotage/plans/:id',
    { config: { access: READERS }, schema: { response: { 200: planOut }, tags, summary: 'Un plan : axes, objectifs, actions, indicateurs', params: idParams } },
    async (req) => svc.getPlan(req.ctx, req.params.id),
  );
  app.patch(
    '/api/pilotage/plans/:id',
    { config: { access: EDITORS }, schema: { tags, summary: 'Modifier un plan', params: idParams, body: planPatch, response: { 200: ok } } },
    async (req) => svc.updatePlan(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/pilotage/plans/:id',
    { config: { access: EDITORS }, schema: { response: { 204: noContent }, tags, summary: 'Supprimer un plan', params: idParams } },
    async (req, reply) => {
      await svc.deletePlan(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/pilotage/plans/:id/dashboard',
    { config: { access: READERS }, schema: { response: { 200: dashboardOut }, tags, summary: 'Tableau de bord par axe', params: idParams } },
    async (req) => dashboard(req.ctx, req.params.id),
  );
  app.post(
    '/api/pilotage/plans/:id/compute',
    {
      config: { access: EDITORS },
      schema: { response: { 200: computedOut }, tags, summary: 'Calculer maintenant les indicateurs du plan', params: idParams, body: computeInput },
    },
    async (req) => computePlan(req.ctx, req.params.id, req.body),
  );

  app.put(
    '/api/pilotage/plans/:id/published',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        summary: 'Publier (ou retirer) le résumé public du plan',
        params: idParams,
        body: z.object({ published: z.boolean() }),
        response: { 200: ok },
      },
    },
    async (req) => publishPlan(req.ctx, req.params.id, req.body.published),
  );
  app.get(
    '/api/pilotage/public/plans',
    { config: { access: 'public' }, schema: { response: { 200: publicPlansOut }, tags, summary: 'Plans publiés (résumé public)' } },
    async (req) => ({ plans: await publicPlans(req.ctx) }),
  );
  app.get(
    '/api/pilotage/public/plans/:id',
    {
      config: { access: 'public' },
      schema: { response: { 200: publicPlanOut }, tags, summary: "Résumé public d'un plan : statuts et valeurs de toute la ville", params: idParams },
    },
    async (req) => publicPlan(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ axes, objectives
  app.post(
    '/api/pilotage/plans/:id/axes',
    { config: { access: EDITORS }, schema: { tags, summary: 'Ajouter un axe', params: idParams, body: axisInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send(await svc.addAxis(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/pilotage/axes/:id',
    { config: { access: EDITORS }, schema: { tags, summary: 'Modifier un axe', params: idParams, body: axisPatch, response: { 200: ok } } },
    async (req) => svc.updateAxis(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/pilotage/axes/:id',
    { config: { access: EDITORS }, schema: { response: { 204: noContent }, tags, summary: 'Supprimer un axe', params: idParams } },
    async (req, reply) => {
      await svc.deleteAxis(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/pilotage/axes/:id/objectives',
    { config: { access: EDITORS }, schema: { tags, summary: 'Ajouter un objectif', params: idParams, body: objectiveInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send(await svc.addObjective(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/pilotage/objectives/:id',
    { config: { access: EDITORS }, schema: { tags, summary: 'Modifier un objectif', params: idParams, body: objectivePatch, response: { 200: ok } } },
    async (req) => svc.updateObjective(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/pilotage/objectives/:id',
    { config: { access: EDITORS }, schema: { response: { 204: noContent }, tags, summary: 'Supprimer un objectif', params: idParams } },
    async (req, reply) => {
      await svc.deleteObjective(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ------------------------------------------------------------ actions
  app.post(
    '/api/pilotage/objectives/:id/actions',
    { config: { access: EDITORS }, schema: { tags, summary: 'Ajouter une action', params: idParams, body: actionInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send(await svc.addAction(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/pilotage/actions/:id',
    {
      config: { access: [...READERS, 'partner'] },
      schema: { response: { 200: actionViewOut }, tags, summary: 'Une action et ses indicateurs', params: idParams },
    },
    async (req) => svc.getAction(req.ctx, req.params.id),
  );
  app.patch(
    '/api/pilotage/actions/:id',
    {
      config: { access: EDITORS },
      schema: { tags, summary: 'Modifier une action (statut, budget, quartiers…)', params: idParams, body: actionPatch, response: { 200: ok } },
    },
    async (req) => svc.updateAction(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/pilotage/actions/:id',
    { config: { access: EDITORS }, schema: { response: { 204: noContent }, tags, summary: 'Supprimer une action', params: idParams } },
    async (req, reply) => {
      await svc.deleteAction(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/pilotage/partner/actions',
    { config: { access: ['partner'] }, schema: { response: { 200: partnerActionsOut }, tags, summary: 'Les actions dont ma structure est partenaire' } },
    async (req) => ({
      actions: await svc.partnerActions(req.ctx),
    }),
  );

  // ------------------------------------------------------------ indicators and values
  app.post(
    '/api/pilotage/actions/:id/indicators',
    { config: { access: EDITORS }, schema: { tags, summary: 'Ajouter un indicateur', params: idParams, body: indicatorInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send(await svc.addIndicator(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/pilotage/indicators/:id',
    {
      config: { access: READERS },
      schema: { response: { 200: indicatorDetailOut }, tags, summary: 'Un indicateur, son historique et ses valeurs par quartier', params: idParams },
    },
    async (req) => indicatorDetail(req.ctx, req.params.id),
  );
  app.put(
    '/api/pilotage/indicators/:id',
    { config: { access: EDITORS }, schema: { tags, summary: 'Modifier un indicateur', params: idParams, body: indicatorInput, response: { 200: ok } } },
    async (req) => svc.updateIndicator(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/pilotage/indicators/:id',
    { config: { access: EDITORS }, schema: { response: { 204: noContent }, tags, summary: 'Supprimer un indicateur', params: idParams } },
    async (req, reply) => {
      await svc.deleteIndicator(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/pilotage/indicators/:id/values',
    { config: { access: EDITORS }, schema: { tags, summary: 'Saisir une valeur (mois, quartier)', params: idParams, body: valueInput, response: { 200: ok } } },
    async (req) => setValue(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/pilotage/indicators/:id/values',
    { config: { access: EDITORS }, schema: { response: { 204: noContent }, tags, summary: 'Effacer une valeur saisie', params: idParams, body: valueDelete } },
    async (req, reply) => {
      await removeValue(req.ctx, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  // ------------------------------------------------------------ registry of Relais' indicators
  app.get(
    '/api/pilotage/registry',
    { config: { access: READERS }, schema: { response: { 200: registryOut }, tags, summary: 'Indicateurs calculés par Relais' } },
    async (req) => ({ indicators: svc.registryCatalogue(req.ctx) }),
  );
  app.get(
    '/api/pilotage/registry/values',
    {
      config: { access: READERS },
      schema: { response: { 200: registryValuesOut }, tags, summary: 'Tous les indicateurs de Relais par quartier, pour un mois', querystring: periodQuery },
    },
    async (req) => registryValues(req.ctx, req.query.period),
  );

  // ------------------------------------------------------------ evaluation
  app.get(
    '/api/pilotage/actions/:id/evaluation',
    { config: { access: READERS }, schema: { response: { 200: evaluationOut }, tags, summary: "Bilan de l'expérimentation", params: idParams } },
    async (req) => getEvaluation(req.ctx, req.params.id),
  );
  app.put(
    '/api/pilotage/actions/:id/evaluation',
    { config: { access: EDITORS }, schema: { tags, summary: 'Enregistrer le bilan', params: idParams, body: evaluationInput, response: { 200: ok } } },
    async (req) => saveEvaluation(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/pilotage/actions/:id/evaluation/report',
    {
      config: { access: READERS },
      schema: {
        produces: ['text/html'],
        response: { 200: fileBody('Le bilan en page HTML imprimable') },
        tags,
        summary: 'Bilan imprimable (HTML)',
        params: idParams,
      },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .send(await evaluationReport(req.ctx, req.params.id)),
  );
}
