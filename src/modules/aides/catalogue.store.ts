/** SQL of the aids' versions: a change is a new dated version; a version is never updated (trigger). */
import type { Queryable } from '../../platform/db/pool';
import type { AidDefinition } from './aid';

export interface AidVersion {
  aidId: string;
  version: number;
  definition: AidDefinition;
  createdAt: Date;
  createdBy: string | null;
  note: string | null;
}

const COLS = `aid_id AS "aidId", version, definition, created_at AS "createdAt", created_by AS "createdBy", note`;

export async function insertVersion(
  q: Queryable,
  v: { definition: AidDefinition; version: number; note: string | null; createdBy: string | null },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO aid_versions (aid_id, version, definition, fund_id, end_date, is_demo, note, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [v.definition.id, v.version, JSON.stringify(v.definition), v.definition.fund, v.definition.end_date ?? null, v.definition.demo, v.note, v.createdBy, now],
  );
}

/** The latest version of every aid, by title. */
export async function currentVersions(q: Queryable): Promise<AidVersion[]> {
  const { rows } = await q.query<AidVersion>(`SELECT DISTINCT ON (aid_id) ${COLS} FROM aid_versions ORDER BY aid_id, version DESC`);
  return rows.sort((a, b) => a.definition.title.localeCompare(b.definition.title, 'fr'));
}

export async function versionOf(q: Queryable, aidId: string, version?: number): Promise<AidVersion | null> {
  const { rows } = await q.query<AidVersion>(
    version === undefined
      ? `SELECT ${COLS} FROM aid_versions WHERE aid_id = $1 ORDER BY version DESC LIMIT 1`
      : `SELECT ${COLS} FROM aid_versions WHERE aid_id = $1 AND version = $2`,
    version === undefined ? [aidId] : [aidId, version],
  );
  return rows[0] ?? null;
}

export async function versionsOf(q: Queryable, aidId: string): Promise<AidVersion[]> {
  const { rows } = await q.query<AidVersion>(`SELECT ${COLS} FROM aid_versions WHERE aid_id = $1 ORDER BY version DESC`, [aidId]);
  return rows;
}

export async function fundIds(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM aid_funds ORDER BY id`);
  return rows.map((r) => r.id);
}

/** Version 1 of an aid from its file, when the aid has none yet. */
export async function insertInitialVersion(q: Queryable, a: AidDefinition, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO aid_versions (aid_id, version, definition, fund_id, end_date, is_demo, note, created_by, created_at)
     VALUES ($1, 1, $2, $3, $4, $5, 'Version initiale (rules/aides)', NULL, $6) ON CONFLICT DO NOTHING`,
    [a.id, JSON.stringify(a), a.fund, a.end_date ?? null, a.demo, now],
  );
}

/** Serialises the edits of one aid until the transaction ends (two admins saving at once). */
export async function lockAid(t: Queryable, aidId: string): Promise<void> {
  await t.query(`SELECT pg_advisory_xact_lock(hashtext('aides.version:' || $1))`, [aidId]);
}
