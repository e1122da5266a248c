/** HTTP of place allocation: public rules, the family's applications and offers, the staff's campaigns, what-if and publication. */
import type { App } from '../../platform/http/types';
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
  forecastOut,
  idParams,
  myApplicationsOut,
  offerDecisionOut,
  okOut,
  publishedOut,
  rulesOut,
  scenarioInput,
  simulationOut,
  staffApplicationsOut,
  statusInput,
  verifyInput,
} from './attribution.schemas';
import * as svc from './campaign.service';

const tags = ['attribution'];
const STAFF = svc.STAFF;
const parent = ['parent'] as const;

export default async function attributionRoutes(app: App) {
  // ------------------------------------------------------------ public: the rules before applying
  app.get(
    '/api/attribution/public/campaigns',
    { config: { access: 'public' }, schema: { tags, summary: 'Campagnes ouvertes ou passées', response: { 200: campaignsOut } } },
    async (req) => ({
      campaigns: await svc.publicCampaigns(req.ctx),
    }),
  );
  app.get(
    '/api/attribution/public/campaigns/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: "Règles publiées d'une campagne : critères, poids, justificatifs, départage", params: idParams, response: { 200: rulesOut } },
    },
    async (req) => svc.publicRules(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ families
  app.get(
    '/api/attribution/campaigns/:id/form',
    {
      config: { access: parent },
      schema: { tags, summary: 'Formulaire de demande prérempli depuis mon dossier', params: idParams, response: { 200: applicationFormOut } },
    },
    async (req) => applicationForm(req.ctx, req.params.id),
  );
  app.post(
    '/api/attribution/campaigns/:id/applications',
    {
      config: { access: parent },
      schema: { tags, summary: 'Déposer une demande (un enfant ou plusieurs)', params: idParams, body: applyInput, response: { 201: appliedOut } },
    },
    async (req, reply) => reply.status(201).send(await apply(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/attribution/me/applications',
    {
      config: { access: parent },
      schema: { tags, summary: 'Mes demandes, et après publication mon score, mon rang, ma place', response: { 200: myApplicationsOut } },
    },
    async (req) => ({
      applications: await myApplications(req.ctx),
    }),
  );
  app.post(
    '/api/attribution/me/applications/:id/withdraw',
    { config: { access: parent }, schema: { tags, summary: 'Retirer ma demande (avant les résultats)', params: idParams, response: { 200: okOut } } },
    async (req) => withdraw(req.ctx, req.params.id),
  );
  app.post(
    '/api/attribution/offers/:id/confirm',
    { config: { access: parent }, schema: { tags, summary: 'Confirmer une place proposée', params: idParams, response: { 200: offerDecisionOut } } },
    async (req) => answerOffer(req.ctx, req.params.id, 'confirm'),
  );
  app.post(
    '/api/attribution/offers/:id/refuse',
    { config: { access: parent }, schema: { tags, summary: 'Refuser une place proposée', params: idParams, response: { 200: offerDecisionOut } } },
    async (req) => answerOffer(req.ctx, req.params.id, 'refuse'),
  );

  // ------------------------------------------------------------ staff
  app.get(
    '/api/attribution/campaigns',
    { config: { access: STAFF }, schema: { tags, summary: 'Campagnes', response: { 200: campaignsOut } } },
    async (req) => ({ campaigns: await svc.listCampaigns(req.ctx) }),
  );
  app.post(
    '/api/attribution/campaigns',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Créer une campagne (critères par défaut si aucun)',
        body: campaignInput.partial({ criteria: true, tieBreak: true }),
        response: { 201: createdOut },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createCampaign(req.ctx, req.body)),
  );
  app.get(
    '/api/attribution/campaigns/:id',
    { config: { access: STAFF }, schema: { tags, summary: 'Une campagne : groupes, critères, statut', params: idParams, response: { 200: campaignOut } } },
    async (req) => svc.getCampaign(req.ctx, req.params.id),
  );
  app.put(
    '/api/attribution/campaigns/:id',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Modifier une campagne avant publication', params: idParams, body: campaignInput, response: { 200: okOut } },
    },
    async (req) => svc.updateCampaign(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/attribution/campaigns/:id/status',
    { config: { access: STAFF }, schema: { tags, summary: 'Ouvrir, fermer une campagne', params: idParams, body: statusInput, response: { 200: okOut } } },
    async (req) => svc.setStatus(req.ctx, req.params.id, req.body.status),
  );
  app.get(
    '/api/attribution/campaigns/:id/applications',
    { config: { access: STAFF }, schema: { tags, summary: 'Les demandes (par numéro de famille)', params: idParams, response: { 200: staffApplicationsOut } } },
    async (req) => ({
      applications: await svc.campaignApplications(req.ctx, req.params.id),
    }),
  );
  app.put(
    '/api/attribution/applications/:id/criteria/:code',
    {
      config: { access: STAFF },
      schema: { tags, summary: "Vérifier la valeur d'un critère sur justificatif", params: criterionParams, body: verifyInput, response: { 200: okOut } },
    },
    async (req) => svc.verifyCriterion(req.ctx, req.params.id, req.params.code, req.body.value),
  );
  app.post(
    '/api/attribution/campaigns/:id/simulate',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Et si… : poids ou places changés, familles dont le statut change',
        params: idParams,
        body: scenarioInput,
        response: { 200: simulationOut },
      },
    },
    async (req) => svc.simulate(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/attribution/campaigns/:id/publish',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Publier les résultats (et proposer les places)', params: idParams, body: scenarioInput, response: { 200: publishedOut } },
    },
    async (req) => svc.publish(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/attribution/campaigns/:id/forecast',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Demande par groupe des campagnes précédentes et prévision', params: idParams, response: { 200: forecastOut } },
    },
    async (req) => svc.forecast(req.ctx, req.params.id),
  );
}
