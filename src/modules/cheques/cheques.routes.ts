/** HTTP of the chèques and the Pass Famille Solo: zod in, a use case, zod out. */
import type { App } from '../../platform/http/types';
import { fileBody } from '../../platform/response-schemas';
import { AGENTS, TOWN, correctAccount, creditByAgent, householdCheques, myCheques } from './ledger.service';
import { addOffer, issuePass, listOffers, myPass, passCheck, passUses, publicKey, removeOffer, renewPass, revokePass, verifyPass } from './pass.service';
import { partnerKinds, setPartnerKinds } from './partners.service';
import { cancelRedemption, codeState, lookupCode, redeem, showCode, todaysRedemptions } from './redemption.service';
import * as s from './cheques.schemas';
import { markPaid, settle, settlementsCsv, settlementsOf, statement } from './settlement.service';

const tags = ['cheques'];

export default async function chequesRoutes(app: App) {
  // ------------------------------------------------------------ the family
  app.get(
    '/api/cheques/me',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Mes chèques : soldes et historique', response: { 200: s.myChequesOut } } },
    async (req) => myCheques(req.ctx),
  );
  app.post(
    '/api/cheques/me/codes/:kind',
    {
      config: { access: ['parent'] },
      schema: { tags, summary: 'Afficher un code de paiement (5 minutes, une fois)', params: s.kindParams, response: { 201: s.codeOut } },
    },
    async (req, reply) => reply.status(201).send(await showCode(req.ctx, req.params.kind)),
  );
  app.get(
    '/api/cheques/me/codes/:id/state',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Le code a-t-il servi ?', params: s.idParams, response: { 200: s.codeStateOut } } },
    async (req) => codeState(req.ctx, req.params.id),
  );
  app.get(
    '/api/cheques/me/pass',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Mon Pass Famille Solo', response: { 200: s.myPassOut } } },
    async (req) => myPass(req.ctx),
  );

  // ------------------------------------------------------------ agents (family's file)
  app.get(
    '/api/cheques/households/:householdId',
    { config: { access: AGENTS }, schema: { tags, summary: "Les chèques d'une famille", params: s.householdParams, response: { 200: s.householdChequesOut } } },
    async (req) => householdCheques(req.ctx, req.params.householdId),
  );
  app.post(
    '/api/cheques/households/:householdId/credits',
    {
      config: { access: AGENTS },
      schema: { tags, summary: 'Créditer un compte', params: s.householdParams, body: s.creditInput, response: { 201: s.creditedOut } },
    },
    async (req, reply) => {
      const b = req.body;
      const source = b.source === 'agent' ? { kind: 'agent' as const, reason: b.reason } : { kind: b.source, reason: b.reason };
      return reply.status(201).send(
        await creditByAgent(req.ctx, req.params.householdId, {
          kind: b.kind,
          amountCents: b.amountCents,
          source,
          validUntil: b.validUntil,
          openReason: b.openReason,
        }),
      );
    },
  );
  app.post(
    '/api/cheques/households/:householdId/corrections',
    {
      config: { access: TOWN },
      schema: { tags, summary: 'Corriger un compte (la ville)', params: s.householdParams, body: s.correctionInput, response: { 201: s.createdOut } },
    },
    async (req, reply) => reply.status(201).send(await correctAccount(req.ctx, req.params.householdId, req.body)),
  );
  app.get(
    '/api/cheques/households/:householdId/pass',
    {
      config: { access: AGENTS },
      schema: { tags, summary: 'Pass Famille Solo : conditions et carte', params: s.householdParams, response: { 200: s.passCheckOut } },
    },
    async (req) => passCheck(req.ctx, req.params.householdId),
  );
  app.post(
    '/api/cheques/households/:householdId/pass',
    {
      config: { access: AGENTS },
      schema: { tags, summary: 'Émettre le Pass Famille Solo', params: s.householdParams, body: s.passIssueInput, response: { 201: s.createdOut } },
    },
    async (req, reply) => reply.status(201).send(await issuePass(req.ctx, req.params.householdId, req.body)),
  );
  app.post(
    '/api/cheques/passes/:id/renewal',
    { config: { access: AGENTS }, schema: { tags, summary: 'Renouveler le Pass', params: s.idParams, body: s.passIssueInput, response: { 200: s.okOut } } },
    async (req) => renewPass(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/cheques/passes/:id/revocation',
    { config: { access: AGENTS }, schema: { tags, summary: 'Révoquer le Pass', params: s.idParams, body: s.passRevokeInput, response: { 200: s.okOut } } },
    async (req) => revokePass(req.ctx, req.params.id, req.body),
  );

  // ------------------------------------------------------------ the partner's counter
  app.get(
    '/api/cheques/counter',
    { config: { access: ['partner'] }, schema: { tags, summary: 'Caisse : types acceptés et paiements du jour', response: { 200: s.counterOut } } },
    async (req) => todaysRedemptions(req.ctx),
  );
  app.post(
    '/api/cheques/counter/lookup',
    { config: { access: ['partner'] }, schema: { tags, summary: 'Lire un code (rien n’est débité)', body: s.codeInput, response: { 200: s.lookupOut } } },
    async (req) => lookupCode(req.ctx, req.body),
  );
  app.post(
    '/api/cheques/counter/redemptions',
    { config: { access: ['partner'] }, schema: { tags, summary: 'Encaisser un montant avec un code', body: s.redeemInput, response: { 201: s.redeemedOut } } },
    async (req, reply) => reply.status(201).send(await redeem(req.ctx, req.body)),
  );
  app.post(
    '/api/cheques/counter/redemptions/:id/cancellation',
    { config: { access: ['partner'] }, schema: { tags, summary: 'Annuler un paiement du jour', params: s.idParams, response: { 201: s.createdOut } } },
    async (req, reply) => reply.status(201).send(await cancelRedemption(req.ctx, req.params.id)),
  );
  app.post(
    '/api/cheques/counter/pass',
    { config: { access: ['partner'] }, schema: { tags, summary: 'Vérifier un Pass Famille Solo', body: s.passVerifyInput, response: { 200: s.verifyOut } } },
    async (req) => verifyPass(req.ctx, req.body),
  );

  // ------------------------------------------------------------ partners and offers
  app.get(
    '/api/cheques/partners/:id/kinds',
    {
      config: { access: ['partner', ...AGENTS] },
      schema: { tags, summary: 'Types de chèques acceptés par un partenaire', params: s.idParams, response: { 200: s.partnerKindsOut } },
    },
    async (req) => partnerKinds(req.ctx, req.params.id),
  );
  app.put(
    '/api/cheques/partners/:id/kinds',
    {
      config: { access: AGENTS },
      schema: {
        tags,
        summary: 'Accepter un partenaire par type de chèque',
        params: s.idParams,
        body: s.partnerKindsInput,
        response: { 200: s.partnerKindsOut },
      },
    },
    async (req) => setPartnerKinds(req.ctx, req.params.id, req.body.kinds),
  );
  app.get(
    '/api/cheques/pass/offers',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Offres du Pass Famille Solo, par thème et quartier', querystring: s.offersQuery, response: { 200: s.offersOut } },
    },
    async (req) => listOffers(req.ctx, req.query),
  );
  app.post(
    '/api/cheques/partners/:id/offers',
    {
      config: { access: ['partner', ...AGENTS] },
      schema: { tags, summary: 'Ajouter une offre Pass Famille Solo', params: s.idParams, body: s.offerInput, response: { 201: s.createdOut } },
    },
    async (req, reply) => reply.status(201).send(await addOffer(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/cheques/offers/:id',
    { config: { access: ['partner', ...AGENTS] }, schema: { tags, summary: 'Retirer une offre', params: s.idParams, response: { 200: s.okOut } } },
    async (req) => removeOffer(req.ctx, req.params.id),
  );
  app.get(
    '/api/cheques/pass/uses',
    {
      config: { access: TOWN },
      schema: {
        tags,
        summary: 'Passages du Pass par partenaire et quartier (comptés, jamais qui)',
        querystring: s.periodQuery,
        response: { 200: s.passUsesOut },
      },
    },
    async (req) => passUses(req.ctx, req.query.period),
  );
  app.get(
    '/api/cheques/pass/public-key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Clé publique de la ville pour vérifier un Pass hors ligne',
        produces: ['application/x-pem-file'],
        response: { 200: s.publicKeyOut },
      },
    },
    async (req, reply) => reply.type('application/x-pem-file').send(publicKey(req.ctx)),
  );

  // ------------------------------------------------------------ settlement (the town)
  app.get(
    '/api/cheques/statements',
    {
      config: { access: ['partner', ...TOWN] },
      schema: {
        tags,
        summary: "Relevé d'un partenaire pour un mois",
        querystring: s.periodQuery.extend({ structureId: s.idParams.shape.id.optional() }),
        response: { 200: s.statementOut },
      },
    },
    async (req) => statement(req.ctx, req.query),
  );
  app.get(
    '/api/cheques/settlements',
    { config: { access: TOWN }, schema: { tags, summary: 'Remboursements du mois', querystring: s.periodQuery, response: { 200: s.settlementsOut } } },
    async (req) => settlementsOf(req.ctx, req.query.period),
  );
  app.post(
    '/api/cheques/settlements',
    { config: { access: TOWN }, schema: { tags, summary: 'Établir le relevé d’un partenaire', body: s.settleInput, response: { 201: s.createdOut } } },
    async (req, reply) => reply.status(201).send(await settle(req.ctx, req.body)),
  );
  app.post(
    '/api/cheques/settlements/:id/paid',
    { config: { access: TOWN }, schema: { tags, summary: 'Marquer un remboursement payé', params: s.idParams, response: { 200: s.okOut } } },
    async (req) => markPaid(req.ctx, req.params.id),
  );
  app.get(
    '/api/cheques/settlements.csv',
    {
      config: { access: TOWN },
      schema: {
        tags,
        summary: 'Exporter les remboursements du mois (CSV)',
        querystring: s.periodQuery,
        produces: ['text/csv'],
        response: { 200: fileBody('Remboursements aux partenaires, CSV') },
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="remboursements-${req.query.period}.csv"`)
        .send(await settlementsCsv(req.ctx, req.query.period)),
  );
}
