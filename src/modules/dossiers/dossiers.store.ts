/**
 * SQL of the household file's core tables (households, members, children, documents,
 * changes). Consent, orientation, tasks and renewal SQL live in their own stores.
 */
import type { Queryable } from '../../platform/db/pool';
import type { FieldChange } from './fields';
import type { DocumentMeta, Household } from './household';
import { dependentChildren } from './household';
import { resolveQuotient } from './quotient';

/** View path → column of `households`. */
export const HOUSEHOLD_COLUMNS = {
  'address.line': 'address_line',
  'address.postalCode': 'postal_code',
  'address.city': 'city',
  'address.inseeCode': 'insee_code',
  'address.neighbourhoodId': 'neighbourhood_id',
  'situation.activity': 'activity',
  'situation.unemploymentSince': 'unemployment_since',
  'situation.salaryNetMonthlyCents': 'salary_net_monthly_cents',
  'situation.unemploymentNetMonthlyCents': 'unemployment_net_monthly_cents',
  'situation.otherIncomeMonthlyCents': 'other_income_monthly_cents',
  'situation.alimonyReceivedMonthlyCents': 'alimony_received_monthly_cents',
  'situation.familyBenefitsMonthlyCents': 'family_benefits_monthly_cents',
  'situation.annualIncomeCents': 'annual_income_cents',
  'situation.recentlySeparated': 'recently_separated',
  'housing.status': 'housing_status',
  'housing.rentMonthlyCents': 'rent_monthly_cents',
  'housing.chargesMonthlyCents': 'charges_monthly_cents',
  'housing.rentWithChargesFormerCents': 'rent_with_charges_former_cents',
  'quotient.entered': 'qf_entered',
} as const;

export const MEMBER_COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  phone: 'phone',
  email: 'email',
  custody: 'custody',
  alimonyDueMonthlyCents: 'alimony_due_monthly_cents',
  alimonyPaidRegularly: 'alimony_paid_regularly',
} as const;

export const CHILD_COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  custody: 'custody',
  schoolName: 'school_name',
  schoolLevel: 'school_level',
} as const;

const iso = (d: Date | string | null) => (d == null ? null : d instanceof Date ? d.toISOString() : d);

export async function householdIdOfUser(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ household_id: string }>(
    `SELECT m.household_id FROM household_members m JOIN households h ON h.id = m.household_id
      WHERE m.user_id = $1 AND m.kind = 'parent' AND h.status = 'active'`,
    [userId],
  );
  return rows[0]?.household_id ?? null;
}

