/** HTTP and WebSocket of the groupes de parole. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Role } from '../../platform/roles';
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
  wordCheckInput,
  wordCheckOut,
  wordInput,
  wordsOut,
  wsInfoOut,
} from './groupes.schemas';
import * as svc from './groupes.service';
import { COORDINATION, PARTICIPANTS, ROOM_CREATORS } from './groupes.service';
import { LiveHub, type LiveSocket } from './live';
import * as moderation from './moderation.service';
import { NEUTRAL_PAGE } from './neutral-page';
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

type Input<P, B, Q> = { params: P; body: B; query: Q };

/**
 * One JSON operation of the API: who may call it (default: the rooms' participants), its
 * zod schemas, and the use case it calls. `created` answers 201 instead of 200.
 */
function op<O extends z.ZodType, P extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  app: App,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  o: { summary: string; access?: Role[]; params?: P; body?: B; query?: Q; out: O; created?: boolean },
  run: (ctx: Ctx, i: Input<z.output<P>, z.output<B>, z.output<Q>>) => Promise<z.input<O>>,
) {
  app.route({
    method,
    url,
    config: { access: o.access ?? PARTICIPANTS },
    schema: {
      tags,
      summary: o.summary,
      ...(o.params && { params: o.params }),
      ...(o.body && { body: o.body }),
      ...(o.query && { querystring: o.query }),
      response: { [o.created ? 201 : 200]: o.out },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const out = await run(req.ctx, req as unknown as Input<z.output<P>, z.output<B>, z.output<Q>>);
      return reply.status(o.created ? 201 : 200).send(out);
    },
    // The schemas are generic here: the types flow through `run`, the serializer checks the answer.
  } as never);
}

