/** HTTP of place allocation: public rules, the family's applications, proofs and offers, the staff's campaigns, what-if, publication and results. */
import type { Access } from '../../platform/roles';
import type { App } from '../../platform/http/types';
import { binaryBody } from '../../platform/response-schemas';
import { answerOffer, apply, applicationForm, myApplications, withdraw } from './application.service';
import {
  appliedOut,
  applicationFormOut,
  applyInput,
  campaignInput,
  campaignOut,
  campaignsOut,
  createdOut,
  criterionParams,
  documentInput,
  documentParams,
  documentReadQuery,
  forecastOut,
  groupMapInput,
  groupParams,
  idParams,
  myApplicationsOut,
  offerDecisionOut,
  okOut,
  publishedOut,
  resultsOut,
  rulesOut,
  scenarioInput,
  simulationOut,
  staffApplicationsOut,
  statusInput,
  verifyInput,
} from './attribution.schemas';
import * as svc from './campaign.service';
import { attachDocument, readDocument, removeDocument } from './documents.service';
import { forecast, mapGroup } from './forecast.service';
import { campaignResults } from './results.service';

const STAFF = svc.STAFF;
const PARENT = ['parent'] as const;

/** A route's options: who may call it, what it says in the API's documentation, its schemas. */
function def<S extends object>(access: Access, summary: string, schema: S) {
  return { config: { access }, schema: { tags: ['attribution'], summary, ...schema } };
}