/** The whole file, or null. `today` (YYYY-MM-DD, Paris) flags expired documents and counts dependants. */
export async function loadHousehold(q: Queryable, id: string, today: string, opts: { lock?: boolean } = {}): Promise<Household | null> {
  const { rows } = await q.query(`SELECT * FROM households WHERE id = $1 ${opts.lock ? 'FOR UPDATE' : ''}`, [id]);
  const h = rows[0];
  if (!h) return null;
  // Sequential: `q` may be a transaction's client, which runs one query at a time.
  const members = await q.query(`SELECT * FROM household_members WHERE household_id = $1`, [id]);
  const children = await q.query(`SELECT * FROM household_children WHERE household_id = $1 ORDER BY birth_date, created_at, id`, [id]);
  const documents = await q.query(`SELECT * FROM household_documents WHERE household_id = $1 ORDER BY created_at, id`, [id]);
  const p = members.rows.find((m) => m.kind === 'parent');
  const o = members.rows.find((m) => m.kind === 'other_parent');
  const kids = children.rows.map((c) => ({
    id: c.id,
    firstName: c.first_name,
    lastName: c.last_name,
    birthDate: c.birth_date,
    custody: c.custody,
    schoolName: c.school_name,
    schoolLevel: c.school_level,
  }));
  const docs: DocumentMeta[] = documents.rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    label: d.label,
    validFrom: d.valid_from,
    validUntil: d.valid_until,
    hasFile: d.storage_name != null,
    originalName: d.original_name,
    mimeType: d.mime_type,
    sizeBytes: d.size_bytes,
    expired: d.valid_until != null && d.valid_until < today,
  }));
  const q2 = resolveQuotient({
    entered: h.qf_entered,
    annualIncomeCents: h.annual_income_cents,
    familyBenefitsMonthlyCents: h.family_benefits_monthly_cents,
    dependentChildren: dependentChildren(kids, today).length,
  });
  return {
    id: h.id,
    status: h.status,
    version: h.version,
    createdAt: iso(h.created_at)!,
    updatedAt: iso(h.updated_at)!,
    lastConfirmedAt: iso(h.last_confirmed_at),
    referentAgentId: h.referent_agent_id,
    parentUserId: p?.user_id ?? null,
    parent: {
      firstName: p?.first_name ?? null,
      lastName: p?.last_name ?? null,
      birthDate: p?.birth_date ?? null,
      phone: p?.phone ?? null,
      email: p?.email ?? null,
    },
    identityCertification: p?.identity_certified_by ? { by: p.identity_certified_by, at: iso(p.identity_certified_at)! } : null,
    otherParent: o
      ? {
          firstName: o.first_name,
          lastName: o.last_name,
          custody: o.custody,
          alimonyDueMonthlyCents: o.alimony_due_monthly_cents,
          alimonyPaidRegularly: o.alimony_paid_regularly,
        }
      : null,
    children: kids,
    address: { line: h.address_line, postalCode: h.postal_code, city: h.city, inseeCode: h.insee_code, neighbourhoodId: h.neighbourhood_id },
    situation: {
      activity: h.activity,
      unemploymentSince: h.unemployment_since,
      salaryNetMonthlyCents: h.salary_net_monthly_cents,
      unemploymentNetMonthlyCents: h.unemployment_net_monthly_cents,
      otherIncomeMonthlyCents: h.other_income_monthly_cents,
      alimonyReceivedMonthlyCents: h.alimony_received_monthly_cents,
      familyBenefitsMonthlyCents: h.family_benefits_monthly_cents,
      annualIncomeCents: h.annual_income_cents,
      recentlySeparated: h.recently_separated,
    },
    housing: {
      status: h.housing_status,
      rentMonthlyCents: h.rent_monthly_cents,
      chargesMonthlyCents: h.charges_monthly_cents,
      rentWithChargesFormerCents: h.rent_with_charges_former_cents,
    },
    quotient: { value: q2.value, source: q2.source, entered: h.qf_entered },
    documents: docs,
  };
}

