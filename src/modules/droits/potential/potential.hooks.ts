/** The saved estimate in the household file's life cycle: erased with the file, part of its export and of the agent's timeline. */
import { registerErasureHook, registerExportSource, registerTimelineSource } from '../../dossiers/index';
import { deleteEstimate, estimateRowsForExport, getEstimate } from './potential.store';

registerErasureHook('droits-potentiels', async (t, householdId) => deleteEstimate(t, householdId));

registerExportSource('droits-potentiels', async (q, householdId) => ({ droits_estimates: await estimateRowsForExport(q, householdId) }));

registerTimelineSource('droits-potentiels', async (q, householdId) => {
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
});
