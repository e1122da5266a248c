/** HTTP of the invitations to listening sessions: sent from a household file, answered by the family from its account. */
import type { App } from '../../platform/http/types';
import { answerInvitation, householdSessions, inviteHousehold, INVITERS, myInvitations, withdrawMyConsent } from './listening-invitations.service';
import { answerIn, householdParams, householdSessionsOut, inviteIn, myInvitationsOut, invitationStatus } from './listening-invitations.schemas';
import { idParams } from './listening.schemas';
import { z } from 'zod';

const tags = ['diagnostic'];
const answered = z.object({ status: invitationStatus });
const sent = z.object({ id: z.string(), status: invitationStatus });

export default async function invitationRoutes(app: App) {
  app.get(
    '/api/diagnostic/listening/households/:householdId/sessions',
    {
      config: { access: INVITERS },
      schema: {
        tags,
        summary: 'Séances d’écoute à venir, pour inviter une famille depuis son dossier',
        params: householdParams,
        response: { 200: householdSessionsOut },
      },
    },
    async (req) => householdSessions(req.ctx, req.params.householdId),
  );
  app.post(
    '/api/diagnostic/listening/sessions/:id/invitations',
    {
      config: { access: INVITERS },
      schema: {
        tags,
        summary: 'Inviter une famille depuis son dossier (elle répond depuis son compte)',
        params: idParams,
        body: inviteIn,
        response: { 201: sent },
      },
    },
    async (req, reply) => reply.status(201).send(await inviteHousehold(req.ctx, req.params.id, req.body.householdId)),
  );
  app.get(
    '/api/diagnostic/listening/invitations/mine',
    { config: { access: ['parent'] }, schema: { tags, summary: 'Mes invitations à une séance d’écoute', response: { 200: myInvitationsOut } } },
    async (req) => myInvitations(req.ctx),
  );
  app.post(
    '/api/diagnostic/listening/invitations/:id/answer',
    {
      config: { access: ['parent'] },
      schema: { tags, summary: 'Répondre à une invitation et choisir ses consentements', params: idParams, body: answerIn, response: { 200: answered } },
    },
    async (req) => answerInvitation(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/diagnostic/listening/invitations/:id/withdraw',
    {
      config: { access: ['parent'] },
      schema: { tags, summary: 'Retirer mon accord : mes paroles ne sont plus citées nulle part', params: idParams, response: { 200: answered } },
    },
    async (req) => withdrawMyConsent(req.ctx, req.params.id),
  );
}