export default async function groupesRoutes(app: App) {
  let hub: LiveHub | null = null;
  const hubOf = (ctx: Ctx) => (hub ??= new LiveHub(ctx));
  app.addHook('onClose', async () => {
    await hub?.close();
  });

  // ------------------------------------------------------------ rooms and messages
  const room = { params: idParams };
  const message = { params: roomMessageParams };
  const member = { params: roomUserParams };
  op(app, 'GET', '/api/groupes/rooms', { summary: 'Les groupes de parole, par thème et quartier', out: roomsOut }, (ctx) => svc.listRooms(ctx));
  op(app, 'POST', '/api/groupes/rooms', { summary: 'Créer un groupe', access: ROOM_CREATORS, body: roomInput, out: createdOut, created: true }, (ctx, i) =>
    svc.createRoom(ctx, i.body),
  );
  op(app, 'GET', '/api/groupes/rooms/:id', { summary: 'Un groupe : son état, ses séances', ...room, out: roomOut }, (ctx, i) => svc.getRoom(ctx, i.params.id));
  op(app, 'POST', '/api/groupes/rooms/:id/join', { summary: 'Rejoindre (ou revenir) avec un pseudonyme', ...room, body: joinInput, out: okOut }, (ctx, i) =>
    svc.joinRoom(ctx, i.params.id, i.body.pseudonym),
  );
  op(app, 'POST', '/api/groupes/rooms/:id/leave', { summary: 'Quitter le groupe (on peut revenir)', ...room, out: okOut }, (ctx, i) =>
    svc.leaveRoom(ctx, i.params.id),
  );
  op(
    app,
    'POST',
    '/api/groupes/rooms/:id/facilitators',
    { summary: 'Nommer un animateur (agent ou coordination)', access: COORDINATION, ...room, body: facilitatorInput, out: okOut },
    (ctx, i) => svc.appointFacilitator(ctx, i.params.id, i.body, i.body.pseudonym),
  );
  op(
    app,
    'DELETE',
    '/api/groupes/rooms/:id/facilitators/:userId',
    { summary: "Mettre fin à l'animation d'une personne (elle quitte le groupe)", access: COORDINATION, ...member, out: okOut },
    (ctx, i) => svc.withdrawFacilitator(ctx, i.params.id, i.params.userId),
  );
  op(app, 'GET', '/api/groupes/rooms/:id/messages', { summary: 'Messages après un numéro', ...room, query: historyQuery, out: historyOut }, (ctx, i) =>
    svc.history(ctx, i.params.id, i.query.after),
  );
  op(app, 'POST', '/api/groupes/rooms/:id/messages', { summary: 'Écrire un message', ...room, body: messageInput, out: postedOut, created: true }, (ctx, i) =>
    svc.postMessage(ctx, i.params.id, i.body.body),
  );
  op(app, 'DELETE', '/api/groupes/rooms/:id/messages/:seq', { summary: 'Supprimer son propre message', ...message, out: okOut }, (ctx, i) =>
    svc.deleteOwnMessage(ctx, i.params.id, i.params.seq),
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
        "Ouvrir en WebSocket avec ?after=<dernier numéro reçu>. Trames JSON : message, update, ready, room, member, alert. Les messages s'écrivent par POST /api/groupes/rooms/:id/messages. La connexion se ferme quand la session prend fin.",
    }),
    wsHandler: async (socket: LiveSocket, req: FastifyRequest) => {
      const { id } = req.params as { id: string };
      const { after } = req.query as { after: number };
      try {
        const a = await svc.readerAccess(req.ctx, req.ctx.db, id);
        await hubOf(req.ctx).attach(socket, {
          userId: a.user.id,
          session: req.sessionToken!,
          roomId: id,
          moderator: a.moderator,
          coordination: svc.isCoordination(req.ctx),
          floor: a.floor,
          after,
        });
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'internal';
        socket.close(code === 'internal' ? 1011 : 4403, code);
      }
    },
  } as never);

  // ------------------------------------------------------------ safety
  op(
    app,
    'POST',
    '/api/groupes/rooms/:id/messages/:seq/report',
    { summary: 'Signaler un message (anonyme pour les modérateurs)', ...message, body: reportInput, out: createdOut, created: true },
    (ctx, i) => moderation.reportMessage(ctx, i.params.id, i.params.seq, i.body.reason),
  );
  op(
    app,
    'POST',
    '/api/groupes/rooms/:id/messages/:seq/block',
    { summary: "Bloquer l'auteur d'un message (dans les deux sens)", ...message, out: okOut },
    (ctx, i) => moderation.blockAuthor(ctx, i.params.id, i.params.seq),
  );
  op(app, 'GET', '/api/groupes/blocks', { summary: 'Mes blocages', out: blocksOut }, (ctx) => moderation.listBlocks(ctx));
  op(app, 'DELETE', '/api/groupes/blocks/:id', { summary: 'Débloquer', ...room, out: okOut }, (ctx, i) => moderation.unblock(ctx, i.params.id));
  op(
    app,
    'POST',
    '/api/groupes/rooms/:id/messages/:seq/hide',
    { summary: "Masquer un message (l'auteur voit pourquoi)", ...message, body: hideInput, out: okOut },
    (ctx, i) => moderation.hideMessage(ctx, i.params.id, i.params.seq, i.body.reason),
  );
  op(app, 'PUT', '/api/groupes/rooms/:id/pin', { summary: 'Épingler un message (ou aucun)', ...room, body: pinInput, out: okOut }, (ctx, i) =>
    moderation.pinMessage(ctx, i.params.id, i.body.seq),
  );
  op(app, 'PUT', '/api/groupes/rooms/:id/slow-mode', { summary: 'Mode lent', ...room, body: slowModeInput, out: okOut }, (ctx, i) =>
    moderation.setSlowMode(ctx, i.params.id, i.body.seconds),
  );
  op(
    app,
    'PUT',
    '/api/groupes/rooms/:id/members/:userId/mute',
    { summary: 'Mettre en sourdine (0 : lever)', ...member, body: muteInput, out: okOut },
    (ctx, i) => moderation.muteMember(ctx, i.params.id, i.params.userId, i.body.minutes),
  );
  op(app, 'POST', '/api/groupes/rooms/:id/members/:userId/remove', { summary: 'Retirer du groupe', ...member, out: okOut }, (ctx, i) =>
    moderation.removeMember(ctx, i.params.id, i.params.userId),
  );
  op(app, 'POST', '/api/groupes/rooms/:id/members/:userId/readmit', { summary: 'Réadmettre une personne retirée', ...member, out: okOut }, (ctx, i) =>
    moderation.readmitMember(ctx, i.params.id, i.params.userId),
  );
  op(
    app,
    'POST',
    '/api/groupes/rooms/:id/members/:userId/purge',
    { summary: "Masquer les messages récents d'une personne", ...member, body: purgeInput, out: purgedOut },
    (ctx, i) => moderation.purgeRecent(ctx, i.params.id, i.params.userId, i.body.hours, i.body.reason),
  );
  op(app, 'GET', '/api/groupes/moderation', { summary: 'Signalements et alertes des groupes que je modère', out: moderationOut }, (ctx) =>
    moderation.moderationQueue(ctx),
  );
  op(app, 'POST', '/api/groupes/reports/:id/resolve', { summary: 'Traiter un signalement', ...room, body: resolveInput, out: okOut }, (ctx, i) =>
    moderation.resolveReport(ctx, i.params.id, i.body.resolution, i.body.reason),
  );
  op(app, 'POST', '/api/groupes/alerts/:id/acknowledge', { summary: 'Prendre en charge une alerte', ...room, out: okOut }, (ctx, i) =>
    moderation.acknowledgeAlert(ctx, i.params.id),
  );

  // ------------------------------------------------------------ word list, retention (coordination)
  const coordination = { access: COORDINATION };
  op(app, 'GET', '/api/groupes/words', { summary: 'Mots de vigilance', ...coordination, out: wordsOut }, (ctx) => moderation.listWords(ctx));
  op(
    app,
    'POST',
    '/api/groupes/words',
    { summary: 'Ajouter un mot ou une expression autorisée', ...coordination, body: wordInput, out: createdOut, created: true },
    (ctx, i) => moderation.addWord(ctx, i.body),
  );
  op(app, 'DELETE', '/api/groupes/words/:id', { summary: 'Retirer un mot', ...coordination, ...room, out: okOut }, (ctx, i) =>
    moderation.removeWord(ctx, i.params.id),
  );
  op(
    app,
    'POST',
    '/api/groupes/words/check',
    { summary: 'Essayer la liste sur une phrase (rien n’est enregistré)', ...coordination, body: wordCheckInput, out: wordCheckOut },
    (ctx, i) => moderation.checkText(ctx, i.body.text),
  );
  op(app, 'GET', '/api/groupes/settings', { summary: 'Durée de conservation', ...coordination, out: settingsOut }, (ctx) => moderation.getSettings(ctx));
  op(app, 'PUT', '/api/groupes/settings', { summary: 'Changer la durée de conservation', ...coordination, body: retentionInput, out: settingsOut }, (ctx, i) =>
    moderation.setRetention(ctx, i.body.days),
  );

  // ------------------------------------------------------------ live sessions
  op(app, 'GET', '/api/groupes/sessions', { summary: 'Séances à venir', out: sessionsOut }, (ctx) => sessions.listUpcoming(ctx));
  op(
    app,
    'POST',
    '/api/groupes/rooms/:id/sessions',
    { summary: 'Programmer une séance (animateurs)', ...room, body: sessionInput, out: createdOut, created: true },
    (ctx, i) => sessions.scheduleSession(ctx, i.params.id, i.body),
  );
  op(
    app,
    'PUT',
    '/api/groupes/sessions/:id/registration',
    { summary: "S'inscrire à une séance (ou se désinscrire)", ...room, body: registerInput, out: okOut },
    (ctx, i) => sessions.registerToSession(ctx, i.params.id, i.body.registered),
  );
  op(app, 'POST', '/api/groupes/sessions/:id/close', { summary: 'Clore la séance', ...room, out: okOut }, (ctx, i) => sessions.closeSession(ctx, i.params.id));
  op(app, 'POST', '/api/groupes/sessions/:id/summary', { summary: 'Publier le compte rendu', ...room, body: summaryInput, out: okOut }, (ctx, i) =>
    sessions.postSummary(ctx, i.params.id, i.body.summary),
  );

  // ------------------------------------------------------------ quick exit
  // Where the quick exit leads: a plain page outside the web app (no menu, no name of
  // Relais, no script), under an address that says nothing.
  app.get('/cuisine', { config: { access: 'public' }, schema: { hide: true, produces: ['text/html'] } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NEUTRAL_PAGE),
  );
}
