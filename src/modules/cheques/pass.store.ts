/** SQL of the Pass Famille Solo: cards, partners' offers, counted verifications. */
import type { Queryable } from '../../platform/db/pool';

export interface PassRow {
  id: string;
  householdId: string | null;
  number: string;
  firstName: string;
  validFrom: string;
  validUntil: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

const PASS = `id, household_id AS "householdId", number, first_name AS "firstName", valid_from::text AS "validFrom", valid_until::text AS "validUntil",
  issued_at AS "issuedAt", revoked_at AS "revokedAt"`;

export async function insertPass(
  q: Queryable,
  p: { householdId: string; number: string; firstName: string; validFrom: string; validUntil: string; by: string | null; now: Date; isDemo?: boolean },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO cheques_passes (household_id, number, first_name, valid_from, valid_until, issued_at, issued_by, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [p.householdId, p.number, p.firstName, p.validFrom, p.validUntil, p.now, p.by, p.isDemo ?? false],
  );
  return rows[0].id;
}

/** The household's live pass (not revoked), or its latest one. */
export async function passOfHousehold(q: Queryable, householdId: string): Promise<PassRow | null> {
  const { rows } = await q.query<PassRow>(
    `SELECT ${PASS} FROM cheques_passes WHERE household_id = $1 ORDER BY (revoked_at IS NULL) DESC, issued_at DESC LIMIT 1`,
    [householdId],
  );
  return rows[0] ?? null;
}

export async function passById(q: Queryable, id: string, forUpdate = false): Promise<PassRow | null> {
  const { rows } = await q.query<PassRow>(`SELECT ${PASS} FROM cheques_passes WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function passByNumber(q: Queryable, number: string): Promise<PassRow | null> {
  const { rows } = await q.query<PassRow>(`SELECT ${PASS} FROM cheques_passes WHERE number = $1`, [number]);
  return rows[0] ?? null;
}

export async function revokePass(q: Queryable, id: string, by: string, reason: string, now: Date): Promise<boolean> {
  const r = await q.query(`UPDATE cheques_passes SET revoked_at = $2, revoked_by = $3, revoke_reason = $4 WHERE id = $1 AND revoked_at IS NULL`, [
    id,
    now,
    by,
    reason,
  ]);
  return r.rowCount === 1;
}

export async function renewPass(q: Queryable, id: string, validUntil: string): Promise<boolean> {
  const r = await q.query(`UPDATE cheques_passes SET valid_until = greatest(valid_until, $2::date) WHERE id = $1 AND revoked_at IS NULL`, [id, validUntil]);
  return r.rowCount === 1;
}

// ------------------------------------------------------------------ offers
export interface OfferRow {
  id: string;
  structureId: string;
  benefit: 'free_entry' | 'reduced_price' | 'reserved_workshop';
  theme: 'culture' | 'sport' | 'loisirs' | 'ateliers';
  title: string;
  details: string | null;
  neighbourhoodId: string | null;
}

const OFFER = `id, structure_id AS "structureId", benefit, theme, title, details, neighbourhood_id AS "neighbourhoodId"`;

export async function insertOffer(q: Queryable, o: Omit<OfferRow, 'id'> & { by: string | null; now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO cheques_pass_offers (structure_id, benefit, theme, title, details, neighbourhood_id, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [o.structureId, o.benefit, o.theme, o.title, o.details, o.neighbourhoodId, o.now, o.by],
  );
  return rows[0].id;
}

export async function offerById(q: Queryable, id: string): Promise<OfferRow | null> {
  const { rows } = await q.query<OfferRow>(`SELECT ${OFFER} FROM cheques_pass_offers WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function deleteOffer(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM cheques_pass_offers WHERE id = $1`, [id]);
}

export async function offers(q: Queryable, f: { structureId?: string; theme?: string; neighbourhood?: string }): Promise<OfferRow[]> {
  const { rows } = await q.query<OfferRow>(
    `SELECT ${OFFER} FROM cheques_pass_offers
      WHERE ($1::uuid IS NULL OR structure_id = $1) AND ($2::text IS NULL OR theme = $2) AND ($3::text IS NULL OR neighbourhood_id = $3)
      ORDER BY theme, title LIMIT 500`,
    [f.structureId ?? null, f.theme ?? null, f.neighbourhood ?? null],
  );
  return rows;
}

// ------------------------------------------------------------------ verifications (counted, not who)
export async function countVerification(
  q: Queryable,
  v: { structureId: string; neighbourhoodId: string | null; result: 'valid' | 'expired' | 'revoked'; now: Date },
): Promise<void> {
  await q.query(`INSERT INTO cheques_pass_verifications (structure_id, neighbourhood_id, result, at) VALUES ($1, $2, $3, $4)`, [
    v.structureId,
    v.neighbourhoodId,
    v.result,
    v.now,
  ]);
}

export async function verificationsByNeighbourhood(q: Queryable, from: Date, to: Date): Promise<{ neighbourhood: string | null; n: number }[]> {
  const { rows } = await q.query<{ neighbourhood: string | null; n: number }>(
    `SELECT neighbourhood_id AS neighbourhood, count(*)::int AS n FROM cheques_pass_verifications WHERE at >= $1 AND at < $2 GROUP BY neighbourhood_id`,
    [from, to],
  );
  return rows;
}

export async function verificationsByStructure(
  q: Queryable,
  from: Date,
  to: Date,
): Promise<{ structureId: string; neighbourhood: string | null; n: number }[]> {
  const { rows } = await q.query(
    `SELECT structure_id AS "structureId", neighbourhood_id AS neighbourhood, count(*)::int AS n FROM cheques_pass_verifications
      WHERE at >= $1 AND at < $2 GROUP BY structure_id, neighbourhood_id ORDER BY n DESC`,
    [from, to],
  );
  return rows;
}

/** Redemptions of a kind in the period (not cancelled), per household. */
export async function redemptionsOfKind(q: Queryable, kind: string, from: Date, to: Date): Promise<{ householdId: string | null; n: number }[]> {
  const { rows } = await q.query<{ householdId: string | null; n: number }>(
    `SELECT a.household_id AS "householdId", count(*)::int AS n FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
      WHERE a.kind = $1 AND e.type = 'debit' AND e.created_at >= $2 AND e.created_at < $3
        AND NOT EXISTS (SELECT 1 FROM cheques_entries c WHERE c.reverses_id = e.id)
      GROUP BY a.household_id`,
    [kind, from, to],
  );
  return rows;
}

export async function deletePassesOfHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query(`DELETE FROM cheques_passes WHERE household_id = $1`, [householdId]);
}

export async function passesOfHousehold(q: Queryable, householdId: string): Promise<PassRow[]> {
  const { rows } = await q.query<PassRow>(`SELECT ${PASS} FROM cheques_passes WHERE household_id = $1 ORDER BY issued_at`, [householdId]);
  return rows;
}
