/**
 * Indicators the pilotage module adds to the platform registry, read from platform
 * tables: accounts created by role, and files opened by agents per neighbourhood (from
 * the audit log, the neighbourhood being the household's, through dossiers' index).
 */
import { defineIndicator, type IndicatorDef, type IndicatorValue } from '../../platform/indicators';
import { householdNeighbourhoods } from '../dossiers/index';

const ROLE_ACCOUNTS = [
  { role: 'parent', id: 'pilotage.parent-accounts', label: 'Comptes de parents créés', unit: 'comptes' },
  { role: 'agent', id: 'pilotage.agent-accounts', label: "Comptes d'agents créés", unit: 'comptes' },
  { role: 'partner', id: 'pilotage.partner-accounts', label: 'Comptes de partenaires créés', unit: 'comptes' },
] as const;

export const accountIndicators: IndicatorDef[] = ROLE_ACCOUNTS.map((r) =>
  defineIndicator({
    id: r.id,
    label: r.label,
    unit: r.unit,
    description: `Comptes « ${r.role} » ouverts sur la période (hors comptes de démonstration). Un compte n'a pas de quartier : la valeur est celle de toute la ville.`,
    async compute(q, { from, to }) {
      const { rows } = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM users WHERE role = $1 AND NOT is_demo AND created_at >= $2 AND created_at < $3`,
        [r.role, from, to],
      );
      return [{ neighbourhood: null, value: rows[0]?.n ?? 0 }];
    },
  }),
);

export const filesOpenedIndicator = defineIndicator({
  id: 'pilotage.files-opened',
  label: 'Dossiers ouverts par les agents',
  unit: 'ouvertures',
  description: "Nombre d'ouvertures d'un dossier de famille par un agent (avec un motif, selon le journal d'audit) sur la période, par quartier du foyer.",
  async compute(q, { from, to }) {
    const { rows } = await q.query<{ household_id: string; n: number }>(
      `SELECT household_id, count(*)::int AS n FROM audit_log
        WHERE action = 'dossiers/opened' AND actor_role = 'agent' AND household_id IS NOT NULL AND at >= $1 AND at < $2
        GROUP BY household_id`,
      [from, to],
    );
    // One bulk lookup through dossiers' index: neighbourhood ids only, no family data.
    const hoods = await householdNeighbourhoods(
      q,
      rows.map((r) => r.household_id),
    );
    const sums = new Map<string | null, number>();
    for (const r of rows) {
      const n = hoods.get(r.household_id) ?? null;
      sums.set(n, (sums.get(n) ?? 0) + r.n);
    }
    return [...sums].map(([neighbourhood, value]): IndicatorValue => ({ neighbourhood, value }));
  },
});

export const pilotageIndicators: IndicatorDef[] = [...accountIndicators, filesOpenedIndicator];
