/**
 * For the evaluation of the measure in pilotage: Pass verifications per partner's
 * neighbourhood (counted, never who), and redemptions per kind of chèque by the family's
 * neighbourhood (through dossiers' index: neighbourhood ids only).
 */
import { defineIndicator, type IndicatorDef, type IndicatorValue } from '../../platform/indicators';
import { householdNeighbourhoods } from '../dossiers/index';
import { KIND_LABELS, KINDS } from './kinds';
import { redemptionsOfKind, verificationsByNeighbourhood } from './pass.store';

export const passVerificationsIndicator = defineIndicator({
  id: 'cheques.pass-verifications',
  label: 'Vérifications du Pass Famille Solo chez les partenaires',
  unit: 'vérifications',
  description:
    'Nombre de Pass Famille Solo présentés et vérifiés chez un partenaire sur la période, par quartier du partenaire (on compte les passages, jamais qui).',
  async compute(q, { from, to }) {
    return (await verificationsByNeighbourhood(q, from, to)).map((r): IndicatorValue => ({ neighbourhood: r.neighbourhood, value: r.n }));
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
      const hoods = await householdNeighbourhoods(
        q,
        rows.flatMap((r) => (r.householdId ? [r.householdId] : [])),
      );
      const sums = new Map<string | null, number>();
      for (const r of rows) {
        const n = r.householdId ? (hoods.get(r.householdId) ?? null) : null;
        sums.set(n, (sums.get(n) ?? 0) + r.n);
      }
      return [...sums].map(([neighbourhood, value]): IndicatorValue => ({ neighbourhood, value }));
    },
  }),
);

export const chequesIndicators: IndicatorDef[] = [passVerificationsIndicator, ...redemptionIndicators];
