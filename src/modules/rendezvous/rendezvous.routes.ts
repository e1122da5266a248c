/** HTTP of rendez-vous: the offer, slots, bookings, waitlist, agenda, ICS, emergency childcare. */
import type { App } from '../../platform/http/types';
import { fileBody, noContent } from '../../platform/response-schemas';
import { book, cancelBooking, markBooking, moveBooking } from './bookings.service';
import { createAbsence, createLieu, createMotif, createPlage, motifsFor } from './catalogue.service';
import { answerEmergency, emergencyInbox, fileEmergency, myEmergencies, setMyOnCall } from './emergency.service';
import * as s from './rendezvous.schemas';
import { listSlots } from './slots.service';
import { agenda, agentFeed, bookingIcs, householdBookings, myBookings, renewFeed } from './views.service';
import { acceptOffer, joinWaitlist, leaveWaitlist } from './waitlist.service';

const tags = ['rendezvous'];
const STAFF = ['agent', 'coordinator'] as const;
const FAMILY_OR_STAFF = ['parent', 'agent', 'coordinator'] as const;

export default async function rendezvousRoutes(app: App) {
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
    { config: { access: STAFF }, schema: { tags, summary: 'Déclarer une absence ou une fermeture', body: s.absenceInput, response: { 201: s.createdOut } } },
    async (req, reply) => reply.status(201).send(await createAbsence(req.ctx, { ...req.body, start: new Date(req.body.start), end: new Date(req.body.end) })),
  );
  app.get(
    '/api/rendezvous/slots',
    {
      config: { access: [...FAMILY_OR_STAFF, 'partner'] },
      schema: { tags, summary: "Créneaux libres d'un motif", querystring: s.slotsQuery, response: { 200: s.slotsOut } },
    },
    async (req) => listSlots(req.ctx, req.query.motifId, req.query.from, req.query.days),
  );

  // ———————————————————————————— bookings
  app.post(
    '/api/rendezvous/bookings',
    { config: { access: FAMILY_OR_STAFF }, schema: { tags, summary: 'Réserver un créneau', body: s.bookInput, response: { 201: s.bookOut } } },
    async (req, reply) => reply.status(201).send(await book(req.ctx, { ...req.body, start: new Date(req.body.start) })),
  );
  app.get(
    '/api/rendezvous/mine',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Mes rendez-vous et listes d’attente', response: { 200: s.myBookingsOut } } },
    async (req) => myBookings(req.ctx),
  );
  app.post(
    '/api/rendezvous/bookings/:id/cancel',
    { config: { access: FAMILY_OR_STAFF }, schema: { tags, summary: 'Annuler un rendez-vous', params: s.idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await cancelBooking(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/rendezvous/bookings/:id/move',
    {
      config: { access: FAMILY_OR_STAFF },
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
      config: { access: FAMILY_OR_STAFF },
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
      config: { access: FAMILY_OR_STAFF },
      schema: { tags, summary: "Refuser la place ou quitter la liste d'attente", params: s.idParams, response: { 204: noContent } },
    },
    async (req, reply) => {
      await leaveWaitlist(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ———————————————————————————— agents
  app.get(
    '/api/rendezvous/agenda',
    { config: { access: STAFF }, schema: { tags, summary: "Agenda d'un agent", querystring: s.agendaQuery, response: { 200: s.bookingsOut } } },
    async (req) => agenda(req.ctx, new Date(req.query.from), new Date(req.query.to), req.query.agentId),
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
        response: { 200: s.bookingsOut },
      },
    },
    async (req) => householdBookings(req.ctx, req.params.id, req.query.reason),
  );
  app.post(
    '/api/rendezvous/feed',
    { config: { access: STAFF }, schema: { tags, summary: 'Nouvelle adresse privée de calendrier', response: { 201: s.feedOut } } },
    async (req, reply) => reply.status(201).send(await renewFeed(req.ctx)),
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
