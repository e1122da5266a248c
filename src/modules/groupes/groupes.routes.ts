/** HTTP and WebSocket of the groupes de parole. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/types';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import {
  blocksOut,
  createdOut,
  facilitatorInput,
  hideInput,
  historyOut,
  historyQuery,
  idParams,
  joinInput,
  messageInput,
  moderationOut,
  muteInput,
  okOut,
  pinInput,
  postedOut,
  purgedOut,
  purgeInput,
  reportInput,
  resolveInput,
  retentionInput,
  roomInput,
  roomMessageParams,
  roomOut,
  roomsOut,
  roomUserParams,
  sessionInput,
  sessionsOut,
  settingsOut,
  slowModeInput,
  summaryInput,
  wordInput,
  wordsOut,
  wsInfoOut,
} from './groupes.schemas';
import { z } from 'zod';
import * as svc from './groupes.service';
import { COORDINATION, PARTICIPANTS } from './groupes.service';
import { LiveHub, type LiveSocket } from './live';
import * as moderation from './moderation.service';
import * as sessions from './sessions.service';

const tags = ['groupes'];
const registerInput = z.object({ registered: z.boolean() });

/** A browser always sends Origin with a WebSocket: it must be our own pages (cross-site WebSocket hijacking). */
function checkOrigin(req: FastifyRequest) {
  const origin = req.headers.origin;
  if (!origin) return; // not a browser: no ambient cookie to abuse
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('groupes/bad-origin');
  }
  const ours = [req.headers.host, new URL(req.ctx.config.publicUrl).host];
  if (!ours.includes(host)) throw new AppError('groupes/bad-origin');
}

