/** HTTP of rendez-vous: the offer, slots, bookings, waitlist, agenda, ICS, emergency childcare. */
import type { FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/roles';
import type { App } from '../../platform/http/types';
import { assertOwnOrigin, EmergencySignals, type SignalSocket } from './emergency-live';
import { fileBody, noContent } from '../../platform/response-schemas';
import { book, cancelBooking, markBooking, moveBooking } from './bookings.service';
import {
  createAbsence,
  createLieu,
  createMotif,
  createPlage,
  createResource,
  motifsFor,
  offerForStaff,
  removeAbsence,
  removePlage,
  updateResourceCapacities,
  withdrawMotif,
} from './catalogue.service';
import { answerEmergency, emergencyInbox, fileEmergency, myEmergencies, setMyOnCall } from './emergency.service';
import * as s from './rendezvous.schemas';
import { changeSession } from './session-change.service';
import { listSlots } from './slots.service';
import { agenda, agentFeed, bookingIcs, householdBookings, myBookings, partnerHousehold, renewFeed, revokeFeed } from './views.service';
import { acceptOffer, joinWaitlist, leaveWaitlist } from './waitlist.service';

const tags = ['rendezvous'];
const STAFF = ['agent', 'coordinator'] as const;
const FAMILY_OR_STAFF = ['parent', 'agent', 'coordinator'] as const;
/** Who books: a family, staff at the desk, a partner structure on referral (a family that consented to it). */
const BOOKERS = [...FAMILY_OR_STAFF, 'partner'] as const;

export default async function rendezvousRoutes(app: App) {
  let signals: EmergencySignals | null = null;
  app.addHook('onClose', async () => {
    await signals?.close();
  });

  // ———————————————————————————— the offer
  app.get(
    '/api/rendezvous/motifs',
    { config: { access: [...FAMILY_OR_STAFF, 'partner'] }, schema: { tags, summary: 'Motifs de rendez-vous', response: { 200: s.motifsOut } } },
    async (req) => motifsFor(req.ctx),
  );
  app.post(
    '/api/rendezvous/motifs',
    { config: { access: STAFF }, schema: { tags, summary: 'Créer un motif', body: s.motifInput, response: { 201: s.createdOut } } },
    async (req, reply) => reply.status(201).send(await createMotif(req.ctx, req.body)),
  );
  app.post(
    '/api/rendezvous/lieux',
    { config: { access: STAFF }, schema: { tags, summary: 'Créer un lieu', body: s.lieuInput, response: { 201: s.createdOut } } },
    async (req, reply) => reply.status(201).send(await createLieu(req.ctx, req.body)),
  );
  app.post(
    '/api/rendezvous/plages',
    { config: { access: STAFF }, schema: { tags, summary: "Créer une plage d'ouverture", body: s.plageInput, response: { 201: s.createdOut } } },
    async (req, reply) => reply.status(201).send(await createPlage(req.ctx, req.body)),
  );
  app.post(
    '/api/rendezvous/absences',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Déclarer une absence ou une fermeture', body: s.absenceInput, response: { 201: s.absenceCreatedOut } },
    },
    async (req, reply) => reply.status(201).send(await createAbsence(req.ctx, req.body)),
  );
  app.get(
    '/api/rendezvous/offer',
    { config: { access: STAFF }, schema: { tags, summary: "L'offre à régler : motifs, lieux, ressources, plages, absences", response: { 200: s.offerOut } } },
    async (req) => offerForStaff(req.ctx),
  );
  app.post(
    '/api/rendezvous/motifs/:id/withdraw',
    { config: { access: ['coordinator'] }, schema: { tags, summary: "Retirer un motif de l'offre", params: s.idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await withdrawMotif(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/rendezvous/resources',
    {
      config: { access: ['coordinator'] },
      schema: { tags, summary: 'Créer une ressource (crèche, répit) et ses places', body: s.resourceInput, response: { 201: s.createdOut } },
    },
    async (req, reply) => reply.status(201).send(await createResource(req.ctx, req.body)),
  );
  app.put(
    '/api/rendezvous/resources/:id/capacities',
    {
      config: { access: ['coordinator'] },
      schema: { tags, summary: "Places par demi-journée et tranche d'âge", params: s.idParams, body: s.capacitiesBody, response: { 204: noContent } },
    },
    async (req, reply) => {
      await updateResourceCapacities(req.ctx, req.params.id, req.body.capacities);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/rendezvous/plages/:id',
    { config: { access: STAFF }, schema: { tags, summary: "Supprimer une plage d'ouverture", params: s.idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await removePlage(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/rendezvous/absences/:id',
    { config: { access: STAFF }, schema: { tags, summary: 'Supprimer une absence ou une fermeture', params: s.idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await removeAbsence(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/rendezvous/slots',
    {
      config: { access: [...FAMILY_OR_STAFF, 'partner'] },
      schema: { tags, summary: "Créneaux libres d'un motif", querystring: s.slotsQuery, response: { 200: s.slotsOut } },
    },
    async (req) => listSlots(req.ctx, req.query.motifId, req.query.from, req.query.days, { childId: req.query.childId, householdId: req.query.householdId }),
  );

  // ———————————————————————————— bookings
  app.post(
    '/api/rendezvous/bookings',
    { config: { access: BOOKERS }, schema: { tags, summary: 'Réserver un créneau', body: s.bookInput, response: { 201: s.bookOut } } },
    async (req, reply) => reply.status(201).send(await book(req.ctx, { ...req.body, start: new Date(req.body.start) })),
  );
  app.get(
    '/api/rendezvous/mine',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Mes rendez-vous et listes d’attente', response: { 200: s.myBookingsOut } } },
    async (req) => myBookings(req.ctx),
  );
  app.get(
    '/api/rendezvous/partner/households/:id',
    {
      config: { access: ['partner'] },
      schema: {
        tags,
        summary: 'Une famille orientée vers ma structure : ce qu’elle a partagé et les rendez-vous que ma structure lui a proposés',
        params: s.idParams,
        response: { 200: s.partnerHouseholdOut },
      },
    },
    async (req) => partnerHousehold(req.ctx, req.params.id),
  );
  app.post(
    '/api/rendezvous/bookings/:id/cancel',
    { config: { access: BOOKERS }, schema: { tags, summary: 'Annuler un rendez-vous', params: s.idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await cancelBooking(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/rendezvous/bookings/:id/move',
    {
      config: { access: BOOKERS },
      schema: { tags, summary: 'Déplacer un rendez-vous', params: s.idParams, body: s.moveInput, response: { 204: noContent } },
    },
    async (req, reply) => {
      await moveBooking(req.ctx, req.params.id, { ownerId: req.body.ownerId, start: new Date(req.body.start) });
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/rendezvous/bookings/:id/status',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Marquer vu, absent, excusé ou annulé', params: s.idParams, body: s.statusInput, response: { 204: noContent } },
    },
    async (req, reply) => {
      await markBooking(req.ctx, req.params.id, req.body.status);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/rendezvous/bookings/:id/ics',
    {
      config: { access: FAMILY_OR_STAFF },
      schema: {
        tags,
        summary: 'Le rendez-vous au format calendrier',
        params: s.idParams,
        produces: ['text/calendar'],
        response: { 200: fileBody('Fichier iCalendar') },
      },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rendez-vous.ics"')
        .send(await bookingIcs(req.ctx, req.params.id)),
  );

  // ———————————————————————————— waitlist
  app.post(
    '/api/rendezvous/waitlist',
    {
      config: { access: BOOKERS },
      schema: { tags, summary: "Rejoindre la liste d'attente d'un créneau complet", body: s.bookInput, response: { 201: s.waitOut } },
    },
    async (req, reply) => reply.status(201).send(await joinWaitlist(req.ctx, { ...req.body, start: new Date(req.body.start) })),
  );
  app.post(
    '/api/rendezvous/waitlist/:id/accept',
    { config: { access: FAMILY_OR_STAFF }, schema: { tags, summary: 'Accepter la place proposée', params: s.idParams, response: { 201: s.acceptOut } } },
    async (req, reply) => reply.status(201).send(await acceptOffer(req.ctx, req.params.id)),
  );
  app.post(
    '/api/rendezvous/waitlist/:id/leave',
    {
      config: { access: BOOKERS },
      schema: { tags, summary: "Refuser la place ou quitter la liste d'attente", params: s.idParams, response: { 204: noContent } },
    },
    async (req, reply) => {
      await leaveWaitlist(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ———————————————————————————— agents
  app.post(
    '/api/rendezvous/sessions/:id/change',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Changer le lieu ou l'agent d'un créneau (les familles sont prévenues)",
        params: s.idParams,
        body: s.sessionChangeInput,
        response: { 200: s.sessionChangeOut },
      },
    },
    async (req) => changeSession(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/rendezvous/agenda',
    { config: { access: STAFF }, schema: { tags, summary: "Agenda d'un agent", querystring: s.agendaQuery, response: { 200: s.agendaOut } } },
    async (req) =>
      agenda(
        req.ctx,
        {
          day: req.query.day,
          days: req.query.days,
          from: req.query.from ? new Date(req.query.from) : undefined,
          to: req.query.to ? new Date(req.query.to) : undefined,
        },
        req.query.agentId,
      ),
  );
  app.get(
    '/api/rendezvous/households/:id/bookings',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Rendez-vous d'une famille (depuis son dossier)",
        params: s.idParams,
        querystring: s.historyQuery,
        response: { 200: s.householdBookingsOut },
      },
    },
    async (req) => householdBookings(req.ctx, req.params.id, req.query.reason),
  );
  app.post(
    '/api/rendezvous/feed',
    { config: { access: STAFF }, schema: { tags, summary: 'Nouvelle adresse privée de calendrier', response: { 201: s.feedOut } } },
    async (req, reply) => reply.status(201).send(await renewFeed(req.ctx)),
  );
  app.delete(
    '/api/rendezvous/feed',
    { config: { access: STAFF }, schema: { tags, summary: 'Désactiver l’adresse privée de calendrier', response: { 204: noContent } } },
    async (req, reply) => {
      await revokeFeed(req.ctx);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/rendezvous/feeds/:token',
    {
      config: { access: 'public', rateLimit: { max: 600, windowSeconds: 3600 } },
      schema: {
        tags,
        summary: "Flux calendrier privé d'un agent",
        params: s.tokenParams,
        produces: ['text/calendar'],
        response: { 200: fileBody('Flux iCalendar') },
      },
    },
    async (req, reply) => reply.type('text/calendar; charset=utf-8').send(await agentFeed(req.ctx, req.params.token.replace(/\.ics$/, ''))),
  );

  // ———————————————————————————— emergency childcare
  app.post(
    '/api/rendezvous/emergencies',
    { config: { access: ['parent'] }, schema: { tags, summary: "Demander une garde d'urgence", body: s.emergencyInput, response: { 201: s.emergencyFiled } } },
    async (req, reply) => reply.status(201).send(await fileEmergency(req.ctx, req.body)),
  );
  app.get(
    '/api/rendezvous/emergencies/mine',
    { config: { access: ['parent'] }, schema: { tags, summary: "Mes demandes de garde d'urgence", response: { 200: s.myEmergenciesOut } } },
    async (req) => myEmergencies(req.ctx),
  );
  app.get(
    '/api/rendezvous/emergencies',
    { config: { access: STAFF }, schema: { tags, summary: "Demandes de garde d'urgence (astreinte)", response: { 200: s.inboxOut } } },
    async (req) => emergencyInbox(req.ctx),
  );
  app.route({
    method: 'GET',
    url: '/api/rendezvous/emergencies/live',
    config: { access: STAFF },
    schema: {
      tags,
      summary: "Signal en direct des demandes de garde d'urgence (WebSocket) ; sans Upgrade : la description du protocole",
      response: { 200: s.liveInfoOut },
    },
    preHandler: async (req: FastifyRequest) => {
      if (req.ws) assertOwnOrigin(req);
    },
    handler: async () => ({
      protocol: 'relais-rendezvous-urgences-1' as const,
      description:
        'Ouvrir en WebSocket. Trames JSON : ready, puis emergency à chaque demande déposée ou répondue ; relire alors GET /api/rendezvous/emergencies.',
    }),
    wsHandler: async (socket: SignalSocket, req: FastifyRequest) => {
      try {
        requireRole(req.ctx, 'agent', 'coordinator');
        await (signals ??= new EmergencySignals(req.ctx)).attach(socket);
      } catch {
        socket.close(4403, 'forbidden');
      }
    },
  } as never);
  app.post(
    '/api/rendezvous/emergencies/:id/answer',
    {
      config: { access: STAFF },
      schema: { tags, summary: "Répondre à une demande de garde d'urgence", params: s.idParams, body: s.answerInput, response: { 200: s.answerOut } },
    },
    async (req) => answerEmergency(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/rendezvous/on-call',
    { config: { access: STAFF }, schema: { tags, summary: "Se mettre d'astreinte (ou non)", body: s.onCallInput, response: { 200: s.onCallOut } } },
    async (req) => setMyOnCall(req.ctx, req.body.on),
  );
}
