/**
 * Vitest global setup: one throwaway embedded PostgreSQL for the whole run (or the
 * server of DATABASE_URL), and a template database migrated once; each test file
 * clones it (src/platform/testing.ts), so files run in parallel on their own data.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { startEmbedded, type EmbeddedServer } from '../src/platform/db/embedded';
import { createPool } from '../src/platform/db/pool';
import { migrate } from '../src/platform/db/migrate';

import crypto from 'node:crypto';
import { freePostgresPort } from '../src/platform/db/testing-ports';

const RUN_ID = crypto.randomBytes(3).toString('hex');
export const TEMPLATE_DB = `relais_test_template_${RUN_ID}`;

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

let embedded: EmbeddedServer | null = null;

export default async function setup() {
  if (process.env.RELAIS_TEST_ADMIN_URL) return; // another project of this run already did it
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dir = path.resolve('.tmp', `test-pg-${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    embedded = await startEmbedded({ dir, port: await freePostgresPort(), ephemeral: true });
    adminUrl = embedded.url('postgres');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDb(adminUrl, TEMPLATE_DB);
  const pool = createPool(templateUrl, 2);
  await migrate(pool);
  await pool.end();
  // The job queue's schema too, so that no test file pays for creating it.
  const boss = new PgBoss({ connectionString: templateUrl, schedule: false, supervise: false, max: 2 });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  process.env.RELAIS_TEST_ADMIN_URL = adminUrl;
  process.env.RELAIS_TEST_TEMPLATE = TEMPLATE_DB;
  process.env.RELAIS_TEST_RUN_ID = RUN_ID;

  return async () => {
    if (embedded) {
      await embedded.stop(); // ephemeral: the whole cluster goes
      embedded = null;
      return;
    }
    // On a shared server (DATABASE_URL), drop what this run created.
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [
      TEMPLATE_DB,
      `relais_t_${RUN_ID}_%`,
    ]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`).catch(() => {});
    await c.end();
  };
}
