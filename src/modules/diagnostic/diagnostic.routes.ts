/** HTTP of the diagnostic: building and results (coordination), kiosk (agents), answering (public). */
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import { binaryBody, fileBody } from '../../platform/response-schemas';
import {
  capabilitiesOut,
  checkOut,
  createdLinksOut,
  importedOut,
  linksOut,
  publicQuestionnaireOut,
  questionnairesOut,
  questionnaireViewOut,
  resultsOut,
  savedOut,
  sessionOut,
  submittedOut,
} from './diagnostic.schemas';
import { parisInstant } from '../../platform/clock';
import { abortOnDisconnect } from '../../platform/http/disconnect';
import { parseFilter } from './analyse-survey';
import { resumeAnswering, publicQuestionnaire, saveAnswers, startAnswering, startKioskResponse, submitAnswers } from './answering.service';
import listeningRoutes from './listening.routes';
import { checkQuestionnaire } from './questionnaire';
import {
  closeQuestionnaire,
  createLinks,
  createQuestionnaire,
  getQuestionnaire,
  listLinks,
  listQuestionnaires,
  publishQuestionnaire,
  updateQuestionnaire,
} from './questionnaires.service';
import { capabilities, exportResponsesCsv, getReport, getResults, importResponsesCsv, type ResultsQuery } from './results.service';

/** A spreadsheet reads the CSV as UTF-8 when it starts with a byte order mark. */
async function* withBom(chunks: AsyncIterable<string>) {
  yield '\uFEFF';
  yield* chunks;
}

const BUILDERS = ['coordinator', 'admin'] as const;
const COLLECTORS = ['agent', 'coordinator', 'admin'] as const;
const tags = ['diagnostic'];

const idParams = z.object({ id: z.uuid({ message: 'Identifiant invalide.' }) });
const access = z.enum(['links', 'open']);
const token = z.string().min(10).max(200);
const answers = z.record(z.string().max(100), z.unknown());

const resultsQuery = z.object({
  by: z.string().max(64).optional(),
  filter: z.union([z.string().max(300), z.array(z.string().max(300)).max(20)]).optional(),
  from: z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' }).optional(),
  to: z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' }).optional(),
});

function toResultsQuery(q: z.infer<typeof resultsQuery>): ResultsQuery {
  const filters = q.filter === undefined ? [] : (Array.isArray(q.filter) ? q.filter : [q.filter]).filter((f) => f.trim() !== '').map(parseFilter);
  return {
    by: q.by || undefined,
    filters,
    from: q.from ? parisInstant(q.from) : undefined,
    // `to` is a day included in the period.
    to: q.to ? new Date(parisInstant(q.to).getTime() + 24 * 3600 * 1000) : undefined,
  };
}

