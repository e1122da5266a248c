/** Indicators of the household file for the action plan's dashboard. */
import { defineIndicator } from '../../platform/indicators';

export const filesIndicator = defineIndicator({
  id: 'dossiers.files-created',
  label: 'Dossiers uniques créés',
  unit: 'dossiers',
  description: 'Nombre de dossiers de foyer créés sur la période (par la famille ou à l’accueil), par quartier.',
  async compute(q, { from, to }) {
    const { rows } = await q.query<{ neighbourhood: string | null; value: number }>(
      `SELECT neighbourhood_id AS neighbourhood, count(*)::int AS value FROM households
        WHERE status = 'active' AND NOT is_demo AND created_at >= $1 AND created_at < $2 GROUP BY 1`,
      [from, to],
    );
    return rows;
  },
});
