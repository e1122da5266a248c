/** HTTP of ideation: parents' proposals and supports, the coordination's moderation and proposal → action. */
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import {
  createdActionOut,
  createdProposalOut,
  ideationOpenInput,
  ideationPlansOut,
  moderationInput,
  myIdeasOut,
  newsInput,
  proposalInput,
  proposalsOut,
  proposalsQuery,
  staffProposalsOut,
  staffProposalsQuery,
  supportOut,
  toActionInput,
  workshopProposalInput,
} from './ideation.schemas';
import * as svc from './ideation.service';
import { EDITORS, READERS } from './pilotage.service';
import { idParams } from './pilotage.schemas';

const tags = ['pilotage'];
const ok = z.object({ ok: z.boolean() });

export default async function ideationRoutes(app: App) {
  app.get(
    '/api/pilotage/ideas/plans',
    { config: { access: 'public' }, schema: { tags, summary: 'Plans qui reçoivent des idées, et leurs axes', response: { 200: ideationPlansOut } } },
    async (req) => svc.ideationPlans(req.ctx),
  );
  app.get(
    '/api/pilotage/ideas',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Idées publiées : par soutiens ou les plus récentes, recherche', querystring: proposalsQuery, response: { 200: proposalsOut } },
    },
    async (req) => svc.publishedProposals(req.ctx, req.query),
  );
  app.post(
    '/api/pilotage/ideas',
    {
      config: { access: ['parent'] },
      schema: { tags, summary: 'Proposer une idée (publiée après modération)', body: proposalInput, response: { 201: createdProposalOut } },
    },
    async (req, reply) => reply.status(201).send(await svc.propose(req.ctx, req.body)),
  );
  app.get(
    '/api/pilotage/ideas/mine',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Mes idées et les nouvelles des idées que je suis', response: { 200: myIdeasOut } } },
    async (req) => svc.myIdeas(req.ctx),
  );
  app.post(
    '/api/pilotage/ideas/:id/support',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Soutenir une idée (un soutien par compte)', params: idParams, response: { 200: supportOut } } },
    async (req) => svc.support(req.ctx, req.params.id),
  );
  app.delete(
    '/api/pilotage/ideas/:id/support',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Retirer mon soutien', params: idParams, response: { 200: supportOut } } },
    async (req) => svc.withdrawSupport(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ coordination
  app.get(
    '/api/pilotage/ideas/staff',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Toutes les idées (à modérer, publiées, refusées)', querystring: staffProposalsQuery, response: { 200: staffProposalsOut } },
    },
    async (req) => svc.staffProposals(req.ctx, req.query),
  );
  app.post(
    '/api/pilotage/ideas/workshop',
    {
      config: { access: EDITORS },
      schema: { tags, summary: "Saisir une idée issue d'un atelier", body: workshopProposalInput, response: { 201: createdProposalOut } },
    },
    async (req, reply) => reply.status(201).send(await svc.enterWorkshopProposal(req.ctx, req.body)),
  );
  app.post(
    '/api/pilotage/ideas/:id/moderation',
    {
      config: { access: EDITORS },
      schema: { tags, summary: 'Publier ou refuser une idée (raison dite au parent)', params: idParams, body: moderationInput, response: { 200: ok } },
    },
    async (req) => svc.moderateProposal(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/pilotage/ideas/:id/action',
    {
      config: { access: EDITORS },
      schema: { tags, summary: "Transformer l'idée en action du plan", params: idParams, body: toActionInput, response: { 201: createdActionOut } },
    },
    async (req, reply) => reply.status(201).send(await svc.turnIntoAction(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/pilotage/ideas/:id/news',
    {
      config: { access: EDITORS },
      schema: { tags, summary: "Donner des nouvelles de l'action aux soutiens", params: idParams, body: newsInput, response: { 200: ok } },
    },
    async (req) => svc.postNews(req.ctx, req.params.id, req.body.text),
  );
  app.put(
    '/api/pilotage/plans/:id/ideation',
    {
      config: { access: EDITORS },
      schema: { tags, summary: 'Ouvrir (ou fermer) le plan aux idées des parents', params: idParams, body: ideationOpenInput, response: { 200: ok } },
    },
    async (req) => svc.setIdeationOpen(req.ctx, req.params.id, req.body.open),
  );
}
