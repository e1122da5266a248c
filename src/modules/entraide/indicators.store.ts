/** SQL of the entraide's indicators for the action plan (demo rows left out). */
import type { Queryable } from '../../platform/db/pool';

/** Posts published in the period, by the post's neighbourhood. */
export async function postsByNeighbourhood(q: Queryable, from: Date, to: Date): Promise<{ neighbourhood: string; value: number }[]> {
  const { rows } = await q.query<{ neighbourhood: string; value: number }>(
    `SELECT neighbourhood_id AS neighbourhood, count(*)::int AS value FROM entraide_posts
      WHERE NOT is_demo AND created_at >= $1 AND created_at < $2 GROUP BY neighbourhood_id`,
    [from, to],
  );
  return rows;
}

/** Posts answered in the period (first answer in the period), by the post's neighbourhood. */
export async function answeredPostsByNeighbourhood(q: Queryable, from: Date, to: Date): Promise<{ neighbourhood: string; value: number }[]> {
  const { rows } = await q.query<{ neighbourhood: string; value: number }>(
    `SELECT p.neighbourhood_id AS neighbourhood, count(*)::int AS value FROM entraide_posts p
      WHERE NOT p.is_demo AND (SELECT min(a.created_at) FROM entraide_answers a WHERE a.post_id = p.id) >= $1
        AND (SELECT min(a.created_at) FROM entraide_answers a WHERE a.post_id = p.id) < $2
      GROUP BY p.neighbourhood_id`,
    [from, to],
  );
  return rows;
}

/** Households with a loan handed over in the period (loans or gifts), and how many. */
export async function loansStartedByHousehold(q: Queryable, from: Date, to: Date): Promise<{ householdId: string; n: number }[]> {
  const { rows } = await q.query<{ householdId: string; n: number }>(
    `SELECT l.household_id AS "householdId", count(*)::int AS n FROM entraide_loans l JOIN entraide_items i ON i.id = l.item_id
      WHERE NOT i.is_demo AND l.started_at >= $1 AND l.started_at < $2 GROUP BY l.household_id`,
    [from, to],
  );
  return rows;
}

/** Households in a crew confirmed and formed in the period. */
export async function rideHouseholds(q: Queryable, from: Date, to: Date): Promise<{ householdId: string; n: number }[]> {
  const { rows } = await q.query<{ householdId: string; n: number }>(
    `SELECT r.household_id AS "householdId", count(*)::int AS n FROM entraide_rides r JOIN entraide_crews c ON c.id = r.crew_id
      WHERE NOT c.is_demo AND c.status = 'confirmed' AND c.created_at >= $1 AND c.created_at < $2 GROUP BY r.household_id`,
    [from, to],
  );
  return rows;
}

/** Families who joined a cooperative in the period, by the cooperative's neighbourhood. */
export async function coopFamiliesByNeighbourhood(q: Queryable, from: Date, to: Date): Promise<{ neighbourhood: string; value: number }[]> {
  const { rows } = await q.query<{ neighbourhood: string; value: number }>(
    `SELECT c.neighbourhood_id AS neighbourhood, count(*)::int AS value FROM entraide_coop_members m JOIN entraide_coops c ON c.id = m.coop_id
      WHERE NOT c.is_demo AND m.joined_at >= $1 AND m.joined_at < $2 GROUP BY c.neighbourhood_id`,
    [from, to],
  );
  return rows;
}