export default async function attributionRoutes(app: App) {
  // ------------------------------------------------------------ public: the rules before applying
  app.get('/api/attribution/public/campaigns', def('public', 'Campagnes ouvertes ou passées', { response: { 200: campaignsOut } }), async (req) => ({
    campaigns: await svc.publicCampaigns(req.ctx),
  }));
  app.get(
    '/api/attribution/public/campaigns/:id',
    def('public', "Règles publiées d'une campagne : critères, poids, justificatifs, départage", { params: idParams, response: { 200: rulesOut } }),
    async (req) => svc.publicRules(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ families
  app.get(
    '/api/attribution/campaigns/:id/form',
    def(PARENT, 'Formulaire de demande prérempli depuis mon dossier', { params: idParams, response: { 200: applicationFormOut } }),
    async (req) => applicationForm(req.ctx, req.params.id),
  );
  app.post(
    '/api/attribution/campaigns/:id/applications',
    def(PARENT, 'Déposer une demande (un enfant ou plusieurs)', { params: idParams, body: applyInput, response: { 201: appliedOut } }),
    async (req, reply) => reply.status(201).send(await apply(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/attribution/campaigns/:id/documents',
    def(PARENT, "Joindre le justificatif d'un critère (PDF, JPEG ou PNG, 3 Mo au plus)", {
      params: idParams,
      body: documentInput,
      response: { 201: createdOut },
    }),
    async (req, reply) => reply.status(201).send(await attachDocument(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/attribution/campaigns/:id/documents/:documentId',
    def(PARENT, 'Retirer un justificatif joint (avant les résultats)', { params: documentParams, response: { 200: okOut } }),
    async (req) => removeDocument(req.ctx, req.params.id, req.params.documentId),
  );
  app.get(
    '/api/attribution/campaigns/:id/documents/:documentId/file',
    def(['parent', ...STAFF], "Le fichier d'un justificatif joint (lecture tracée pour les agents)", {
      params: documentParams,
      querystring: documentReadQuery,
      produces: ['application/pdf', 'image/jpeg', 'image/png'],
      response: { 200: binaryBody('Le justificatif (PDF, JPEG ou PNG)') },
    }),
    async (req, reply) => {
      const f = await readDocument(req.ctx, req.params.id, req.params.documentId, { reason: req.query.reason });
      return reply.type(f.mimeType).header('content-disposition', 'inline').header('cache-control', 'private, no-store').send(f.bytes);
    },
  );
  app.get(
    '/api/attribution/me/applications',
    def(PARENT, 'Mes demandes, et après publication mon score, mon rang, ma place', { response: { 200: myApplicationsOut } }),
    async (req) => ({ applications: await myApplications(req.ctx) }),
  );
  app.post(
    '/api/attribution/me/applications/:id/withdraw',
    def(PARENT, 'Retirer ma demande (avant les résultats)', { params: idParams, response: { 200: okOut } }),
    async (req) => withdraw(req.ctx, req.params.id),
  );
  for (const answer of ['confirm', 'refuse'] as const) {
    app.post(
      `/api/attribution/offers/:id/${answer}`,
      def(PARENT, answer === 'confirm' ? 'Confirmer une place proposée' : 'Refuser une place proposée', {
        params: idParams,
        response: { 200: offerDecisionOut },
      }),
      async (req) => answerOffer(req.ctx, req.params.id, answer),
    );
  }

  // ------------------------------------------------------------ staff
  app.get('/api/attribution/campaigns', def(STAFF, 'Campagnes', { response: { 200: campaignsOut } }), async (req) => ({
    campaigns: await svc.listCampaigns(req.ctx),
  }));
  app.post(
    '/api/attribution/campaigns',
    def(STAFF, 'Créer une campagne (critères par défaut si aucun)', {
      body: campaignInput.partial({ criteria: true, tieBreak: true }),
      response: { 201: createdOut },
    }),
    async (req, reply) => reply.status(201).send(await svc.createCampaign(req.ctx, req.body)),
  );
  app.get(
    '/api/attribution/campaigns/:id',
    def(STAFF, 'Une campagne : groupes, critères, statut', { params: idParams, response: { 200: campaignOut } }),
    async (req) => svc.getCampaign(req.ctx, req.params.id),
  );
  app.put(
    '/api/attribution/campaigns/:id',
    def(STAFF, 'Modifier une campagne avant publication (groupes, critères ajoutés ou retirés)', {
      params: idParams,
      body: campaignInput,
      response: { 200: okOut },
    }),
    async (req) => svc.updateCampaign(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/attribution/campaigns/:id/status',
    def(STAFF, 'Ouvrir, fermer une campagne', { params: idParams, body: statusInput, response: { 200: okOut } }),
    async (req) => svc.setStatus(req.ctx, req.params.id, req.body.status),
  );
  app.get(
    '/api/attribution/campaigns/:id/applications',
    def(STAFF, 'Les demandes (par numéro de famille)', { params: idParams, response: { 200: staffApplicationsOut } }),
    async (req) => ({ applications: await svc.campaignApplications(req.ctx, req.params.id) }),
  );
  app.put(
    '/api/attribution/applications/:id/criteria/:code',
    def(STAFF, "Vérifier la valeur d'un critère sur justificatif", { params: criterionParams, body: verifyInput, response: { 200: okOut } }),
    async (req) => svc.verifyCriterion(req.ctx, req.params.id, req.params.code, req.body.value),
  );
  app.post(
    '/api/attribution/campaigns/:id/simulate',
    def(STAFF, 'Et si… : poids ou places changés, familles dont le statut change', { params: idParams, body: scenarioInput, response: { 200: simulationOut } }),
    async (req) => svc.simulate(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/attribution/campaigns/:id/publish',
    def(STAFF, 'Publier les résultats (et proposer les places)', { params: idParams, body: scenarioInput, response: { 200: publishedOut } }),
    async (req) => svc.publish(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/attribution/campaigns/:id/results',
    def(STAFF, 'Résultats publiés : par groupe, par famille, et la vie de chaque proposition', { params: idParams, response: { 200: resultsOut } }),
    async (req) => campaignResults(req.ctx, req.params.id),
  );
  app.get(
    '/api/attribution/campaigns/:id/forecast',
    def(STAFF, 'Demande par groupe et période des campagnes précédentes, et prévision', { params: idParams, response: { 200: forecastOut } }),
    async (req) => forecast(req.ctx, req.params.id),
  );
  app.put(
    '/api/attribution/campaigns/:id/groups/:groupId/forecast-key',
    def(['coordinator', 'admin'], 'Dire quels groupes des campagnes précédentes un groupe renommé continue (prévision)', {
      params: groupParams,
      body: groupMapInput,
      response: { 200: okOut },
    }),
    async (req) => mapGroup(req.ctx, req.params.id, req.params.groupId, req.body.key),
  );
}