export default async function groupesRoutes(app: App) {
  let hub: LiveHub | null = null;
  const hubOf = (ctx: Ctx) => (hub ??= new LiveHub(ctx));
  app.addHook('onClose', async () => {
    await hub?.close();
  });

  app.get(
    '/api/groupes/rooms',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Les groupes de parole, par thème et quartier', response: { 200: roomsOut } } },
    async (req) => svc.listRooms(req.ctx),
  );
  app.post(
    '/api/groupes/rooms',
    { config: { access: COORDINATION }, schema: { tags, summary: 'Créer un groupe', body: roomInput, response: { 201: createdOut } } },
    async (req, reply) => reply.status(201).send(await svc.createRoom(req.ctx, req.body)),
  );
  app.get(
    '/api/groupes/rooms/:id',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Un groupe : son état, ses séances', params: idParams, response: { 200: roomOut } } },
    async (req) => svc.getRoom(req.ctx, req.params.id),
  );
  app.post(
    '/api/groupes/rooms/:id/join',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: 'Rejoindre avec un pseudonyme', params: idParams, body: joinInput, response: { 200: okOut } },
    },
    async (req) => svc.joinRoom(req.ctx, req.params.id, req.body.pseudonym),
  );
  app.post(
    '/api/groupes/rooms/:id/leave',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Quitter le groupe', params: idParams, response: { 200: okOut } } },
    async (req) => svc.leaveRoom(req.ctx, req.params.id),
  );
  app.post(
    '/api/groupes/rooms/:id/facilitators',
    {
      config: { access: COORDINATION },
      schema: { tags, summary: 'Nommer un animateur (agent ou coordination)', params: idParams, body: facilitatorInput, response: { 200: okOut } },
    },
    async (req) => svc.appointFacilitator(req.ctx, req.params.id, req.body.userId, req.body.pseudonym),
  );
  app.get(
    '/api/groupes/rooms/:id/messages',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: 'Messages après un numéro', params: idParams, querystring: historyQuery, response: { 200: historyOut } },
    },
    async (req) => svc.history(req.ctx, req.params.id, req.query.after),
  );
  app.post(
    '/api/groupes/rooms/:id/messages',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Écrire un message', params: idParams, body: messageInput, response: { 201: postedOut } } },
    async (req, reply) => reply.status(201).send(await svc.postMessage(req.ctx, req.params.id, req.body.body)),
  );
  app.delete(
    '/api/groupes/rooms/:id/messages/:seq',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Supprimer son propre message', params: roomMessageParams, response: { 200: okOut } } },
    async (req) => svc.deleteOwnMessage(req.ctx, req.params.id, req.params.seq),
  );

  // ------------------------------------------------------------ live (WebSocket)
  app.route({
    method: 'GET',
    url: '/api/groupes/rooms/:id/live',
    config: { access: PARTICIPANTS },
    schema: {
      tags,
      summary: 'Messages en direct (WebSocket, ?after=dernier numéro reçu) ; sans Upgrade : la description du protocole',
      params: idParams,
      querystring: historyQuery,
      response: { 200: wsInfoOut },
    },
    preHandler: async (req: FastifyRequest) => {
      if (req.ws) checkOrigin(req);
    },
    handler: async () => ({
      protocol: 'relais-groupes-1' as const,
      description:
        "Ouvrir en WebSocket avec ?after=<dernier numéro reçu>. Trames JSON : message, update, ready, room, member, alert. Les messages s'écrivent par POST /api/groupes/rooms/:id/messages.",
    }),
    wsHandler: async (socket: LiveSocket, req: FastifyRequest) => {
      const { id } = req.params as { id: string };
      const { after } = req.query as { after: number };
      try {
        const a = await svc.readerAccess(req.ctx, req.ctx.db, id);
        await hubOf(req.ctx).attach(socket, { userId: a.user.id, roomId: id, moderator: a.moderator, floor: a.floor, after });
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'internal';
        socket.close(code === 'internal' ? 1011 : 4403, code);
      }
    },
  } as never);

  // ------------------------------------------------------------ safety
  app.post(
    '/api/groupes/rooms/:id/messages/:seq/report',
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags,
        summary: 'Signaler un message (anonyme pour les modérateurs)',
        params: roomMessageParams,
        body: reportInput,
        response: { 201: createdOut },
      },
    },
    async (req, reply) => reply.status(201).send(await moderation.reportMessage(req.ctx, req.params.id, req.params.seq, req.body.reason)),
  );
  app.post(
    '/api/groupes/rooms/:id/messages/:seq/block',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: "Bloquer l'auteur d'un message (dans les deux sens)", params: roomMessageParams, response: { 200: okOut } },
    },
    async (req) => moderation.blockAuthor(req.ctx, req.params.id, req.params.seq),
  );
  app.get('/api/groupes/blocks', { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Mes blocages', response: { 200: blocksOut } } }, async (req) =>
    moderation.listBlocks(req.ctx),
  );
  app.delete(
    '/api/groupes/blocks/:id',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Débloquer', params: idParams, response: { 200: okOut } } },
    async (req) => moderation.unblock(req.ctx, req.params.id),
  );

  app.post(
    '/api/groupes/rooms/:id/messages/:seq/hide',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: "Masquer un message (l'auteur voit pourquoi)", params: roomMessageParams, body: hideInput, response: { 200: okOut } },
    },
    async (req) => moderation.hideMessage(req.ctx, req.params.id, req.params.seq, req.body.reason),
  );
  app.put(
    '/api/groupes/rooms/:id/pin',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: 'Épingler un message (ou aucun)', params: idParams, body: pinInput, response: { 200: okOut } },
    },
    async (req) => moderation.pinMessage(req.ctx, req.params.id, req.body.seq),
  );
  app.put(
    '/api/groupes/rooms/:id/slow-mode',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Mode lent', params: idParams, body: slowModeInput, response: { 200: okOut } } },
    async (req) => moderation.setSlowMode(req.ctx, req.params.id, req.body.seconds),
  );
  app.put(
    '/api/groupes/rooms/:id/members/:userId/mute',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: 'Mettre en sourdine (0 : lever)', params: roomUserParams, body: muteInput, response: { 200: okOut } },
    },
    async (req) => moderation.muteMember(req.ctx, req.params.id, req.params.userId, req.body.minutes),
  );
  app.post(
    '/api/groupes/rooms/:id/members/:userId/remove',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Retirer du groupe', params: roomUserParams, response: { 200: okOut } } },
    async (req) => moderation.removeMember(req.ctx, req.params.id, req.params.userId),
  );
  app.post(
    '/api/groupes/rooms/:id/members/:userId/purge',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: "Masquer les messages récents d'une personne", params: roomUserParams, body: purgeInput, response: { 200: purgedOut } },
    },
    async (req) => moderation.purgeRecent(req.ctx, req.params.id, req.params.userId, req.body.hours, req.body.reason),
  );
  app.get(
    '/api/groupes/moderation',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Signalements et alertes des groupes que je modère', response: { 200: moderationOut } } },
    async (req) => moderation.moderationQueue(req.ctx),
  );
  app.post(
    '/api/groupes/reports/:id/resolve',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Traiter un signalement', params: idParams, body: resolveInput, response: { 200: okOut } } },
    async (req) => moderation.resolveReport(req.ctx, req.params.id, req.body.resolution, req.body.reason),
  );
  app.post(
    '/api/groupes/alerts/:id/acknowledge',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Prendre en charge une alerte', params: idParams, response: { 200: okOut } } },
    async (req) => moderation.acknowledgeAlert(req.ctx, req.params.id),
  );
  app.get(
    '/api/groupes/words',
    { config: { access: COORDINATION }, schema: { tags, summary: 'Mots de vigilance', response: { 200: wordsOut } } },
    async (req) => moderation.listWords(req.ctx),
  );
  app.post(
    '/api/groupes/words',
    {
      config: { access: COORDINATION },
      schema: { tags, summary: 'Ajouter un mot ou une expression autorisée', body: wordInput, response: { 201: createdOut } },
    },
    async (req, reply) => reply.status(201).send(await moderation.addWord(req.ctx, req.body)),
  );
  app.delete(
    '/api/groupes/words/:id',
    { config: { access: COORDINATION }, schema: { tags, summary: 'Retirer un mot', params: idParams, response: { 200: okOut } } },
    async (req) => moderation.removeWord(req.ctx, req.params.id),
  );
  app.get(
    '/api/groupes/settings',
    { config: { access: COORDINATION }, schema: { tags, summary: 'Durée de conservation', response: { 200: settingsOut } } },
    async (req) => moderation.getSettings(req.ctx),
  );
  app.put(
    '/api/groupes/settings',
    { config: { access: COORDINATION }, schema: { tags, summary: 'Changer la durée de conservation', body: retentionInput, response: { 200: settingsOut } } },
    async (req) => moderation.setRetention(req.ctx, req.body.days),
  );

  // ------------------------------------------------------------ live sessions
  app.get(
    '/api/groupes/sessions',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Séances à venir', response: { 200: sessionsOut } } },
    async (req) => sessions.listUpcoming(req.ctx),
  );
  app.post(
    '/api/groupes/rooms/:id/sessions',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: 'Programmer une séance (animateurs)', params: idParams, body: sessionInput, response: { 201: createdOut } },
    },
    async (req, reply) => reply.status(201).send(await sessions.scheduleSession(req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/api/groupes/sessions/:id/registration',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: "S'inscrire à une séance (ou se désinscrire)", params: idParams, body: registerInput, response: { 200: okOut } },
    },
    async (req) => sessions.registerToSession(req.ctx, req.params.id, req.body.registered),
  );
  app.post(
    '/api/groupes/sessions/:id/close',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Clore la séance', params: idParams, response: { 200: okOut } } },
    async (req) => sessions.closeSession(req.ctx, req.params.id),
  );
  app.post(
    '/api/groupes/sessions/:id/summary',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'Publier le compte rendu', params: idParams, body: summaryInput, response: { 200: okOut } } },
    async (req) => sessions.postSummary(req.ctx, req.params.id, req.body.summary),
  );
}
