/** HTTP of the entraide: Parents Voisins (board, posts, answers, conversations, blocks, reports, moderation, validation) and the parentothèque. */
import type { App } from '../../platform/http/types';
import { createdSchema, okSchema } from '../../platform/response-schemas';
import {
  ambassadorInput,
  blockInput,
  boardOut,
  bodyInput,
  catalogueOut,
  coopInput,
  joinInput,
  monthQuery,
  myCoopsOut,
  splitOut,
  weekInput,
  weekParams,
  catalogueQuery,
  conversationOut,
  conversationsOut,
  idParams,
  itemInput,
  loansOut,
  messageInput,
  neighbourhoodParams,
  postInput,
  reportInput,
  reportsOut,
  resolveInput,
} from './entraide.schemas';
import * as coopSvc from './coops.service';
import * as lend from './parentotheque.service';
import * as voisins from './voisins.service';

const tags = ['entraide'];
const PARENT = ['parent'] as const;
const STAFF = ['agent', 'coordinator', 'admin'] as const;
const COMMITTEE = ['parent', 'agent', 'coordinator', 'admin'] as const;

export default async function entraideRoutes(app: App) {
  // ------------------------------------------------------------ Parents Voisins
  app.get(
    '/api/entraide/board/:neighbourhoodId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: "Annonces ouvertes d'un quartier", params: neighbourhoodParams, response: { 200: boardOut } },
    },
    async (req) => ({
      posts: await voisins.board(req.ctx, req.params.neighbourhoodId),
    }),
  );
  app.post(
    '/api/entraide/posts',
    { config: { access: PARENT }, schema: { tags, summary: 'Publier une offre ou une demande', body: postInput, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await voisins.createPost(req.ctx, req.body)),
  );
  app.post(
    '/api/entraide/posts/:id/answers',
    { config: { access: PARENT }, schema: { tags, summary: 'Répondre à une annonce', params: idParams, body: messageInput, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await voisins.answerPost(req.ctx, req.params.id, req.body.message)),
  );
  app.get(
    '/api/entraide/conversations',
    { config: { access: PARENT }, schema: { tags, summary: 'Mes conversations', response: { 200: conversationsOut } } },
    async (req) => ({
      conversations: await voisins.myConversations(req.ctx),
    }),
  );
  app.get(
    '/api/entraide/conversations/:id',
    { config: { access: PARENT }, schema: { tags, summary: 'Une conversation', params: idParams, response: { 200: conversationOut } } },
    async (req) => voisins.conversation(req.ctx, req.params.id),
  );
  app.post(
    '/api/entraide/conversations/:id/messages',
    { config: { access: PARENT }, schema: { tags, summary: 'Écrire un message', params: idParams, body: bodyInput, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await voisins.sendMessage(req.ctx, req.params.id, req.body.body)),
  );
  app.post(
    '/api/entraide/conversations/:id/share-contact',
    {
      config: { access: PARENT },
      schema: { tags, summary: 'Accepter de montrer mon téléphone et mon adresse', params: idParams, response: { 200: okSchema } },
    },
    async (req) => voisins.shareContact(req.ctx, req.params.id),
  );
  app.post(
    '/api/entraide/blocks',
    { config: { access: PARENT }, schema: { tags, summary: 'Bloquer un foyer (dans les deux sens)', body: blockInput, response: { 200: okSchema } } },
    async (req) => voisins.blockHousehold(req.ctx, req.body),
  );
  app.post(
    '/api/entraide/reports',
    { config: { access: PARENT }, schema: { tags, summary: 'Signaler une annonce ou une conversation', body: reportInput, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await voisins.report(req.ctx, req.body)),
  );
  app.get(
    '/api/entraide/reports',
    { config: { access: STAFF }, schema: { tags, summary: 'File de modération', response: { 200: reportsOut } } },
    async (req) => ({ reports: await voisins.moderationQueue(req.ctx) }),
  );
  app.post(
    '/api/entraide/reports/:id/resolve',
    { config: { access: STAFF }, schema: { tags, summary: 'Traiter un signalement', params: idParams, body: resolveInput, response: { 200: okSchema } } },
    async (req) => voisins.resolveReport(req.ctx, req.params.id, req.body.decision),
  );
  app.post(
    '/api/entraide/households/:id/validation',
    { config: { access: COMMITTEE }, schema: { tags, summary: 'Valider un foyer (garde)', params: idParams, response: { 200: okSchema } } },
    async (req) => voisins.validateHousehold(req.ctx, req.params.id),
  );
  app.post(
    '/api/entraide/ambassadors',
    { config: { access: STAFF }, schema: { tags, summary: 'Nommer un parent ambassadeur', body: ambassadorInput, response: { 200: okSchema } } },
    async (req) => voisins.appointAmbassador(req.ctx, req.body.userId, req.body.neighbourhoodId),
  );

  // ------------------------------------------------------------ parentothèque
  app.get(
    '/api/entraide/items',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Catalogue de la parentothèque', querystring: catalogueQuery, response: { 200: catalogueOut } },
    },
    async (req) => ({
      items: await lend.catalogue(req.ctx, req.query.category),
    }),
  );
  app.post(
    '/api/entraide/items',
    { config: { access: COMMITTEE }, schema: { tags, summary: 'Ajouter un objet', body: itemInput, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await lend.addItem(req.ctx, req.body)),
  );
  app.post(
    '/api/entraide/items/:id/ask',
    { config: { access: PARENT }, schema: { tags, summary: 'Demander un objet (réservé pour moi)', params: idParams, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await lend.askItem(req.ctx, req.params.id)),
  );
  app.get('/api/entraide/loans/mine', { config: { access: PARENT }, schema: { tags, summary: 'Mes prêts', response: { 200: loansOut } } }, async (req) => ({
    loans: await lend.myLoans(req.ctx),
  }));
  app.get(
    '/api/entraide/loans',
    { config: { access: COMMITTEE }, schema: { tags, summary: 'Prêts à traiter (comité, agents)', response: { 200: loansOut } } },
    async (req) => ({ loans: await lend.loansToHandle(req.ctx) }),
  );
  app.post(
    '/api/entraide/loans/:id/approve',
    { config: { access: COMMITTEE }, schema: { tags, summary: 'Accepter une réservation', params: idParams, response: { 200: okSchema } } },
    async (req) => lend.approveLoan(req.ctx, req.params.id),
  );
  app.post(
    '/api/entraide/loans/:id/refuse',
    { config: { access: COMMITTEE }, schema: { tags, summary: 'Refuser une réservation', params: idParams, response: { 200: okSchema } } },
    async (req) => lend.refuseLoan(req.ctx, req.params.id),
  );
  app.post(
    '/api/entraide/loans/:id/return',
    { config: { access: COMMITTEE }, schema: { tags, summary: 'Enregistrer le retour', params: idParams, response: { 200: okSchema } } },
    async (req) => lend.returnLoan(req.ctx, req.params.id),
  );
  app.post(
    '/api/entraide/loans/:id/cancel',
    { config: { access: PARENT }, schema: { tags, summary: 'Annuler ma réservation', params: idParams, response: { 200: okSchema } } },
    async (req) => lend.cancelReservation(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ garde partagée
  app.get(
    '/api/entraide/coops',
    { config: { access: PARENT }, schema: { tags, summary: 'Mes coopératives et celles qui ont une place près de chez moi', response: { 200: myCoopsOut } } },
    async (req) => coopSvc.myCoops(req.ctx),
  );
  app.post(
    '/api/entraide/coops',
    { config: { access: PARENT }, schema: { tags, summary: 'Créer une coopérative de garde partagée', body: coopInput, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await coopSvc.createCoop(req.ctx, req.body)),
  );
  app.post(
    '/api/entraide/coops/:id/join',
    { config: { access: PARENT }, schema: { tags, summary: 'Rejoindre une coopérative', params: idParams, body: joinInput, response: { 200: okSchema } } },
    async (req) => coopSvc.joinCoop(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/entraide/coops/:id/weeks/:monday',
    {
      config: { access: PARENT },
      schema: { tags, summary: 'Mes heures une semaine donnée', params: weekParams, body: weekInput, response: { 200: okSchema } },
    },
    async (req) => coopSvc.setWeek(req.ctx, req.params.id, req.params.monday, req.body.minutes),
  );
  app.get(
    '/api/entraide/coops/:id/split',
    {
      config: { access: PARENT },
      schema: { tags, summary: 'Partage du coût du mois', params: idParams, querystring: monthQuery, response: { 200: splitOut } },
    },
    async (req) => coopSvc.split(req.ctx, req.params.id, req.query.month),
  );
}
