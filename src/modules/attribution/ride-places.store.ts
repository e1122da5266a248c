/** For the entraide's covoiturage: the places a household accepted (confirmed offers), with the group's site and period. */
import type { Queryable } from '../../platform/db/pool';

export type AdmittedPlace = {
  offerId: string;
  campaignTitle: string;
  groupLabel: string;
  site: string;
  period: string;
  childFirstName: string | null;
};

export async function admittedPlaces(q: Queryable, householdId: string): Promise<AdmittedPlace[]> {
  const { rows } = await q.query<AdmittedPlace>(
    `SELECT o.id AS "offerId", c.title AS "campaignTitle", g.label AS "groupLabel", g.site, g.period, a.child_first_name AS "childFirstName"
       FROM attribution_offers o
       JOIN attribution_applications a ON a.id = o.application_id
       JOIN attribution_groups g ON g.id = o.group_id
       JOIN attribution_campaigns c ON c.id = a.campaign_id
      WHERE a.household_id = $1 AND o.status = 'confirmed' AND a.status = 'submitted'
      ORDER BY o.created_at DESC, o.id LIMIT 50`,
    [householdId],
  );
  return rows;
}
