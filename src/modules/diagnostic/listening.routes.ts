/** HTTP of the listening sessions, their verbatims, their analysis and the personas (coordination only). */
import type { App } from '../../platform/http/types';
import { noContent } from '../../platform/response-schemas';
import { getBeside, getListeningAnalysis } from './listening-analysis.service';
import {
  analysisOut,
  attendanceIn,
  besideOut,
  cancelIn,
  idParams,
  participantIn,
  personaIn,
  personaOut,
  personasOut,
  sessionIn,
  sessionOut,
  sessionsOut,
  sessionUpdateIn,
  structuresOut,
  structuresQuery,
  themesOut,
  verbatimIn,
  verbatimPatchIn,
} from './listening.schemas';
import {
  cancelSession,
  deleteVerbatim,
  getSession,
  getThemes,
  listSessions,
  planSession,
  recordVerbatim,
  registerParticipant,
  searchPartners,
  setAttendance,
  updateSession,
  updateVerbatim,
  withdrawConsent,
} from './listening.service';
import invitationRoutes from './listening-invitations.routes';
import { createPersona, deletePersona, getPersona, listPersonas, updatePersona } from './personas.service';

const LISTENERS = ['coordinator', 'admin'] as const;

/** A route of the coordination: its access, its tag and its summary, then its schemas. */
const to = <S extends object>(summary: string, schema: S) => ({ config: { access: LISTENERS }, schema: { tags: ['diagnostic'], summary, ...schema } });

export default async function listeningRoutes(app: App) {
  await invitationRoutes(app);
  app.get('/api/diagnostic/listening/themes', to('Thèmes des verbatims (liste de la ville)', { response: { 200: themesOut } }), async (req) =>
    getThemes(req.ctx),
  );
  app.get(
    '/api/diagnostic/listening/partners',
    to('Structures partenaires (annuaire)', { querystring: structuresQuery, response: { 200: structuresOut } }),
    async (req) => searchPartners(req.ctx, req.query.q),
  );

  // ------------------------------------------------------------ sessions
  app.get('/api/diagnostic/listening/sessions', to('Séances d’écoute', { response: { 200: sessionsOut } }), async (req) => listSessions(req.ctx));
  app.post(
    '/api/diagnostic/listening/sessions',
    to('Planifier un focus group ou un entretien', { body: sessionIn, response: { 201: sessionOut } }),
    async (req, reply) => reply.status(201).send(await planSession(req.ctx, req.body)),
  );
  app.get(
    '/api/diagnostic/listening/sessions/:id',
    to('Une séance : participants, consentements, notes, verbatims', { params: idParams, response: { 200: sessionOut } }),
    async (req) => getSession(req.ctx, req.params.id),
  );
  app.put(
    '/api/diagnostic/listening/sessions/:id',
    to('Modifier une séance (et ses notes)', { params: idParams, body: sessionUpdateIn, response: { 200: sessionOut } }),
    async (req) => updateSession(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/diagnostic/listening/sessions/:id/cancel',
    to('Annuler une séance', { params: idParams, body: cancelIn, response: { 200: sessionOut } }),
    async (req) => cancelSession(req.ctx, req.params.id, req.body.reason),
  );

  // ------------------------------------------------------------ participants
  app.post(
    '/api/diagnostic/listening/sessions/:id/participants',
    to('Inscrire une personne avec ses consentements', { params: idParams, body: participantIn, response: { 201: sessionOut } }),
    async (req, reply) => reply.status(201).send(await registerParticipant(req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/api/diagnostic/listening/participants/:id/attendance',
    to('Noter la présence', { params: idParams, body: attendanceIn, response: { 200: sessionOut } }),
    async (req) => setAttendance(req.ctx, req.params.id, req.body.attended),
  );
  app.post(
    '/api/diagnostic/listening/participants/:id/withdraw',
    to('Retrait du consentement : la personne n’est plus citée nulle part', { params: idParams, response: { 200: sessionOut } }),
    async (req) => withdrawConsent(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ verbatims
  app.post(
    '/api/diagnostic/listening/sessions/:id/verbatims',
    to('Enregistrer un verbatim', { params: idParams, body: verbatimIn, response: { 201: sessionOut } }),
    async (req, reply) => reply.status(201).send(await recordVerbatim(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/diagnostic/listening/verbatims/:id',
    to('Thèmes, texte, « dans le rapport »', { params: idParams, body: verbatimPatchIn, response: { 200: sessionOut } }),
    async (req) => updateVerbatim(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/diagnostic/listening/verbatims/:id', to('Supprimer un verbatim', { params: idParams, response: { 200: sessionOut } }), async (req) =>
    deleteVerbatim(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ analysis
  app.get('/api/diagnostic/listening/analysis', to('Verbatims par thème et par quartier', { response: { 200: analysisOut } }), async (req) =>
    getListeningAnalysis(req.ctx),
  );
  app.get(
    '/api/diagnostic/questionnaires/:id/voices',
    to('« Ce que disent les parents » à côté des résultats de chaque thème', { params: idParams, response: { 200: besideOut } }),
    async (req) => getBeside(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ personas
  app.get('/api/diagnostic/personas', to('Personas', { response: { 200: personasOut } }), async (req) => listPersonas(req.ctx));
  app.post('/api/diagnostic/personas', to('Écrire un persona', { body: personaIn, response: { 201: personaOut } }), async (req, reply) =>
    reply.status(201).send(await createPersona(req.ctx, req.body)),
  );
  app.get(
    '/api/diagnostic/personas/:id',
    to('Un persona, ses chiffres (à jour) et ses verbatims', { params: idParams, response: { 200: personaOut } }),
    async (req) => getPersona(req.ctx, req.params.id),
  );
  app.put('/api/diagnostic/personas/:id', to('Modifier un persona', { params: idParams, body: personaIn, response: { 200: personaOut } }), async (req) =>
    updatePersona(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/diagnostic/personas/:id', to('Supprimer un persona', { params: idParams, response: { 204: noContent } }), async (req, reply) => {
    await deletePersona(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
}
