/**
 * Versioned SQL migrations: db/migrations/NNNN_name.sql, applied in order at start,
 * each in its own transaction, recorded with a checksum in schema_migrations. A landed
 * migration is never edited: a changed checksum stops the start. An advisory lock lets
 * several processes start at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Db } from './pool';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../db/migrations');
const LOCK_KEY = 7_242_011; // arbitrary, constant

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
  const byVersion = new Map<string, string[]>();
  for (const f of files) byVersion.set(f.slice(0, 4), [...(byVersion.get(f.slice(0, 4)) ?? []), f]);
  const twice = [...byVersion.values()].filter((same) => same.length > 1);
  if (twice.length) {
    throw new Error(
      `Two migrations share a number: ${twice.map((same) => same.join(' and ')).join('; ')}. Renumber the one not yet landed to the next free number of its module's range.`,
    );
  }
  return files
    .sort()
    .map((f) => {
      const sql = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        version: f.slice(0, 4),
        name: f.slice(5, -4),
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export async function migrate(db: Db, log: (m: string) => void = () => {}): Promise<{ applied: string[]; current: string | null }> {
  const client = await db.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ version: string; checksum: string; name: string }>('SELECT version, name, checksum FROM schema_migrations')).rows.map((r) => [r.version, r]),
    );
    for (const m of listMigrations()) {
      const prev = done.get(m.version);
      if (prev) {
        if (prev.checksum !== m.checksum) {
          throw new Error(`Migration ${m.version}_${m.name} was edited after being applied (checksum differs). Add a new migration instead.`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.version}_${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(`${m.version}_${m.name}`);
      log(`migrated ${m.version}_${m.name}`);
    }
    const cur = await client.query<{ v: string | null }>("SELECT max(version || '_' || name) AS v FROM schema_migrations");
    return { applied, current: cur.rows[0].v };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
}
