/** HTTP of the local aids: the public catalogue and simulator, a family's requests, the agents' instruction, funds, aid versions. */
import type { App } from '../../platform/http/types';
import { fileBody, binaryBody } from '../../platform/response-schemas';
import { describeBenefit } from './benefit';
import {
  aidDetailOut,
  aidParams,
  aidsOut,
  answerBody,
  answersSchema,
  assignBody,
  closeBody,
  correctGrantBody,
  correctionBody,
  createdRequestOut,
  createRequestBody,
  decisionOut,
  documentBody,
  documentParams,
  eligibilityListOut,
  fundsOut,
  grantBody,
  grantOut,
  idParams,
  instructorsOut,
  mandateBody,
  mandatesOut,
  messageBody,
  myRequestsOut,
  previewBody,
  previewOut,
  queueOut,
  queueQuery,
  recordMandateBody,
  refuseBody,
  requestFormOut,
  requestOut,
  UPLOADS_BODY_LIMIT,
  versionBody,
  versionOut,
  yearQuery,
} from './aides.schemas';
import { z } from 'zod';
import * as cat from './catalogue.service';
import { versionsOf } from './catalogue.store';
import { describeConditions } from './conditions-text';
import type { AidVersion } from './catalogue.store';
import type { Ctx } from '../../platform/context';
import * as mandates from './mandates.service';
import * as dec from './decisions.service';
import * as req from './requests.service';
import * as views from './views.service';

const tags = ['aides'];
const STAFF = ['agent', 'coordinator'] as const;
const created = z.object({ id: z.string() });
const ok = z.object({ ok: z.boolean() });

const aidView = (ctx: Ctx, v: AidVersion) => ({
  ...v,
  benefitText: describeBenefit(v.definition.benefit),
  conditionsText: describeConditions(v.definition, ctx.town),
});

