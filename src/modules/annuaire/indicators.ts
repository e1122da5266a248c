/** Indicators the action plan can follow: services listed per neighbourhood. */
import { defineIndicator } from '../../platform/indicators';
import { servicesByNeighbourhood } from './annuaire.store';

export const servicesListedIndicator = defineIndicator({
  id: 'annuaire.services-listed',
  label: "Services référencés dans l'annuaire",
  unit: 'services',
  description: "Nombre de services de l'annuaire (hors données de démonstration) créés avant la fin de la période, par quartier.",
  async compute(q, { to }) {
    const rows = await servicesByNeighbourhood(q, to);
    return rows.map((r) => ({ neighbourhood: r.quartier, value: r.n }));
  },
});