export async function insertHousehold(
  q: Queryable,
  h: { createdBy: string | null; now: Date; referentAgentId?: string | null; isDemo?: boolean },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO households (created_by, created_at, updated_at, referent_agent_id, is_demo) VALUES ($1, $2, $2, $3, $4) RETURNING id`,
    [h.createdBy, h.now, h.referentAgentId ?? null, h.isDemo ?? false],
  );
  return rows[0].id;
}

/** Set the given `households` columns (keys of HOUSEHOLD_COLUMNS). */
export async function updateHouseholdFields(q: Queryable, id: string, values: Partial<Record<keyof typeof HOUSEHOLD_COLUMNS, unknown>>, now: Date) {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined) as [keyof typeof HOUSEHOLD_COLUMNS, unknown][];
  if (!entries.length) return;
  const sets = entries.map(([k], i) => `${HOUSEHOLD_COLUMNS[k]} = $${i + 3}`);
  await q.query(`UPDATE households SET ${sets.join(', ')}, updated_at = $2 WHERE id = $1`, [id, now, ...entries.map(([, v]) => v)]);
}

export async function upsertMember(
  q: Queryable,
  householdId: string,
  kind: 'parent' | 'other_parent',
  values: Partial<Record<keyof typeof MEMBER_COLUMNS, unknown>>,
  now: Date,
  userId?: string | null,
) {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined) as [keyof typeof MEMBER_COLUMNS, unknown][];
  const cols = entries.map(([k]) => MEMBER_COLUMNS[k]);
  const params = [householdId, kind, now, userId ?? null, ...entries.map(([, v]) => v)];
  const ph = entries.map((_, i) => `$${i + 5}`);
  const updates = cols.map((c) => `${c} = EXCLUDED.${c}`);
  await q.query(
    `INSERT INTO household_members (household_id, kind, created_at, updated_at, user_id${cols.map((c) => `, ${c}`).join('')})
     VALUES ($1, $2, $3, $3, $4${ph.map((p) => `, ${p}`).join('')})
     ON CONFLICT (household_id, kind) DO UPDATE SET updated_at = EXCLUDED.updated_at${updates.map((u) => `, ${u}`).join('')}`,
    params,
  );
}

/** Who certified the parent's identity (FranceConnect) and when; null clears it. */
export async function setIdentityCertification(q: Queryable, householdId: string, by: 'franceconnect' | null, at: Date | null): Promise<void> {
  await q.query(`UPDATE household_members SET identity_certified_by = $2, identity_certified_at = $3 WHERE household_id = $1 AND kind = 'parent'`, [
    householdId,
    by,
    at,
  ]);
}

export async function deleteMember(q: Queryable, householdId: string, kind: 'other_parent') {
  await q.query(`DELETE FROM household_members WHERE household_id = $1 AND kind = $2`, [householdId, kind]);
}

export async function insertChild(q: Queryable, householdId: string, values: Record<keyof typeof CHILD_COLUMNS, unknown>, now: Date): Promise<string> {
  const keys = Object.keys(CHILD_COLUMNS) as (keyof typeof CHILD_COLUMNS)[];
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO household_children (household_id, created_at, updated_at, ${keys.map((k) => CHILD_COLUMNS[k]).join(', ')})
     VALUES ($1, $2, $2, ${keys.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
    [householdId, now, ...keys.map((k) => values[k] ?? (k === 'custody' ? 'full' : null))],
  );
  return rows[0].id;
}

export async function updateChild(
  q: Queryable,
  householdId: string,
  childId: string,
  values: Partial<Record<keyof typeof CHILD_COLUMNS, unknown>>,
  now: Date,
): Promise<boolean> {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined) as [keyof typeof CHILD_COLUMNS, unknown][];
  const sets = entries.map(([k], i) => `, ${CHILD_COLUMNS[k]} = $${i + 4}`);
  const r = await q.query(`UPDATE household_children SET updated_at = $3${sets.join('')} WHERE household_id = $1 AND id = $2`, [
    householdId,
    childId,
    now,
    ...entries.map(([, v]) => v),
  ]);
  return (r.rowCount ?? 0) > 0;
}

export async function deleteChild(q: Queryable, householdId: string, childId: string): Promise<boolean> {
  const r = await q.query(`DELETE FROM household_children WHERE household_id = $1 AND id = $2`, [householdId, childId]);
  return (r.rowCount ?? 0) > 0;
}

export async function insertDocument(
  q: Queryable,
  householdId: string,
  d: {
    kind: string;
    label: string | null;
    validFrom: string | null;
    validUntil: string | null;
    storageName: string | null;
    originalName: string | null;
    mimeType: string | null;
    sizeBytes: number | null;
    uploadedBy: string | null;
  },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO household_documents (household_id, kind, label, valid_from, valid_until, storage_name, original_name, mime_type, size_bytes, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [householdId, d.kind, d.label, d.validFrom, d.validUntil, d.storageName, d.originalName, d.mimeType, d.sizeBytes, d.uploadedBy, now],
  );
  return rows[0].id;
}

export async function updateDocument(
  q: Queryable,
  householdId: string,
  id: string,
  d: { label?: string | null; validFrom?: string | null; validUntil?: string | null },
): Promise<boolean> {
  const r = await q.query(
    `UPDATE household_documents SET
        label = CASE WHEN $3 THEN $4 ELSE label END,
        valid_from = CASE WHEN $5 THEN $6::date ELSE valid_from END,
        valid_until = CASE WHEN $7 THEN $8::date ELSE valid_until END
      WHERE household_id = $1 AND id = $2`,
    [householdId, id, d.label !== undefined, d.label ?? null, d.validFrom !== undefined, d.validFrom ?? null, d.validUntil !== undefined, d.validUntil ?? null],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function deleteDocument(q: Queryable, householdId: string, id: string): Promise<{ storageName: string | null } | null> {
  const { rows } = await q.query(`DELETE FROM household_documents WHERE household_id = $1 AND id = $2 RETURNING storage_name`, [householdId, id]);
  return rows[0] ? { storageName: rows[0].storage_name } : null;
}

export async function documentFile(q: Queryable, householdId: string, id: string) {
  const { rows } = await q.query(`SELECT storage_name AS "storageName", mime_type AS "mimeType" FROM household_documents WHERE household_id = $1 AND id = $2`, [
    householdId,
    id,
  ]);
  return rows[0] as { storageName: string | null; mimeType: string | null } | undefined;
}

export async function recordChanges(
  q: Queryable,
  householdId: string,
  version: number,
  actor: { id: string | null; role: string | null },
  source: 'family' | 'agent' | 'renewal' | 'system',
  changes: FieldChange[],
  now: Date,
) {
  if (!changes.length) return;
  await q.query(
    `INSERT INTO household_changes (household_id, version, at, actor_id, actor_role, source, field, old_value, new_value)
     SELECT $1, $2, $3, $4, $5, $6, c.field, c.old_value, c.new_value
       FROM jsonb_to_recordset($7::jsonb) AS c(field text, old_value jsonb, new_value jsonb)`,
    [
      householdId,
      version,
      now,
      actor.id,
      actor.role,
      source,
      JSON.stringify(changes.map((c) => ({ field: c.field, old_value: c.oldValue, new_value: c.newValue }))),
    ],
  );
  await q.query(`UPDATE households SET version = $2, updated_at = $3 WHERE id = $1`, [householdId, version, now]);
}

export async function listChanges(q: Queryable, householdId: string, limit = 500) {
  const { rows } = await q.query(
    `SELECT c.id, c.version, c.at, c.actor_role AS "actorRole", u.display_name AS "actorName", c.source, c.field,
            c.old_value AS "oldValue", c.new_value AS "newValue"
       FROM household_changes c LEFT JOIN users u ON u.id = c.actor_id
      WHERE c.household_id = $1 ORDER BY c.id DESC LIMIT $2`,
    [householdId, limit],
  );
  return rows as {
    id: number;
    version: number;
    at: Date;
    actorRole: string | null;
    actorName: string | null;
    source: string;
    field: string;
    oldValue: unknown;
    newValue: unknown;
  }[];
}

/** Every table of this module that holds rows about a household (all have `household_id`). */
export const HOUSEHOLD_TABLES = [
  'household_members',
  'household_children',
  'household_documents',
  'household_changes',
  'household_consents',
  'household_orientations',
  'household_tasks',
  'household_notes',
  'household_access_grants',
  'household_renewals',
] as const;

/** The household's raw rows, table by table (for the family's export). */
export async function householdRows(q: Queryable, householdId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  out.households = (await q.query(`SELECT * FROM households WHERE id = $1`, [householdId])).rows;
  for (const table of HOUSEHOLD_TABLES) {
    out[table] = (await q.query(`SELECT * FROM ${table} WHERE household_id = $1 ORDER BY 1`, [householdId])).rows;
  }
  out.audit_log = (await q.query(`SELECT * FROM audit_log WHERE household_id = $1 ORDER BY id`, [householdId])).rows;
  out.dossier_retention = (await q.query(`SELECT * FROM dossier_retention WHERE household_id = $1 ORDER BY created_at`, [householdId])).rows;
  return out;
}

export async function insertRetention(
  q: Queryable,
  r: { householdId: string; category: string; reference: string; legalBasis: string; kept: Record<string, unknown>; retainUntil: string; now: Date },
) {
  await q.query(
    `INSERT INTO dossier_retention (household_id, category, reference, legal_basis, kept, retain_until, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.householdId, r.category, r.reference, r.legalBasis, JSON.stringify(r.kept), r.retainUntil, r.now],
  );
}

