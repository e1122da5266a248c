/**
 * The family card: what a booking needs of a file (who the parent is and how to reach
 * them, the children's first names and birth dates), in one query — for hot paths that
 * must not load the whole file (situation, housing, documents, quotient). Access is the
 * caller's to check (assertCanAccess, or the parent's own file).
 */
import type { Queryable } from '../../platform/db/pool';

export interface FamilyCard {
  id: string;
  parentUserId: string | null;
  parent: { firstName: string | null; lastName: string | null; phone: string | null; email: string | null };
  children: { id: string; firstName: string; birthDate: string }[];
}

const CARD = `SELECT h.id, p.user_id AS "parentUserId",
       json_build_object('firstName', p.first_name, 'lastName', p.last_name, 'phone', p.phone, 'email', p.email) AS parent,
       coalesce((SELECT json_agg(json_build_object('id', c.id, 'firstName', c.first_name, 'birthDate', to_char(c.birth_date, 'YYYY-MM-DD'))
                                 ORDER BY c.birth_date, c.created_at, c.id)
                   FROM household_children c WHERE c.household_id = h.id), '[]') AS children
  FROM households h LEFT JOIN household_members p ON p.household_id = h.id AND p.kind = 'parent'`;

/** The card of an active file. */
export async function familyCard(q: Queryable, householdId: string): Promise<FamilyCard | null> {
  const { rows } = await q.query<FamilyCard>(`${CARD} WHERE h.id = $1 AND h.status = 'active'`, [householdId]);
  return rows[0] ?? null;
}

/** The card of the active file a parent account holds. */
export async function familyCardOfUser(q: Queryable, userId: string): Promise<FamilyCard | null> {
  const { rows } = await q.query<FamilyCard>(`${CARD} WHERE p.user_id = $1 AND h.status = 'active' LIMIT 1`, [userId]);
  return rows[0] ?? null;
}

/**
 * The card of a file with its status and the reason of the staff member's open grant (if
 * any), in one query: a hot path's access check and read together (card-access.ts).
 */
export async function familyCardWithGrant(
  q: Queryable,
  householdId: string,
  userId: string,
  now: Date,
): Promise<(FamilyCard & { status: string; grantReason: string | null }) | null> {
  const { rows } = await q.query<FamilyCard & { status: string; grantReason: string | null }>({
    // A hot path (a booking at the desk): prepared once per connection (parsed and planned once).
    name: 'dossiers.family-card-with-grant',
    text: `SELECT card.*, (SELECT status FROM households WHERE id = $1) AS status,
            (SELECT g.reason FROM household_access_grants g WHERE g.household_id = $1 AND g.user_id = $2 AND g.expires_at > $3
              ORDER BY g.opened_at DESC LIMIT 1) AS "grantReason"
       FROM (${CARD} WHERE h.id = $1) card`,
    values: [householdId, userId, now],
  });
  return rows[0] ?? null;
}
