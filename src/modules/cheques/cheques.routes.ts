/** HTTP of the chèques and the Pass Famille Solo: zod in, a use case, zod out. */
import type { FastifyReply, FastifySchema } from 'fastify';
import { abortOnDisconnect } from '../../platform/http/disconnect';
import type { App } from '../../platform/http/types';
import type { Access } from '../../platform/roles';
import { binaryBody, fileBody } from '../../platform/response-schemas';
import { householdCardPdf, householdPaymentSheet, myCardPdf, myPaymentSheet, type SheetFormat } from './card.service';
import { AGENTS, TOWN, correctAccount, creditByAgent, householdCheques, myCheques } from './ledger.service';
import { addOffer, issuePass, listOffers, myPass, passCheck, passUses, publicKey, removeOffer, renewPass, revokePass, verifyPass } from './pass.service';
import { partnerKinds, setPartnerKinds } from './partners.service';
import { cancelRedemption, codeState, lookupCode, redeem, showCode, todaysRedemptions } from './redemption.service';
import * as s from './cheques.schemas';
import { markPaid, settle, settlementsCsv, settlementsOf, statement } from './settlement.service';

const tags = ['cheques'];

/** A route's options: who may call it, its summary, its zod schemas (one shape for every chèques route). */
function route<S extends FastifySchema>(access: Access, summary: string, schema: S) {
  return { config: { access }, schema: { tags, summary, ...schema } };
}

/** 201 with the use case's answer. */
async function created<T>(reply: FastifyReply, answer: Promise<T>) {
  return reply.status(201).send(await answer);
}

/** A sheet of payment codes: the PDF to download, or its HTML (to print from the browser). */
function sheet(reply: FastifyReply, format: SheetFormat, r: { body: Buffer | string }) {
  return format === 'html' ? reply.type('text/html; charset=utf-8').send(r.body) : download(reply, 'application/pdf', 'codes-de-paiement.pdf', r.body);
}

