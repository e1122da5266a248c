/** What rendez-vous feeds the action plan: bookings honoured, no-show rate, use of the permanences, by neighbourhood. */
import { defineIndicator } from '../../platform/indicators';
import { valuesByHouseholdNeighbourhood } from '../dossiers';
import { bookingStatusesBetween, permanenceUseBetween, type BookingOrigin } from './bookings.store';

export const honouredIndicator = defineIndicator({
  id: 'rendezvous.honoured',
  label: 'Rendez-vous honorés',
  unit: 'rendez-vous',
  description: 'Rendez-vous de la période où la personne est venue (marqués « vu » par un agent).',
  async compute(q, { from, to }) {
    const rows = await bookingStatusesBetween(q, from, to);
    return valuesByHouseholdNeighbourhood(q, rows, (l) => l.filter((r) => r.status === 'seen').length);
  },
});

export const noShowIndicator = defineIndicator({
  id: 'rendezvous.no-show-rate',
  label: 'Taux de rendez-vous non honorés',
  unit: '%',
  description: 'Part des rendez-vous passés marqués « absent » parmi ceux marqués « vu » ou « absent ».',
  async compute(q, { from, to }) {
    const rows = (await bookingStatusesBetween(q, from, to)).filter((r) => r.status === 'seen' || r.status === 'noshow');
    return valuesByHouseholdNeighbourhood(q, rows, (l) => Math.round((1000 * l.filter((r) => r.status === 'noshow').length) / l.length) / 10);
  },
});

const ORIGINS: { origin: BookingOrigin; label: string }[] = [
  { origin: 'family', label: 'Pris en ligne par la famille' },
  { origin: 'desk', label: 'Pris au guichet par un agent' },
  { origin: 'partner', label: 'Proposé par un partenaire (orientation)' },
];

export const bookingsIndicator = defineIndicator({
  id: 'rendezvous.bookings',
  label: 'Rendez-vous pris (permanences, ateliers, garde)',
  unit: 'rendez-vous',
  description:
    'Rendez-vous de la période, hors annulations, par quartier de la famille : usage de chaque permanence ; le détail par origine (famille, guichet, partenaire) est sur la page de l’indicateur.',
  async compute(q, { from, to }) {
    const rows = (await bookingStatusesBetween(q, from, to)).filter((r) => r.status !== 'excused' && r.status !== 'revoked');
    return valuesByHouseholdNeighbourhood(q, rows, (l) => l.length);
  },
  async breakdown(ctx, { from, to }) {
    const rows = (await bookingStatusesBetween(ctx.db, from, to)).filter((r) => r.status !== 'excused' && r.status !== 'revoked');
    return { by: 'Origine du rendez-vous', rows: ORIGINS.map((o) => ({ label: o.label, value: rows.filter((r) => r.origin === o.origin).length })) };
  },
});

export const permanenceUseIndicator = defineIndicator({
  id: 'rendezvous.permanence-use',
  label: 'Fréquentation des permanences par quartier',
  unit: 'rendez-vous',
  description:
    'Rendez-vous des permanences (santé, droits, guichet itinérant) de la période, hors annulations, par quartier du lieu où elles se tiennent ; le détail par permanence et par lieu est sur la page de l’indicateur.',
  async compute(q, { from, to }) {
    const byHood = new Map<string | null, number>();
    for (const r of await permanenceUseBetween(q, from, to)) byHood.set(r.neighbourhood, (byHood.get(r.neighbourhood) ?? 0) + r.value);
    return [...byHood].map(([neighbourhood, value]) => ({ neighbourhood, value })).sort((a, b) => (a.neighbourhood ?? '').localeCompare(b.neighbourhood ?? ''));
  },
  async breakdown(ctx, { from, to }) {
    const hoods = new Map(ctx.town.neighbourhoods.map((n) => [n.id, n.name]));
    return {
      by: 'Permanence et lieu',
      detail: 'Quartier du lieu',
      rows: (await permanenceUseBetween(ctx.db, from, to)).map((r) => ({
        label: r.lieu ? `${r.motif} — ${r.lieu}` : r.motif,
        detail: r.neighbourhood ? (hoods.get(r.neighbourhood) ?? null) : null,
        value: r.value,
      })),
    };
  },
});

export const rendezvousIndicators = [honouredIndicator, noShowIndicator, bookingsIndicator, permanenceUseIndicator];
