/**
 * For the evaluation of the measure in pilotage: Pass verifications per partner's
 * neighbourhood, and per partner on the indicator's page (counted, never who), and redemptions per kind of chèque by the family's
 * neighbourhood (through dossiers' index: neighbourhood ids only).
 */
import { defineIndicator, type IndicatorDef, type IndicatorValue } from '../../platform/indicators';
import { sumsByHouseholdNeighbourhood } from '../dossiers/index';
import { KIND_LABELS, KINDS } from './kinds';
import { redemptionsOfKind, verificationsByNeighbourhood, verificationsByStructure } from './pass.store';
import { structureBasics } from './structures';

export const passVerificationsIndicator = defineIndicator({
  id: 'cheques.pass-verifications',
  label: 'Vérifications du Pass Famille Solo chez les partenaires',
  unit: 'vérifications',
  description:
    'Nombre de Pass Famille Solo présentés et vérifiés chez un partenaire sur la période, par quartier du partenaire ; le détail par partenaire est sur la page de l’indicateur (on compte les passages, jamais qui).',
  async compute(q, { from, to }) {
    return (await verificationsByNeighbourhood(q, from, to)).map((r): IndicatorValue => ({ neighbourhood: r.neighbourhood, value: r.n }));
  },
  async breakdown(ctx, { from, to }) {
    const hoods = new Map(ctx.town.neighbourhoods.map((n) => [n.id, n.name]));
    const rows = [];
    for (const r of await verificationsByStructure(ctx.db, from, to)) {
      rows.push({
        label: (await structureBasics(ctx, r.structureId))?.name ?? 'Partenaire retiré de l’annuaire',
        detail: r.neighbourhood ? (hoods.get(r.neighbourhood) ?? null) : null,
        value: r.n,
      });
    }
    return { by: 'Partenaire', detail: 'Quartier du partenaire', rows };
  },
});

export const redemptionIndicators: IndicatorDef[] = KINDS.map((kind) =>
  defineIndicator({
    id: `cheques.redemptions-${kind}`,
    label: `Paiements avec ${KIND_LABELS[kind].toLowerCase()}`,
    unit: 'paiements',
    description: `Paiements chez un partenaire (${KIND_LABELS[kind]}) sur la période, hors paiements annulés, par quartier de la famille.`,
    async compute(q, { from, to }) {
      const rows = await redemptionsOfKind(q, kind, from, to);
      return sumsByHouseholdNeighbourhood(q, rows);
    },
  }),
);

export const chequesIndicators: IndicatorDef[] = [passVerificationsIndicator, ...redemptionIndicators];
