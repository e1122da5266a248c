/** The saved estimate in the household file's life cycle: erased with the file, part of its export and of the agent's timeline. */
import type { DossiersHooks } from '../dossiers/index';
import { deleteEstimate, estimateRowsForExport, getEstimate } from './droits-potentiels.store';

export const potentialDossiersHooks: DossiersHooks = {
  erasure: async (t, householdId) => deleteEstimate(t, householdId),

  export: async (q, householdId) => ({ droits_estimates: await estimateRowsForExport(q, householdId) }),

  timeline: async (q, householdId) => {
    const row = await getEstimate(q, householdId);
    if (!row) return [];
    return [
      {
        at: row.updatedAt.toISOString(),
        kind: 'droits.estimate',
        title: 'Estimation des droits enregistrée',
        detail: row.missed.length ? `${row.missed.length} aide(s) probablement non demandée(s)` : 'Aucune aide manquante repérée',
        module: 'droits',
      },
    ];
  },
};
