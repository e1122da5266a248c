/** HTTP of the tutorat. */
import type { App } from '../../platform/http/types';
import { createdSchema, okSchema } from '../../platform/response-schemas';
import { assignInput, idParams, myTutoringOut, sessionInput, tutoringInput, tutoringQueueOut, tutorInput, tutorsOut } from './entraide.schemas';
import { creation, listing, PARENT, STAFF, tags } from './routes-kit';
import * as svc from './tutoring.service';

export default async function tutoringRoutes(app: App) {
  listing(app, '/api/entraide/tutors', STAFF, 'Tuteurs bénévoles', tutorsOut, async (ctx) => ({ tutors: await svc.listTutors(ctx) }));
  creation(app, '/api/entraide/tutors', STAFF, 'Inscrire un tuteur bénévole (validé par l’agent)', tutorInput, svc.addTutor);
  listing(app, '/api/entraide/tutoring', PARENT, 'Mes demandes de tutorat', myTutoringOut, svc.myTutoring);
  creation(app, '/api/entraide/tutoring', PARENT, 'Demander un tutorat pour un enfant', tutoringInput, svc.askTutoring);
  listing(app, '/api/entraide/tutoring/queue', STAFF, 'Demandes de tutorat à attribuer, avec les tuteurs proposés', tutoringQueueOut, async (ctx) => ({
    requests: await svc.requestsToMatch(ctx),
  }));
  app.post(
    '/api/entraide/tutoring/:id/assign',
    { config: { access: STAFF }, schema: { tags, summary: 'Attribuer un tuteur', params: idParams, body: assignInput, response: { 200: okSchema } } },
    async (req) => svc.assignTutor(req.ctx, req.params.id, req.body.tutorId),
  );
  app.post(
    '/api/entraide/tutoring/:id/sessions',
    {
      config: { access: ['parent', 'agent', 'coordinator', 'admin'] },
      schema: { tags, summary: 'Noter une séance faite', params: idParams, body: sessionInput, response: { 201: createdSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.logSession(req.ctx, req.params.id, req.body)),
  );
}
