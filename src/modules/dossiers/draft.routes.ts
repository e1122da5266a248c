/** HTTP routes of the household file's drafts: the family's own, per form (`remplir`, `renouvellement`). */
import type { App } from '../../platform/http/types';
import { noContent } from '../../platform/response-schemas';
import * as drafts from './draft.service';
import { draftBody, draftParams, draftSavedOut, draftWrapOut } from './draft.schemas';

const parent = ['parent'] as const;
const tags = ['dossiers'];

export default async function draftRoutes(app: App) {
  app.get(
    '/api/dossiers/me/brouillons/:form',
    {
      config: { access: parent },
      schema: { params: draftParams, response: { 200: draftWrapOut }, tags, summary: 'Mon brouillon du dossier (ce que j’ai saisi, pas encore enregistré)' },
    },
    async (req) => drafts.getDraft(req.ctx, req.params.form),
  );

  app.put(
    '/api/dossiers/me/brouillons/:form',
    {
      config: { access: parent },
      schema: { params: draftParams, body: draftBody, response: { 200: draftSavedOut }, tags, summary: 'Garder ce que je viens de saisir (à chaque étape)' },
    },
    async (req) => drafts.saveDraft(req.ctx, req.params.form, req.body),
  );

  app.delete(
    '/api/dossiers/me/brouillons/:form',
    {
      config: { access: parent },
      schema: { params: draftParams, response: { 204: noContent }, tags, summary: 'Effacer mon brouillon (recommencer)' },
    },
    async (req, reply) => {
      await drafts.discardDraft(req.ctx, req.params.form);
      return reply.status(204).send(null);
    },
  );
}
