/**
 * Indicators the pilotage module adds to the platform registry, read from platform
 * tables: accounts created by role, and files opened by agents per neighbourhood (from
 * the audit log, the neighbourhood being the household's, through dossiers' index).
 */
import { countActionsPerHousehold } from '../../platform/audit';
import { countAccountsCreated } from '../../platform/auth/auth.service';
import { defineIndicator, type IndicatorDef } from '../../platform/indicators';
import { sumsByHouseholdNeighbourhood } from '../dossiers/index';

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
      return [{ neighbourhood: null, value: await countAccountsCreated(q, r.role, from, to) }];
    },
  }),
);

export const filesOpenedIndicator = defineIndicator({
  id: 'pilotage.files-opened',
  label: 'Dossiers ouverts par les agents',
  unit: 'ouvertures',
  description: "Nombre d'ouvertures d'un dossier de famille par un agent (avec un motif, selon le journal d'audit) sur la période, par quartier du foyer.",
  async compute(q, { from, to }) {
    const rows = await countActionsPerHousehold(q, { action: 'dossiers/opened', actorRole: 'agent', from, to });
    return sumsByHouseholdNeighbourhood(q, rows);
  },
});

export const pilotageIndicators: IndicatorDef[] = [...accountIndicators, filesOpenedIndicator];
