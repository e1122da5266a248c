/** HTTP of the entraide: Parents Voisins, the parentothèque, garde partagée, covoiturage (rides.routes.ts). */
import { binaryBody } from '../../platform/response-schemas';
import type { App } from '../../platform/http/types';
import { createdSchema, okSchema } from '../../platform/response-schemas';
import {
  ambassadorInput,
  blockInput,
  boardOut,
  bodyInput,
  catalogueOut,
  catalogueQuery,
  conversationOut,
  conversationsOut,
  coopInput,
  idParams,
  itemInput,
  joinInput,
  loansOut,
  messageInput,
  monthQuery,
  myCoopsOut,
  neighbourhoodParams,
  postInput,
  reportInput,
  reportsOut,
  resolveInput,
  splitOut,
  photoInput,
  cmgOut,
  cmgQuery,
  weekInput,
  weekParams,
} from './entraide.schemas';
import * as coopSvc from './coops.service';
import * as lend from './parentotheque.service';
import { COMMITTEE, creation, idAction, listing, PARENT, STAFF, tags } from './routes-kit';
import backupRoutes from './backup.routes';
import meetingsRoutes from './meetings.routes';
import ambassadorsRoutes from './ambassadors.routes';
import ridesRoutes from './rides.routes';
import tutoringRoutes from './tutoring.routes';
import * as voisins from './voisins.service';

export default async function entraideRoutes(app: App) {
  // ------------------------------------------------------------ Parents Voisins
  app.get(
    '/api/entraide/board/:neighbourhoodId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: "Annonces ouvertes d'un quartier", params: neighbourhoodParams, response: { 200: boardOut } },
    },
    async (req) => ({ posts: await voisins.board(req.ctx, req.params.neighbourhoodId) }),
  );
  creation(app, '/api/entraide/posts', PARENT, 'Publier une offre ou une demande', postInput, voisins.createPost);
  app.post(
    '/api/entraide/posts/:id/answers',
    { config: { access: PARENT }, schema: { tags, summary: 'Répondre à une annonce', params: idParams, body: messageInput, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await voisins.answerPost(req.ctx, req.params.id, req.body.message)),
  );
  listing(app, '/api/entraide/conversations', PARENT, 'Mes conversations', conversationsOut, async (ctx) => ({
    conversations: await voisins.myConversations(ctx),
  }));
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
  idAction(app, '/api/entraide/conversations/:id/share-contact', PARENT, 'Accepter de montrer mon téléphone et mon adresse', voisins.shareContact);
  app.post(
    '/api/entraide/blocks',
    { config: { access: PARENT }, schema: { tags, summary: 'Bloquer un foyer (dans les deux sens)', body: blockInput, response: { 200: okSchema } } },
    async (req) => voisins.blockHousehold(req.ctx, req.body),
  );
  creation(app, '/api/entraide/reports', PARENT, 'Signaler une annonce ou une conversation', reportInput, voisins.report);
  listing(app, '/api/entraide/reports', STAFF, 'File de modération', reportsOut, async (ctx) => ({ reports: await voisins.moderationQueue(ctx) }));
  app.post(
    '/api/entraide/reports/:id/resolve',
    { config: { access: STAFF }, schema: { tags, summary: 'Traiter un signalement', params: idParams, body: resolveInput, response: { 200: okSchema } } },
    async (req) => voisins.resolveReport(req.ctx, req.params.id, req.body.decision),
  );
  idAction(app, '/api/entraide/households/:id/validation', COMMITTEE, 'Valider un foyer (garde)', voisins.validateHousehold);
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
    async (req) => ({ items: await lend.catalogue(req.ctx, req.query.category) }),
  );
  creation(app, '/api/entraide/items', COMMITTEE, 'Ajouter un objet', itemInput, lend.addItem);
  app.put(
    '/api/entraide/items/:id/photo',
    {
      config: { access: COMMITTEE },
      schema: { tags, summary: "La photo d'un objet (métadonnées retirées)", params: idParams, body: photoInput, response: { 200: okSchema } },
    },
    async (req) => lend.setItemPhoto(req.ctx, req.params.id, req.body.base64),
  );
  app.get(
    '/api/entraide/items/:id/photo',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "La photo d'un objet de la parentothèque",
        params: idParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: binaryBody('La photo (JPEG, PNG ou WebP)') },
      },
    },
    async (req, reply) => {
      const p = await lend.itemPhoto(req.ctx, req.params.id);
      return reply.type(p.mimeType).header('content-disposition', 'inline').header('cache-control', 'private, no-store').send(p.content);
    },
  );
  app.post(
    '/api/entraide/items/:id/ask',
    { config: { access: PARENT }, schema: { tags, summary: 'Demander un objet (réservé pour moi)', params: idParams, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await lend.askItem(req.ctx, req.params.id)),
  );
  listing(app, '/api/entraide/loans/mine', PARENT, 'Mes prêts', loansOut, async (ctx) => ({ loans: await lend.myLoans(ctx) }));
  listing(app, '/api/entraide/loans', COMMITTEE, 'Prêts à traiter (comité, agents)', loansOut, async (ctx) => ({ loans: await lend.loansToHandle(ctx) }));
  idAction(app, '/api/entraide/loans/:id/approve', COMMITTEE, 'Accepter une réservation', lend.approveLoan);
  idAction(app, '/api/entraide/loans/:id/refuse', COMMITTEE, 'Refuser une réservation', lend.refuseLoan);
  idAction(app, '/api/entraide/loans/:id/return', COMMITTEE, 'Enregistrer le retour', lend.returnLoan);
  idAction(app, '/api/entraide/loans/:id/cancel', PARENT, 'Annuler ma réservation', lend.cancelReservation);

  // ------------------------------------------------------------ garde partagée
  listing(app, '/api/entraide/coops', PARENT, 'Mes coopératives et celles qui ont une place près de chez moi', myCoopsOut, coopSvc.myCoops);
  creation(app, '/api/entraide/coops', PARENT, 'Créer une coopérative de garde partagée', coopInput, coopSvc.createCoop);
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
  app.get(
    '/api/entraide/coops/:id/cmg',
    {
      config: { access: PARENT },
      schema: {
        tags,
        summary: 'Estimation du complément de libre choix du mode de garde (CAF) sur ma part du mois',
        params: idParams,
        querystring: cmgQuery,
        response: { 200: cmgOut },
      },
    },
    async (req) => coopSvc.cmgEstimate(req.ctx, req.params.id, req.query),
  );

  await ridesRoutes(app);
  await backupRoutes(app);
  await tutoringRoutes(app);
  await meetingsRoutes(app);
  await ambassadorsRoutes(app);
}
