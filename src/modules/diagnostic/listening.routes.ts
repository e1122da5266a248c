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
import { createPersona, deletePersona, getPersona, listPersonas, updatePersona } from './personas.service';

const LISTENERS = ['coordinator', 'admin'] as const;
const tags = ['diagnostic'];
const config = { access: LISTENERS };

export default async function listeningRoutes(app: App) {
  app.get(
    '/api/diagnostic/listening/themes',
    { config, schema: { tags, summary: 'Thèmes des verbatims (liste de la ville)', response: { 200: themesOut } } },
    async (req) => getThemes(req.ctx),
  );
  app.get(
    '/api/diagnostic/listening/partners',
    { config, schema: { tags, summary: 'Structures partenaires (annuaire)', querystring: structuresQuery, response: { 200: structuresOut } } },
    async (req) => searchPartners(req.ctx, req.query.q),
  );

  // ------------------------------------------------------------ sessions
  app.get('/api/diagnostic/listening/sessions', { config, schema: { tags, summary: 'Séances d’écoute', response: { 200: sessionsOut } } }, async (req) =>
    listSessions(req.ctx),
  );
  app.post(
    '/api/diagnostic/listening/sessions',
    { config, schema: { tags, summary: 'Planifier un focus group ou un entretien', body: sessionIn, response: { 201: sessionOut } } },
    async (req, reply) => reply.status(201).send(await planSession(req.ctx, req.body)),
  );
  app.get(
    '/api/diagnostic/listening/sessions/:id',
    { config, schema: { tags, summary: 'Une séance : participants, consentements, notes, verbatims', params: idParams, response: { 200: sessionOut } } },
    async (req) => getSession(req.ctx, req.params.id),
  );
  app.put(
    '/api/diagnostic/listening/sessions/:id',
    { config, schema: { tags, summary: 'Modifier une séance (et ses notes)', params: idParams, body: sessionUpdateIn, response: { 200: sessionOut } } },
    async (req) => updateSession(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/diagnostic/listening/sessions/:id/cancel',
    { config, schema: { tags, summary: 'Annuler une séance', params: idParams, body: cancelIn, response: { 200: sessionOut } } },
    async (req) => cancelSession(req.ctx, req.params.id, req.body.reason),
  );

  // ------------------------------------------------------------ participants
  app.post(
    '/api/diagnostic/listening/sessions/:id/participants',
    { config, schema: { tags, summary: 'Inscrire une personne avec ses consentements', params: idParams, body: participantIn, response: { 201: sessionOut } } },
    async (req, reply) => reply.status(201).send(await registerParticipant(req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/api/diagnostic/listening/participants/:id/attendance',
    { config, schema: { tags, summary: 'Noter la présence', params: idParams, body: attendanceIn, response: { 200: sessionOut } } },
    async (req) => setAttendance(req.ctx, req.params.id, req.body.attended),
  );
  app.post(
    '/api/diagnostic/listening/participants/:id/withdraw',
    { config, schema: { tags, summary: 'Retrait du consentement : la personne n’est plus citée nulle part', params: idParams, response: { 200: sessionOut } } },
    async (req) => withdrawConsent(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ verbatims
  app.post(
    '/api/diagnostic/listening/sessions/:id/verbatims',
    { config, schema: { tags, summary: 'Enregistrer un verbatim', params: idParams, body: verbatimIn, response: { 201: sessionOut } } },
    async (req, reply) => reply.status(201).send(await recordVerbatim(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/diagnostic/listening/verbatims/:id',
    { config, schema: { tags, summary: 'Thèmes, texte, « dans le rapport »', params: idParams, body: verbatimPatchIn, response: { 200: sessionOut } } },
    async (req) => updateVerbatim(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/diagnostic/listening/verbatims/:id',
    { config, schema: { tags, summary: 'Supprimer un verbatim', params: idParams, response: { 200: sessionOut } } },
    async (req) => deleteVerbatim(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ analysis
  app.get(
    '/api/diagnostic/listening/analysis',
    { config, schema: { tags, summary: 'Verbatims par thème et par quartier', response: { 200: analysisOut } } },
    async (req) => getListeningAnalysis(req.ctx),
  );
  app.get(
    '/api/diagnostic/questionnaires/:id/voices',
    { config, schema: { tags, summary: '« Ce que disent les parents » à côté des résultats de chaque thème', params: idParams, response: { 200: besideOut } } },
    async (req) => getBeside(req.ctx, req.params.id),
  );

  // ------------------------------------------------------------ personas
  app.get('/api/diagnostic/personas', { config, schema: { tags, summary: 'Personas', response: { 200: personasOut } } }, async (req) => listPersonas(req.ctx));
  app.post(
    '/api/diagnostic/personas',
    { config, schema: { tags, summary: 'Écrire un persona', body: personaIn, response: { 201: personaOut } } },
    async (req, reply) => reply.status(201).send(await createPersona(req.ctx, req.body)),
  );
  app.get(
    '/api/diagnostic/personas/:id',
    { config, schema: { tags, summary: 'Un persona, ses chiffres (à jour) et ses verbatims', params: idParams, response: { 200: personaOut } } },
    async (req) => getPersona(req.ctx, req.params.id),
  );
  app.put(
    '/api/diagnostic/personas/:id',
    { config, schema: { tags, summary: 'Modifier un persona', params: idParams, body: personaIn, response: { 200: personaOut } } },
    async (req) => updatePersona(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/diagnostic/personas/:id',
    { config, schema: { tags, summary: 'Supprimer un persona', params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deletePersona(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