/** A file to download: its type, its name, its body. */
function download(reply: FastifyReply, type: string, fileName: string, body: string | Buffer) {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

export default async function chequesRoutes(app: App) {
  // ------------------------------------------------------------ the family
  app.get('/api/cheques/me', route(['parent'], 'Mes chèques : soldes et historique', { response: { 200: s.myChequesOut } }), async (req) => myCheques(req.ctx));
  app.post(
    '/api/cheques/me/codes/:kind',
    route(['parent'], 'Afficher un code de paiement (5 minutes, une fois)', { params: s.kindParams, response: { 201: s.codeOut } }),
    (req, reply) => created(reply, showCode(req.ctx, req.params.kind)),
  );
  app.get(
    '/api/cheques/me/codes/:id/state',
    route(['parent'], 'Le code a-t-il servi ?', { params: s.idParams, response: { 200: s.codeStateOut } }),
    async (req) => codeState(req.ctx, req.params.id),
  );
  app.get('/api/cheques/me/pass', route(['parent'], 'Mon Pass Famille Solo', { response: { 200: s.myPassOut } }), async (req) => myPass(req.ctx));
  app.get(
    '/api/cheques/me/card.pdf',
    route(['parent'], 'Ma carte imprimable (PDF) : Pass Famille Solo et soldes', {
      produces: ['application/pdf'],
      response: { 200: binaryBody('Carte A6 sur une page A4, PDF') },
    }),
    async (req, reply) => download(reply, 'application/pdf', 'carte-relais.pdf', await myCardPdf(req.ctx, abortOnDisconnect(reply))),
  );

  app.post(
    '/api/cheques/me/payment-codes',
    route(['parent'], 'Imprimer ma feuille de codes de paiement (la précédente ne marche plus)', {
      body: s.sheetInput,
      produces: ['application/pdf', 'text/html'],
      response: { 200: binaryBody('La carte et ses codes de paiement, PDF ou HTML') },
    }),
    async (req, reply) => sheet(reply, req.body.format, await myPaymentSheet(req.ctx, req.body.format, abortOnDisconnect(reply))),
  );

  // ------------------------------------------------------------ agents (family's file)
  app.get(
    '/api/cheques/households/:householdId',
    route(AGENTS, "Les chèques d'une famille", { params: s.householdParams, response: { 200: s.householdChequesOut } }),
    async (req) => householdCheques(req.ctx, req.params.householdId),
  );
  app.post(
    '/api/cheques/households/:householdId/credits',
    route(AGENTS, 'Créditer un compte', { params: s.householdParams, body: s.creditInput, response: { 201: s.creditedOut } }),
    (req, reply) => {
      const { source, reason, ...credit } = req.body;
      return created(reply, creditByAgent(req.ctx, req.params.householdId, { ...credit, source: { kind: source, reason } }));
    },
  );
  app.post(
    '/api/cheques/households/:householdId/corrections',
    route(TOWN, 'Corriger un compte (la ville)', { params: s.householdParams, body: s.correctionInput, response: { 201: s.createdOut } }),
    (req, reply) => created(reply, correctAccount(req.ctx, req.params.householdId, req.body)),
  );
  app.get(
    '/api/cheques/households/:householdId/card.pdf',
    route(AGENTS, 'Imprimer la carte d’une famille au guichet (PDF)', {
      params: s.householdParams,
      produces: ['application/pdf'],
      response: { 200: binaryBody('Carte A6 sur une page A4, PDF') },
    }),
    async (req, reply) =>
      download(reply, 'application/pdf', 'carte-relais.pdf', await householdCardPdf(req.ctx, req.params.householdId, abortOnDisconnect(reply))),
  );
  app.post(
    '/api/cheques/households/:householdId/payment-codes',
    route(AGENTS, 'Imprimer une feuille de codes de paiement pour une famille sans smartphone (la précédente ne marche plus)', {
      params: s.householdParams,
      body: s.sheetInput,
      produces: ['application/pdf', 'text/html'],
      response: { 200: binaryBody('La carte et ses codes de paiement, PDF ou HTML') },
    }),
    async (req, reply) =>
      sheet(reply, req.body.format, await householdPaymentSheet(req.ctx, req.params.householdId, req.body.format, abortOnDisconnect(reply))),
  );
  app.get(
    '/api/cheques/households/:householdId/pass',
    route(AGENTS, 'Pass Famille Solo : conditions et carte', { params: s.householdParams, response: { 200: s.passCheckOut } }),
    async (req) => passCheck(req.ctx, req.params.householdId),
  );
  app.post(
    '/api/cheques/households/:householdId/pass',
    route(AGENTS, 'Émettre le Pass Famille Solo', { params: s.householdParams, body: s.passIssueInput, response: { 201: s.createdOut } }),
    (req, reply) => created(reply, issuePass(req.ctx, req.params.householdId, req.body)),
  );
  app.post(
    '/api/cheques/passes/:id/renewal',
    route(AGENTS, 'Renouveler le Pass', { params: s.idParams, body: s.passIssueInput, response: { 200: s.okOut } }),
    async (req) => renewPass(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/cheques/passes/:id/revocation',
    route(AGENTS, 'Révoquer le Pass', { params: s.idParams, body: s.passRevokeInput, response: { 200: s.okOut } }),
    async (req) => revokePass(req.ctx, req.params.id, req.body),
  );

  // ------------------------------------------------------------ the partner's counter
  app.get('/api/cheques/counter', route(['partner'], 'Caisse : types acceptés et paiements du jour', { response: { 200: s.counterOut } }), async (req) =>
    todaysRedemptions(req.ctx),
  );
  app.post(
    '/api/cheques/counter/lookup',
    route(['partner'], 'Lire un code (rien n’est débité)', { body: s.codeInput, response: { 200: s.lookupOut } }),
    async (req) => lookupCode(req.ctx, req.body),
  );
  app.post(
    '/api/cheques/counter/redemptions',
    route(['partner'], 'Encaisser un montant avec un code', { body: s.redeemInput, response: { 201: s.redeemedOut } }),
    (req, reply) => created(reply, redeem(req.ctx, req.body)),
  );
  app.post(
    '/api/cheques/counter/redemptions/:id/cancellation',
    route(['partner'], 'Annuler un paiement du jour', { params: s.idParams, response: { 201: s.createdOut } }),
    (req, reply) => created(reply, cancelRedemption(req.ctx, req.params.id)),
  );
  app.post(
    '/api/cheques/counter/pass',
    route(['partner'], 'Vérifier un Pass Famille Solo', { body: s.passVerifyInput, response: { 200: s.verifyOut } }),
    async (req) => verifyPass(req.ctx, req.body),
  );

  // ------------------------------------------------------------ partners and offers
  app.get(
    '/api/cheques/partners/:id/kinds',
    route(['partner', ...AGENTS], 'Types de chèques acceptés par un partenaire', { params: s.idParams, response: { 200: s.partnerKindsOut } }),
    async (req) => partnerKinds(req.ctx, req.params.id),
  );
  app.put(
    '/api/cheques/partners/:id/kinds',
    route(AGENTS, 'Accepter un partenaire par type de chèque', { params: s.idParams, body: s.partnerKindsInput, response: { 200: s.partnerKindsOut } }),
    async (req) => setPartnerKinds(req.ctx, req.params.id, req.body.kinds),
  );
  app.get(
    '/api/cheques/pass/offers',
    route('authenticated', 'Offres du Pass Famille Solo, par thème et quartier', { querystring: s.offersQuery, response: { 200: s.offersOut } }),
    async (req) => listOffers(req.ctx, req.query),
  );
  app.post(
    '/api/cheques/partners/:id/offers',
    route(['partner', ...AGENTS], 'Ajouter une offre Pass Famille Solo', { params: s.idParams, body: s.offerInput, response: { 201: s.createdOut } }),
    (req, reply) => created(reply, addOffer(req.ctx, req.params.id, req.body)),
  );
  app.delete('/api/cheques/offers/:id', route(['partner', ...AGENTS], 'Retirer une offre', { params: s.idParams, response: { 200: s.okOut } }), async (req) =>
    removeOffer(req.ctx, req.params.id),
  );
  app.get(
    '/api/cheques/pass/uses',
    route(TOWN, 'Passages du Pass par partenaire et quartier (comptés, jamais qui)', { querystring: s.periodQuery, response: { 200: s.passUsesOut } }),
    async (req) => passUses(req.ctx, req.query.period),
  );
  app.get(
    '/api/cheques/pass/public-key',
    route('public', 'Clé publique de la ville pour vérifier un Pass hors ligne', { produces: ['application/x-pem-file'], response: { 200: s.publicKeyOut } }),
    async (req, reply) => reply.type('application/x-pem-file').send(publicKey(req.ctx)),
  );

  // ------------------------------------------------------------ settlement (the town)
  app.get(
    '/api/cheques/statements',
    route(['partner', ...TOWN], "Relevé d'un partenaire pour un mois", {
      querystring: s.periodQuery.extend({ structureId: s.idParams.shape.id.optional() }),
      response: { 200: s.statementOut },
    }),
    async (req) => statement(req.ctx, req.query),
  );
  app.get('/api/cheques/settlements', route(TOWN, 'Remboursements du mois', { querystring: s.periodQuery, response: { 200: s.settlementsOut } }), async (req) =>
    settlementsOf(req.ctx, req.query.period),
  );
  app.post(
    '/api/cheques/settlements',
    route(TOWN, 'Établir le relevé d’un partenaire', { body: s.settleInput, response: { 201: s.createdOut } }),
    (req, reply) => created(reply, settle(req.ctx, req.body)),
  );
  app.post('/api/cheques/settlements/:id/paid', route(TOWN, 'Marquer un remboursement payé', { params: s.idParams, response: { 200: s.okOut } }), async (req) =>
    markPaid(req.ctx, req.params.id),
  );
  app.get(
    '/api/cheques/settlements.csv',
    route(TOWN, 'Exporter les remboursements du mois (CSV)', {
      querystring: s.periodQuery,
      produces: ['text/csv'],
      response: { 200: fileBody('Remboursements aux partenaires, CSV') },
    }),
    async (req, reply) => download(reply, 'text/csv; charset=utf-8', `remboursements-${req.query.period}.csv`, await settlementsCsv(req.ctx, req.query.period)),
  );
}
