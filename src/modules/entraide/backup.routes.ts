/** HTTP of the garde de dépannage (the roster of trusted neighbours and short-notice requests). */
import type { App } from '../../platform/http/types';
import { okSchema } from '../../platform/response-schemas';
import * as svc from './backup.service';
import { backupCreatedOut, backupInput, myBackupOut, rosterInput } from './entraide.schemas';
import { idAction, listing, PARENT, tags } from './routes-kit';

export default async function backupRoutes(app: App) {
  listing(app, '/api/entraide/backup', PARENT, 'Ma liste de dépannage, mes demandes, celles des parents qui me font confiance', myBackupOut, svc.myBackup);
  app.post(
    '/api/entraide/roster',
    {
      config: { access: PARENT },
      schema: { tags, summary: 'Ajouter le parent d’une conversation à ma liste de dépannage', body: rosterInput, response: { 200: okSchema } },
    },
    async (req) => svc.addToRoster(req.ctx, req.body.answerId),
  );
  idAction(app, '/api/entraide/roster/:id/remove', PARENT, 'Retirer un parent de ma liste de dépannage', svc.removeFromRoster);
  app.post(
    '/api/entraide/backup',
    {
      config: { access: PARENT },
      schema: { tags, summary: 'Demander une garde de dépannage à toute ma liste', body: backupInput, response: { 201: backupCreatedOut } },
    },
    async (req, reply) => reply.status(201).send(await svc.requestBackup(req.ctx, req.body)),
  );
  idAction(app, '/api/entraide/backup/:id/accept', PARENT, 'Accepter une demande de dépannage (le premier la prend)', svc.acceptBackup);
  idAction(app, '/api/entraide/backup/:id/cancel', PARENT, 'Annuler ma demande de dépannage', svc.cancelBackup);
}