/**
 * Delete every row of the household's tables and empty the household row itself (it
 * stays, marked erased, for the retention entries that point to it). Returns the
 * stored names of its uploaded files, which the caller deletes once committed.
 */
export async function eraseHouseholdRows(q: Queryable, householdId: string, now: Date): Promise<string[]> {
  const files = (
    await q.query<{ storage_name: string }>(`SELECT storage_name FROM household_documents WHERE household_id = $1 AND storage_name IS NOT NULL`, [householdId])
  ).rows.map((r) => r.storage_name);
  for (const table of HOUSEHOLD_TABLES) await q.query(`DELETE FROM ${table} WHERE household_id = $1`, [householdId]);
  await q.query(
    `UPDATE households SET status = 'erased', erased_at = $2, address_line = NULL, postal_code = NULL, city = NULL, insee_code = NULL,
            neighbourhood_id = NULL, activity = NULL, unemployment_since = NULL, salary_net_monthly_cents = NULL,
            unemployment_net_monthly_cents = NULL, other_income_monthly_cents = NULL, alimony_received_monthly_cents = NULL,
            family_benefits_monthly_cents = NULL, annual_income_cents = NULL, recently_separated = NULL, housing_status = NULL,
            rent_monthly_cents = NULL, charges_monthly_cents = NULL, rent_with_charges_former_cents = NULL, qf_entered = NULL, referent_agent_id = NULL, last_confirmed_at = NULL, updated_at = $2
      WHERE id = $1`,
    [householdId, now],
  );
  return files;
}