export default async function aidesRoutes(app: App) {
  // ------------------------------------------------------------ public: catalogue and simulator
  app.get(
    '/api/aides',
    { config: { access: 'public' }, schema: { tags, summary: 'Les aides locales ouvertes et leurs conditions', response: { 200: aidsOut } } },
    async (r) => ({
      aids: (await cat.listAids(r.ctx)).map((v) => aidView(r.ctx, v)),
    }),
  );
  app.get(
    '/api/aides/catalogue/:aidId',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Une aide locale, ses conditions et ses versions', params: aidParams, response: { 200: aidDetailOut } },
    },
    async (r) => {
      const v = await cat.getAid(r.ctx, r.params.aidId);
      return {
        ...aidView(r.ctx, v),
        versions: (await versionsOf(r.ctx.db, v.aidId)).map((x) => ({ version: x.version, createdAt: x.createdAt, note: x.note })),
      };
    },
  );
  app.post(
    '/api/aides/simulations',
    {
      config: { access: 'public', rateLimit: { max: 600, windowSeconds: 3600 } },
      schema: {
        tags,
        summary: 'Qui peut obtenir les aides locales (foyer décrit à la main, sans compte)',
        body: z.record(z.string(), z.unknown()),
        response: { 200: eligibilityListOut },
      },
    },
    async (r) => ({ results: await cat.simulate(r.ctx, r.body) }),
  );

  // ------------------------------------------------------------ family
  app.get(
    '/api/aides/me/eligibilite',
    {
      config: { access: ['parent'] },
      schema: { tags, summary: 'Mes aides locales, selon mon dossier', querystring: answersSchema, response: { 200: eligibilityListOut } },
    },
    async (r) => ({
      results: (await cat.myEligibility(r.ctx, { residenceMonths: r.query.residenceMonths, employment: r.query.employment })).results,
    }),
  );
  app.get(
    '/api/aides/me/formulaire/:aidId',
    {
      config: { access: ['parent'] },
      schema: {
        tags,
        summary: "Le formulaire d'une aide, prérempli depuis mon dossier",
        params: aidParams,
        querystring: answersSchema,
        response: { 200: requestFormOut },
      },
    },
    async (r) => views.requestForm(r.ctx, r.params.aidId, { residenceMonths: r.query.residenceMonths, employment: r.query.employment }),
  );
  app.get(
    '/api/aides/me/demandes',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Mes demandes', response: { 200: myRequestsOut } } },
    async (r) => ({ requests: await views.myRequests(r.ctx) }),
  );
  app.get(
    '/api/aides/me/mandats',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Les mandats que j’ai donnés', response: { 200: mandatesOut } } },
    async (r) => ({ mandates: await mandates.myMandates(r.ctx) }),
  );
  app.post(
    '/api/aides/me/mandats/:id/revoke',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Retirer un mandat', params: idParams, response: { 200: ok } } },
    async (r) => {
      await mandates.revokeMandate(r.ctx, r.params.id);
      return { ok: true };
    },
  );

  // ------------------------------------------------------------ a request (family, or agent under mandate / instructing)
  app.post(
    '/api/aides/demandes',
    {
      config: { access: ['parent', ...STAFF] },
      bodyLimit: UPLOADS_BODY_LIMIT,
      schema: { tags, summary: 'Demander une aide (la famille, ou un agent sous mandat)', body: createRequestBody, response: { 201: createdRequestOut } },
    },
    async (r, reply) => reply.status(201).send(await req.createRequest(r.ctx, r.body)),
  );
  app.get(
    '/api/aides/demandes/:id',
    {
      config: { access: ['parent', ...STAFF] },
      schema: { tags, summary: 'Une demande, son historique, ses décisions, ses messages', params: idParams, response: { 200: requestOut } },
    },
    async (r) => views.getRequestView(r.ctx, r.params.id),
  );
  app.post(
    '/api/aides/demandes/:id/submit',
    { config: { access: ['parent', ...STAFF] }, schema: { tags, summary: 'Déposer un brouillon', params: idParams, body: mandateBody, response: { 200: ok } } },
    async (r) => {
      await req.submitRequest(r.ctx, r.params.id, r.body.mandateId);
      return { ok: true };
    },
  );
  app.post(
    '/api/aides/demandes/:id/documents',
    {
      config: { access: ['parent', ...STAFF] },
      bodyLimit: 8 * 1024 * 1024,
      schema: { tags, summary: 'Ajouter un justificatif (PDF, JPEG, PNG ; 5 Mo)', params: idParams, body: documentBody, response: { 201: created } },
    },
    async (r, reply) => reply.status(201).send(await req.addDocument(r.ctx, r.params.id, r.body)),
  );
  app.get(
    '/api/aides/demandes/:id/documents/:documentId',
    {
      config: { access: ['parent', ...STAFF] },
      schema: {
        tags,
        summary: 'Télécharger un justificatif',
        params: documentParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: binaryBody('Le justificatif') },
      },
    },
    async (r, reply) => {
      const f = await views.documentFile(r.ctx, r.params.id, r.params.documentId);
      return reply.header('content-type', f.mimeType).header('cache-control', 'private, no-store').header('content-disposition', 'attachment').send(f.bytes);
    },
  );
  app.post(
    '/api/aides/demandes/:id/answer',
    {
      config: { access: ['parent', ...STAFF] },
      bodyLimit: UPLOADS_BODY_LIMIT,
      schema: { tags, summary: 'Répondre à une demande de correction', params: idParams, body: answerBody, response: { 200: ok } },
    },
    async (r) => {
      await req.answerCorrection(r.ctx, r.params.id, r.body);
      return { ok: true };
    },
  );
  app.post(
    '/api/aides/demandes/:id/messages',
    {
      config: { access: ['parent', ...STAFF] },
      schema: {
        tags,
        summary: 'Écrire (fil avec la famille, ou annotation privée entre agents)',
        params: idParams,
        body: messageBody,
        response: { 201: created },
      },
    },
    async (r, reply) => reply.status(201).send(await req.postMessage(r.ctx, r.params.id, r.body)),
  );

  // ------------------------------------------------------------ instruction (agents)
  app.get(
    '/api/aides/instruction',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'La file des demandes (fonds, statut, ancienneté, recherche)', querystring: queueQuery, response: { 200: queueOut } },
    },
    async (r) => ({
      requests: await views.queue(r.ctx, r.query),
    }),
  );
  app.get(
    '/api/aides/instructeurs',
    { config: { access: STAFF }, schema: { tags, summary: 'Les agents à qui attribuer une demande', response: { 200: instructorsOut } } },
    async (r) => ({ agents: await views.instructors(r.ctx) }),
  );
  app.get(
    '/api/aides/instruction.csv',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'La file des demandes en CSV',
        querystring: queueQuery,
        produces: ['text/csv'],
        response: { 200: fileBody('La file des demandes (CSV, séparateur point-virgule)') },
      },
    },
    async (r, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="demandes-aides.csv"')
        .send(await views.queueCsv(r.ctx, r.query)),
  );
  const action = (path: string, summary: string, body: z.ZodType, run: (ctx: Ctx, id: string, b: any) => Promise<unknown>, response: z.ZodType = ok) =>
    app.post(
      `/api/aides/demandes/:id/${path}`,
      { config: { access: STAFF }, schema: { tags, summary, params: idParams, body, response: { 200: response } } },
      async (r) => {
        const out = await run(r.ctx, r.params.id, r.body);
        return out ?? { ok: true };
      },
    );
  action('take', 'Prendre en instruction', z.object({}).strict(), (ctx, id) => req.takeRequest(ctx, id));
  action('correction', 'Demander une correction (pièces, champs) : l’instruction attend la famille', correctionBody, req.askCorrection);
  action('grant', 'Accorder (montant ; engagé sur le fonds)', grantBody, dec.grantRequest, grantOut);
  action('correct-grant', 'Corriger une décision d’accord (une nouvelle décision, jamais une modification)', correctGrantBody, dec.correctGrant, grantOut);
  action('refuse', 'Refuser (motif, voie de recours)', refuseBody, dec.refuseRequest, decisionOut);
  action('close', 'Classer sans suite', closeBody, dec.closeRequest);
  action('pay', 'Marquer versée (paiement inscrit sur le fonds)', z.object({}).strict(), (ctx, id) => dec.payRequest(ctx, id));
  action('assign', 'Attribuer à un agent', assignBody, (ctx, id, b) => req.assignRequest(ctx, id, b.agentId));

  app.post(
    '/api/aides/mandats',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Enregistrer le mandat que donne une famille au guichet', body: recordMandateBody, response: { 201: created } },
    },
    async (r, reply) => reply.status(201).send(await mandates.recordMandate(r.ctx, r.body)),
  );

  // ------------------------------------------------------------ funds and versions
  app.get(
    '/api/aides/fonds',
    {
      config: { access: ['agent', 'coordinator', 'admin'] },
      schema: { tags, summary: 'Les fonds : engagé, versé, restant (par quartier aussi)', querystring: yearQuery, response: { 200: fundsOut } },
    },
    async (r) => views.fundsDashboard(r.ctx, r.query.year),
  );
  app.post(
    '/api/aides/catalogue/preview',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: { tags, summary: 'Qui devient éligible avec cette modification (comptes)', body: previewBody, response: { 200: previewOut } },
    },
    async (r) => cat.previewAid(r.ctx, r.body.definition),
  );
  app.post(
    '/api/aides/catalogue/versions',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: { tags, summary: 'Enregistrer une nouvelle version datée d’une aide', body: versionBody, response: { 201: versionOut } },
    },
    async (r, reply) => reply.status(201).send(await cat.saveVersion(r.ctx, r.body.definition, r.body.baseVersion, r.body.note)),
  );
}
