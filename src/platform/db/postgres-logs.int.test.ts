/**
 * PostgreSQL's error output quotes data (DETAIL: Key (lower(email))=…, Failing row
 * contains …, CONTEXT: JSON data …, STATEMENT: …): none of it reaches the application
 * log, and the errors the app logs (loggableError) carry none of it either.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Config } from '../../config';
import { startDatabase, DB_NAME } from '../runtime';
import type { EmbeddedServer } from './embedded';
import { safePostgresLog } from './embedded';
import { createPool, loggableError, type Db } from './pool';
import { freePostgresPort } from './testing-ports';

const dataDir = path.resolve('.tmp', `pg-logs-${process.pid}`);
const captured: string[] = [];
let embedded: EmbeddedServer | null = null;
let db: Db;

const SECRETS = ['Secret.Person@example.fr', 'secret.person@example.fr', 'donnee-tres-confidentielle', 'json-secret@example.fr', 'argon2id$v=19$m=65536'];

beforeAll(async () => {
  if (process.env.DATABASE_URL) return;
  fs.rmSync(dataDir, { recursive: true, force: true });
  const config = { DATABASE_URL: undefined, dataDir, EMBEDDED_PG_PORT: await freePostgresPort() } as unknown as Config;
  const started = await startDatabase(config, (m) => captured.push(m));
  embedded = started.embedded;
  db = createPool(started.url, 2);
}, 120_000);

afterAll(async () => {
  await db?.end().catch(() => {});
  await embedded?.stop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it.skipIf(Boolean(process.env.DATABASE_URL))('keeps data out of the log: unique and check violations, bad JSON, statements', async () => {
  expect(DB_NAME).toBe('relais');
  await db.query(`CREATE TABLE people (email text NOT NULL, password_hash text, note text CHECK (length(note) < 10))`);
  await db.query(`CREATE UNIQUE INDEX people_email_key ON people (lower(email))`);
  const hash = '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0c2FsdA$aGFzaA';
  await db.query(`INSERT INTO people (email, password_hash) VALUES ($1, $2)`, [SECRETS[0], hash]);

  const errors: unknown[] = [];
  await db.query(`INSERT INTO people (email, password_hash) VALUES ($1, $2)`, [SECRETS[1], hash]).catch((e) => errors.push(e));
  await db.query(`INSERT INTO people (email, password_hash, note) VALUES ('autre@example.fr', $1, '${SECRETS[2]}')`, [hash]).catch((e) => errors.push(e));
  await db.query(`SELECT '{"email": "${SECRETS[3]}", "x": ' :: json`).catch((e) => errors.push(e));
  expect(errors).toHaveLength(3);
  // The data is there, in the errors' details: what must not be logged.
  expect(JSON.stringify(errors.map((e) => ({ ...(e as object) })))).toContain('secret.person@example.fr');

  const deadline = Date.now() + 10_000;
  while (captured.filter((l) => l.includes('ERROR')).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const log = captured.join('\n');
  expect(log).toMatch(/ERROR: duplicate key value violates unique constraint "people_email_key"/);
  expect(log).toMatch(/ERROR: new row for relation "people" violates check constraint/);
  for (const s of SECRETS) expect(log.toLowerCase()).not.toContain(s.toLowerCase());
  expect(log).not.toMatch(/DETAIL|CONTEXT|STATEMENT|Failing row|Key \(/);

  // What the app logs of such an error: kind, code, constraint, first line, stack frames.
  const logged = JSON.stringify(errors.map(loggableError));
  expect(logged).toContain('23505');
  expect(logged).toContain('people_email_key');
  for (const s of SECRETS) expect(logged.toLowerCase()).not.toContain(s.toLowerCase());
}, 60_000);

it('drops detail lines and quoted values from a verbose PostgreSQL output', () => {
  const verbose = [
    '2026-03-10 10:00:00.000 UTC [42] ERROR:  duplicate key value violates unique constraint "users_email_key"',
    '2026-03-10 10:00:00.000 UTC [42] DETAIL:  Key (lower(email))=(amina@example.fr) already exists.',
    '2026-03-10 10:00:00.000 UTC [42] STATEMENT:  INSERT INTO users (email) VALUES ($1)',
    '2026-03-10 10:00:00.000 UTC [43] ERROR:  invalid input syntax for type json',
    '2026-03-10 10:00:00.000 UTC [43] CONTEXT:  JSON data, line 1: {"email": "amina@example.fr"...',
    '2026-03-10 10:00:00.000 UTC [44] ERROR:  invalid input syntax for type integer: "06 12 34 56 78"',
    '2026-03-10 10:00:00.000 UTC [45] ERROR:  syntax error at or near "amina@example.fr"',
    '2026-03-10 10:00:00.000 UTC [46] HINT:  No function matches the given name and argument types.',
    '\tcontinuation of a statement with amina@example.fr',
  ].join('\n');
  const out = safePostgresLog(verbose);
  expect(out).toEqual([
    'ERROR: duplicate key value violates unique constraint "users_email_key"',
    'ERROR: invalid input syntax for type json',
    'ERROR: invalid input syntax for type integer: …',
    'ERROR: syntax error at or near "…"',
  ]);
});
