/** SQL of consents (household_consents) and agents' openings (household_access_grants). */
import type { Queryable } from '../../platform/db/pool';
import type { Part } from './fields';

export interface ConsentRow {
  id: string;
  householdId: string;
  structureId: string;
  purpose: string;
  parts: Part[];
  grantedAt: Date;
  recordedAtDesk: boolean;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const CONSENT_COLS = `id, household_id AS "householdId", structure_id AS "structureId", purpose, parts, granted_at AS "grantedAt",
  recorded_at_desk AS "recordedAtDesk", expires_at AS "expiresAt", revoked_at AS "revokedAt"`;

/** Consents holding at `now`, optionally for one structure and purpose. */
export async function liveConsents(
  q: Queryable,
  householdId: string,
  now: Date,
  filter: { structureId?: string; purpose?: string } = {},
): Promise<ConsentRow[]> {
  const { rows } = await q.query(
    `SELECT ${CONSENT_COLS} FROM household_consents
      WHERE household_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
        AND ($3::uuid IS NULL OR structure_id = $3) AND ($4::text IS NULL OR purpose = $4)
      ORDER BY granted_at`,
    [householdId, now, filter.structureId ?? null, filter.purpose ?? null],
  );
  return rows;
}

export async function listConsents(q: Queryable, householdId: string): Promise<ConsentRow[]> {
  const { rows } = await q.query(`SELECT ${CONSENT_COLS} FROM household_consents WHERE household_id = $1 ORDER BY granted_at DESC, id`, [householdId]);
  return rows;
}

export async function insertConsent(
  q: Queryable,
  c: {
    householdId: string;
    structureId: string;
    purpose: string;
    parts: Part[];
    grantedBy: string | null;
    recordedAtDesk: boolean;
    expiresAt: Date | null;
    now: Date;
  },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO household_consents (household_id, structure_id, purpose, parts, granted_at, granted_by, recorded_at_desk, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [c.householdId, c.structureId, c.purpose, c.parts, c.now, c.grantedBy, c.recordedAtDesk, c.expiresAt],
  );
  return rows[0].id;
}

export async function revokeConsent(q: Queryable, householdId: string, id: string, by: string | null, now: Date): Promise<ConsentRow | null> {
  const { rows } = await q.query(
    `UPDATE household_consents SET revoked_at = $3, revoked_by = $4 WHERE household_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING ${CONSENT_COLS}`,
    [householdId, id, now, by],
  );
  return rows[0] ?? null;
}

export async function activeGrant(q: Queryable, householdId: string, userId: string, now: Date): Promise<{ id: string; reason: string } | null> {
  const { rows } = await q.query(
    `SELECT id, reason FROM household_access_grants WHERE household_id = $1 AND user_id = $2 AND expires_at > $3 ORDER BY opened_at DESC LIMIT 1`,
    [householdId, userId, now],
  );
  return rows[0] ?? null;
}

export async function insertGrant(q: Queryable, g: { householdId: string; userId: string; reason: string; now: Date; expiresAt: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO household_access_grants (household_id, user_id, reason, opened_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [g.householdId, g.userId, g.reason, g.now, g.expiresAt],
  );
  return rows[0].id;
}

/** Partner structures a family can choose: the structures partner accounts act for. */
export async function listPartnerStructures(q: Queryable): Promise<{ structureId: string; name: string }[]> {
  const { rows } = await q.query(
    `SELECT structure_id AS "structureId", min(display_name) AS name FROM users
      WHERE role = 'partner' AND structure_id IS NOT NULL AND disabled_at IS NULL GROUP BY structure_id ORDER BY 2`,
  );
  return rows;
}

/** Who granted and who withdrew each consent of a family (names and roles of the accounts). */
export async function consentActors(q: Queryable, householdId: string) {
  const { rows } = await q.query<{ id: string; grantedByName: string | null; revokedByName: string | null; revokedByRole: string | null }>(
    `SELECT c.id, g.display_name AS "grantedByName", r.display_name AS "revokedByName", r.role AS "revokedByRole"
       FROM household_consents c LEFT JOIN users g ON g.id = c.granted_by LEFT JOIN users r ON r.id = c.revoked_by
      WHERE c.household_id = $1`,
    [householdId],
  );
  return rows;
}

/** The parent's name as the file holds it ("Awa Diallo"), or null. */
export async function parentName(q: Queryable, householdId: string): Promise<string | null> {
  const { rows } = await q.query<{ name: string | null }>(
    `SELECT nullif(trim(concat_ws(' ', first_name, last_name)), '') AS name FROM household_members WHERE household_id = $1 AND kind = 'parent'`,
    [householdId],
  );
  return rows[0]?.name ?? null;
}

/** The structure each partner account acts for (accounts without one left out). */
export async function structuresOfUsers(q: Queryable, userIds: string[]): Promise<{ userId: string; structureId: string }[]> {
  if (!userIds.length) return [];
  const { rows } = await q.query(`SELECT id AS "userId", structure_id AS "structureId" FROM users WHERE id = ANY($1::uuid[]) AND structure_id IS NOT NULL`, [
    userIds,
  ]);
  return rows;
}

/** Families (active) whose consent to `structureId` holds at `now`: ids and consent terms only, no personal data. */
export async function consentedHouseholdsOfStructure(q: Queryable, structureId: string | null, now: Date) {
  const { rows } = await q.query(
    `SELECT c.household_id AS "householdId", c.purpose, c.parts, c.granted_at AS "grantedAt", c.expires_at AS "expiresAt"
       FROM household_consents c JOIN households h ON h.id = c.household_id AND h.status = 'active'
      WHERE c.structure_id = $1 AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > $2)
      ORDER BY c.granted_at DESC LIMIT 500`,
    [structureId, now],
  );
  return rows;
}
