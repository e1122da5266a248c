import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, createTestEnv, type TestEnv } from '../testing';
import { createPool } from './pool';
import { dumpDatabase, restoreDatabase } from './backup';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  await env.seedDemo();
});
afterAll(() => env.close());

it('dumps a database and restores it into an empty one, identical, sequences included', async () => {
  await env.as('parent');
  const file = path.resolve('.tmp', `dump-${process.pid}.relais.gz`);
  const kind = await dumpDatabase(env.rt.deps.db, env.databaseUrl, file, () => {});
  expect(fs.existsSync(file)).toBe(true);

  const targetUrl = await createTestDb();
  const target = createPool(targetUrl, 2);
  try {
    await restoreDatabase(target, targetUrl, file, () => {});
    const q = `SELECT (SELECT json_agg(u ORDER BY id) FROM (SELECT id, email, role, password_hash FROM users) u) AS users,
                      (SELECT count(*) FROM audit_log) AS audits`;
    const [a, b] = [(await env.rt.deps.db.query(q)).rows[0], (await target.query(q)).rows[0]];
    expect(b.users).toEqual(a.users);
    expect(b.audits).toBe(a.audits);
    if (kind === 'relais') {
      // the audit sequence continues after the restored rows
      const { rows } = await target.query(`INSERT INTO audit_log (action) VALUES ('test/after-restore') RETURNING id`);
      expect(rows[0].id).toBeGreaterThan(a.audits);
      // restoring twice is refused: the database is no longer empty
      await expect(restoreDatabase(target, targetUrl, file, () => {})).rejects.toThrow(/not empty/);
    }
  } finally {
    await target.end();
    fs.rmSync(file, { force: true });
  }
});