export default async function diagnosticRoutes(app: App) {
  // Listening sessions, verbatims, analysis and personas (the diagnostic's qualitative part).
  await listeningRoutes(app);

  // ------------------------------------------------------------ building (coordination)
  app.get(
    '/api/diagnostic/questionnaires',
    { config: { access: COLLECTORS }, schema: { response: { 200: questionnairesOut }, tags, summary: 'Questionnaires' } },
    async (req) => ({
      questionnaires: await listQuestionnaires(req.ctx),
    }),
  );

  app.post(
    '/api/diagnostic/questionnaires',
    {
      config: { access: BUILDERS },
      schema: {
        response: { 201: questionnaireViewOut },
        tags,
        summary: 'Créer un questionnaire (brouillon)',
        body: z.object({ definition: z.unknown(), access: access.optional() }),
      },
    },
    async (req, reply) => reply.status(201).send(await createQuestionnaire(req.ctx, req.body)),
  );

  app.post(
    '/api/diagnostic/questionnaires/check',
    {
      config: { access: BUILDERS },
      schema: { response: { 200: checkOut }, tags, summary: 'Vérifier un questionnaire sans l’enregistrer', body: z.object({ definition: z.unknown() }) },
    },
    async (req) => {
      const r = checkQuestionnaire(req.body.definition);
      return r.ok ? { ok: true, errors: [] } : { ok: false, errors: r.errors };
    },
  );

  app.get(
    '/api/diagnostic/questionnaires/:id',
    { config: { access: COLLECTORS }, schema: { response: { 200: questionnaireViewOut }, tags, summary: 'Un questionnaire', params: idParams } },
    async (req) => getQuestionnaire(req.ctx, req.params.id),
  );

  app.put(
    '/api/diagnostic/questionnaires/:id',
    {
      config: { access: BUILDERS },
      schema: {
        response: { 200: questionnaireViewOut },
        tags,
        summary: 'Modifier le brouillon',
        params: idParams,
        body: z.object({ definition: z.unknown().optional(), access: access.optional() }),
      },
    },
    async (req) => updateQuestionnaire(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/diagnostic/questionnaires/:id/publish',
    { config: { access: BUILDERS }, schema: { response: { 200: questionnaireViewOut }, tags, summary: 'Publier le brouillon', params: idParams } },
    async (req) => publishQuestionnaire(req.ctx, req.params.id),
  );

  app.post(
    '/api/diagnostic/questionnaires/:id/close',
    {
      config: { access: BUILDERS },
      schema: {
        response: { 200: questionnaireViewOut },
        tags,
        summary: 'Clore ou rouvrir la collecte',
        params: idParams,
        body: z.object({ closed: z.boolean() }),
      },
    },
    async (req) => closeQuestionnaire(req.ctx, req.params.id, req.body.closed),
  );

  app.post(
    '/api/diagnostic/questionnaires/:id/links',
    {
      config: { access: BUILDERS },
      schema: {
        response: { 201: createdLinksOut },
        tags,
        summary: 'Créer des liens à usage unique',
        params: idParams,
        body: z.object({ count: z.number().int().min(1).max(500), label: z.string().max(200).nullish() }),
      },
    },
    async (req, reply) => reply.status(201).send({ links: await createLinks(req.ctx, req.params.id, req.body) }),
  );

  app.get(
    '/api/diagnostic/questionnaires/:id/links',
    { config: { access: BUILDERS }, schema: { response: { 200: linksOut }, tags, summary: 'Liens à usage unique', params: idParams } },
    async (req) => ({
      links: await listLinks(req.ctx, req.params.id),
    }),
  );

  // ------------------------------------------------------------ kiosk (agents)
  app.post(
    '/api/diagnostic/questionnaires/:id/kiosk',
    {
      config: { access: COLLECTORS },
      schema: { response: { 201: sessionOut }, tags, summary: 'Kiosque : commencer une réponse en face à face', params: idParams },
    },
    async (req, reply) => reply.status(201).send(await startKioskResponse(req.ctx, req.params.id)),
  );

  // ------------------------------------------------------------ results (coordination)
  app.get(
    '/api/diagnostic/capabilities',
    { config: { access: BUILDERS }, schema: { response: { 200: capabilitiesOut }, tags, summary: 'Exports disponibles' } },
    async () => capabilities(),
  );

  app.get(
    '/api/diagnostic/questionnaires/:id/results',
    {
      config: { access: BUILDERS },
      schema: { response: { 200: resultsOut }, tags, summary: 'Résultats (filtres, croisement)', params: idParams, querystring: resultsQuery },
    },
    async (req) => getResults(req.ctx, req.params.id, toResultsQuery(req.query)),
  );

  app.get(
    '/api/diagnostic/questionnaires/:id/report',
    {
      config: { access: BUILDERS },
      schema: {
        produces: ['text/html', 'text/markdown', 'application/pdf'],
        response: { 200: binaryBody('Le rapport en HTML, Markdown ou PDF (selon format)') },
        tags,
        summary: 'Rapport de diagnostic (HTML, Markdown, PDF)',
        params: idParams,
        querystring: resultsQuery.extend({ format: z.enum(['html', 'md', 'pdf']).default('html') }),
      },
    },
    async (req, reply) => {
      const r = await getReport(req.ctx, req.params.id, { ...toResultsQuery(req.query), format: req.query.format }, abortOnDisconnect(reply));
      return reply.header('content-type', r.contentType).header('content-disposition', `attachment; filename="${r.fileName}"`).send(r.body);
    },
  );

  app.get(
    '/api/diagnostic/questionnaires/:id/responses.csv',
    {
      config: { access: BUILDERS },
      schema: {
        produces: ['text/csv'],
        response: { 200: fileBody('Les réponses, une ligne par personne (CSV)') },
        tags,
        summary: 'Réponses (CSV)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const r = await exportResponsesCsv(req.ctx, req.params.id);
      const body = Readable.from(withBom(r.chunks));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${r.fileName}"`)
        .send(body as unknown as string); // a stream of that text (the schema documents the file)
    },
  );

  app.post(
    '/api/diagnostic/questionnaires/:id/import',
    {
      config: { access: BUILDERS },
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        response: { 200: importedOut },
        tags,
        summary: 'Importer des réponses (CSV)',
        params: idParams,
        body: z.object({ csv: z.string().max(60 * 1024 * 1024), fileName: z.string().max(200).nullish() }),
      },
    },
    async (req) => importResponsesCsv(req.ctx, req.params.id, req.body),
  );

  // ------------------------------------------------------------ answering (public, no account)
  app.get(
    '/api/diagnostic/public/questionnaires/:id',
    {
      config: { access: 'public' },
      schema: { response: { 200: publicQuestionnaireOut }, tags, summary: 'Questionnaire ouvert : titre et questions', params: idParams },
    },
    async (req) => publicQuestionnaire(req.ctx, req.params.id),
  );

  app.post(
    '/api/diagnostic/answering/start',
    {
      config: { access: 'public', rateLimit: { max: 60, windowSeconds: 3600 } },
      schema: {
        response: { 201: sessionOut },
        tags,
        summary: 'Commencer à répondre (lien à usage unique ou questionnaire ouvert)',
        body: z.object({ questionnaireId: z.uuid().optional(), linkToken: token.optional() }),
      },
    },
    async (req, reply) => reply.status(201).send(await startAnswering(req.ctx, req.body)),
  );

  app.post(
    '/api/diagnostic/answering/resume',
    { config: { access: 'public' }, schema: { response: { 200: sessionOut }, tags, summary: 'Reprendre ses réponses', body: z.object({ token }) } },
    async (req) => resumeAnswering(req.ctx, req.body.token),
  );

  app.post(
    '/api/diagnostic/answering/save',
    {
      config: { access: 'public' },
      schema: { response: { 200: savedOut }, tags, summary: 'Enregistrer ses réponses en cours', body: z.object({ token, answers }) },
    },
    async (req) => saveAnswers(req.ctx, req.body.token, req.body.answers),
  );

  app.post(
    '/api/diagnostic/answering/submit',
    { config: { access: 'public' }, schema: { response: { 200: submittedOut }, tags, summary: 'Envoyer ses réponses', body: z.object({ token, answers }) } },
    async (req) => submitAnswers(req.ctx, req.body.token, req.body.answers),
  );
}
