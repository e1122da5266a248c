/** HTTP of the ambassadors' meetings and the neighbourhood's follow-up. */
import type { App } from '../../platform/http/types';
import { okSchema } from '../../platform/response-schemas';
import { idParams } from './entraide.schemas';
import { meetingInput, neighbourhoodActivityOut, neighbourhoodQuery, registerInput, registrationsOut, upcomingMeetingsOut } from './meetings.schemas';
import * as svc from './meetings.service';
import { COMMITTEE, creation, idAction, listing, PARENT, tags } from './routes-kit';

export default async function meetingsRoutes(app: App) {
  listing(app, '/api/entraide/meetings', PARENT, 'Les rencontres à venir de mon quartier', upcomingMeetingsOut, svc.upcomingMeetings);
  creation(app, '/api/entraide/meetings', COMMITTEE, 'Organiser une rencontre du quartier (parent ambassadeur, agent)', meetingInput, svc.createMeeting);
  app.post(
    '/api/entraide/meetings/:id/register',
    {
      config: { access: PARENT },
      schema: { tags, summary: 'Inscrire ma famille à une rencontre', params: idParams, body: registerInput, response: { 200: okSchema } },
    },
    async (req) => svc.registerMeeting(req.ctx, req.params.id, req.body.people),
  );
  idAction(app, '/api/entraide/meetings/:id/unregister', PARENT, 'Désinscrire ma famille', svc.unregisterMeeting);
  idAction(app, '/api/entraide/meetings/:id/cancel', COMMITTEE, 'Annuler une rencontre (les familles inscrites sont prévenues)', svc.cancelMeeting);
  app.get(
    '/api/entraide/meetings/:id/registrations',
    {
      config: { access: COMMITTEE },
      schema: { tags, summary: 'Les familles inscrites à une rencontre', params: idParams, response: { 200: registrationsOut } },
    },
    async (req) => svc.meetingRegistrations(req.ctx, req.params.id),
  );
  app.get(
    '/api/entraide/neighbourhood-activity',
    {
      config: { access: COMMITTEE },
      schema: {
        tags,
        summary: "L'activité du quartier (parent ambassadeur, agent)",
        querystring: neighbourhoodQuery,
        response: { 200: neighbourhoodActivityOut },
      },
    },
    async (req) => svc.neighbourhoodActivity(req.ctx, req.query.neighbourhoodId),
  );
  idAction(app, '/api/entraide/households/:id/welcome', COMMITTEE, 'Nouvelle famille accueillie', svc.welcomeNewcomer);
}
