/** HTTP of appointing a parent ambassador from the family's file (agent, coordinator). */
import { z } from 'zod';
import type { App } from '../../platform/http/types';
import type { Access } from '../../platform/roles';
import * as svc from './ambassadors.service';
import { idParams } from './entraide.schemas';
import { idAction, tags } from './routes-kit';

const FILE_STAFF: Access = ['agent', 'coordinator'];
const place = z.object({ id: z.string(), name: z.string() }).nullable();
export const householdAmbassadorOut = z.object({ hasAccount: z.boolean(), parentName: z.string().nullable(), neighbourhood: place, ambassadorOf: place });

export default async function ambassadorsRoutes(app: App) {
  app.get(
    '/api/entraide/households/:id/ambassador',
    {
      config: { access: FILE_STAFF },
      schema: {
        tags,
        summary: 'Le parent du foyer, son quartier, et s’il est ambassadeur (dossier ouvert)',
        params: idParams,
        response: { 200: householdAmbassadorOut },
      },
    },
    async (req) => svc.householdAmbassador(req.ctx, req.params.id),
  );
  idAction(app, '/api/entraide/households/:id/ambassador', FILE_STAFF, 'Nommer le parent du foyer ambassadeur de son quartier', svc.appointHouseholdAmbassador);
  idAction(
    app,
    '/api/entraide/households/:id/ambassador/remove',
    FILE_STAFF,
    'Retirer au parent du foyer son rôle d’ambassadeur',
    svc.removeHouseholdAmbassador,
  );
}