export async function listRetention(q: Queryable) {
  const { rows } = await q.query(
    `SELECT id, household_id AS "householdId", category, reference, legal_basis AS "legalBasis", retain_until AS "retainUntil",
            created_at AS "createdAt", (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(kept) k) AS "keptFields"
       FROM dossier_retention ORDER BY retain_until, created_at LIMIT 1000`,
  );
  return rows;
}

export async function deleteExpiredRetention(q: Queryable, today: string) {
  const { rows } = await q.query<{ id: string; household_id: string; category: string }>(
    `DELETE FROM dossier_retention WHERE retain_until < $1 RETURNING id, household_id, category`,
    [today],
  );
  return rows;
}

/** What is kept after erasures, counted by category and end date (no personal data). */
export async function retentionCounts(q: Queryable): Promise<{ category: string; retainUntil: string; count: number }[]> {
  const { rows } = await q.query(`SELECT category, retain_until AS "retainUntil", count(*)::int AS count FROM dossier_retention GROUP BY 1, 2 ORDER BY 2, 1`);
  return rows;
}

/** A household's status and its parent's account (the access check's first read). */
export async function householdStatus(q: Queryable, householdId: string): Promise<{ status: string; parentUserId: string | null } | null> {
  const { rows } = await q.query(
    `SELECT h.status, m.user_id AS "parentUserId" FROM households h
       LEFT JOIN household_members m ON m.household_id = h.id AND m.kind = 'parent'
      WHERE h.id = $1`,
    [householdId],
  );
  return rows[0] ?? null;
}

/** The neighbourhood id of each of these households. */
export async function neighbourhoodsOf(q: Queryable, householdIds: string[]): Promise<{ id: string; neighbourhood_id: string | null }[]> {
  const { rows } = await q.query<{ id: string; neighbourhood_id: string | null }>(`SELECT id, neighbourhood_id FROM households WHERE id = ANY($1::uuid[])`, [
    householdIds,
  ]);
  return rows;
}

/** Active files (demo excluded) created in [from, to), per neighbourhood. */
export async function filesCreatedByNeighbourhood(q: Queryable, from: Date, to: Date): Promise<{ neighbourhood: string | null; value: number }[]> {
  const { rows } = await q.query<{ neighbourhood: string | null; value: number }>(
    `SELECT neighbourhood_id AS neighbourhood, count(*)::int AS value FROM households
      WHERE status = 'active' AND NOT is_demo AND created_at >= $1 AND created_at < $2 GROUP BY 1`,
    [from, to],
  );
  return rows;
}

/** Ids of active files (at most `limit`, in id order). */
export async function activeIds(q: Queryable, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM households WHERE status = 'active' ORDER BY id LIMIT $1`, [limit]);
  return rows.map((r) => r.id);
}
