/** HTTP of the covoiturage to children's activities. */
import type { App } from '../../platform/http/types';
import { rideInput, rideRegisteredOut, rideSourcesOut, myRidesOut } from './entraide.schemas';
import { requireFamily } from './access';
import { rideSources } from './ride-sources.service';
import * as ridesSvc from './rides.service';
import { idAction, listing, PARENT, tags } from './routes-kit';

export default async function ridesRoutes(app: App) {
  listing(app, '/api/entraide/rides', PARENT, 'Mes trajets partagés vers les activités', myRidesOut, ridesSvc.myRides);
  listing(app, '/api/entraide/rides/sources', PARENT, 'Mes rendez-vous et mes places où un trajet partagé peut aller', rideSourcesOut, async (ctx) => ({
    sources: await rideSources(ctx, await requireFamily(ctx)),
  }));
  app.post(
    '/api/entraide/rides',
    {
      config: { access: PARENT },
      schema: { tags, summary: "S'inscrire au covoiturage d'une activité (proposer ou demander)", body: rideInput, response: { 201: rideRegisteredOut } },
    },
    async (req, reply) => reply.status(201).send(await ridesSvc.registerRide(req.ctx, req.body)),
  );
  idAction(app, '/api/entraide/rides/:id/confirm', PARENT, 'Confirmer le groupe proposé', ridesSvc.confirmRide);
  idAction(app, '/api/entraide/rides/:id/decline', PARENT, 'Quitter le groupe proposé', (ctx, id) => ridesSvc.leaveRide(ctx, id, 'decline'));
  idAction(app, '/api/entraide/rides/:id/cancel', PARENT, 'Annuler mon inscription', (ctx, id) => ridesSvc.leaveRide(ctx, id, 'cancel'));
}
