/**
 * Backups. With a `pg_dump` whose major version matches the server's (external
 * PostgreSQL, or a client installed beside Relais), `relais db dump` writes pg_dump's
 * custom format. Otherwise (the embedded server ships no pg_dump, and Debian 12's is
 * version 15) it writes Relais' own logical dump: gzip'd JSON lines, one consistent
 * snapshot (REPEATABLE READ), every table of the public schema. See
 * docs/decisions/0004-backups.md.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { execFileSync, spawnSync } from 'node:child_process';
import { externalPrograms } from '../../config';
import { systemClock } from '../clock';
import type { Db } from './pool';

const FORMAT = 'relais-dump';
const BATCH = 2000;

async function tables(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ t: string }>(
    `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

export function findPgDump(serverMajor: number): string | null {
  for (const bin of [externalPrograms().pgDump, 'pg_dump'].filter(Boolean) as string[]) {
    try {
      const out = execFileSync(bin, ['--version'], { encoding: 'utf8' });
      const major = Number(out.match(/(\d+)(\.\d+)?/)?.[1]);
      if (major >= serverMajor) return bin;
    } catch {
      /* not there */
    }
  }
  return null;
}

export async function serverMajor(db: Db): Promise<number> {
  const { rows } = await db.query<{ v: string }>('SHOW server_version_num');
  return Math.floor(Number(rows[0].v) / 10000);
}

export async function dumpDatabase(db: Db, url: string, file: string, progress: (m: string) => void): Promise<'pg_dump' | 'relais'> {
  const pgDump = findPgDump(await serverMajor(db));
  if (pgDump) {
    const r = spawnSync(pgDump, ['--format=custom', '--no-owner', `--file=${file}`, url], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('pg_dump failed');
    return 'pg_dump';
  }
  const client = await db.connect();
  const gz = zlib.createGzip();
  const out = fs.createWriteStream(`${file}.partial`, { mode: 0o600 });
  gz.pipe(out);
  const write = (obj: unknown) => new Promise<void>((res) => (gz.write(JSON.stringify(obj) + '\n') ? res() : gz.once('drain', res)));
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const mig = await client.query(`SELECT version, name, checksum FROM schema_migrations ORDER BY version`);
    await write({ format: FORMAT, version: 1, createdAt: systemClock.now().toISOString(), migrations: mig.rows });
    for (const t of await tables(db)) {
      await write({ table: t });
      await client.query(`DECLARE c NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM "${t}" x`);
      let n = 0;
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM c`);
        if (!rows.length) break;
        for (const r of rows) await write({ row: JSON.parse(r.j) });
        n += rows.length;
      }
      await client.query('CLOSE c');
      progress(`${t}: ${n} lignes`);
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  await new Promise<void>((res, rej) => {
    out.on('finish', res);
    out.on('error', rej);
    gz.end();
  });
  fs.renameSync(`${file}.partial`, file); // a dump file exists only once complete
  return 'relais';
}

/** Restore into a database migrated to the same version and holding no data yet. */
export async function restoreDatabase(db: Db, url: string, file: string, progress: (m: string) => void): Promise<void> {
  const head = fs.readFileSync(file).subarray(0, 5);
  if (head.toString('latin1').startsWith('PGDMP')) {
    const r = spawnSync(externalPrograms().pgRestore ?? 'pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('pg_restore failed');
    return;
  }
  const client = await db.connect();
  let table: string | null = null;
  let batch: unknown[] = [];
  const columns = new Map<string, string>();
  const flush = async () => {
    if (!table || !batch.length) return;
    if (!columns.has(table)) {
      // Generated columns are computed again by the server; identity values are kept.
      const { rows } = await client.query<{ a: string }>(
        `SELECT quote_ident(attname) AS a FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
        [`"${table}"`],
      );
      columns.set(table, rows.map((r) => r.a).join(', '));
    }
    const cols = columns.get(table)!;
    await client.query(
      `INSERT INTO "${table}" (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(null::"${table}", $1::json)`,
      [JSON.stringify(batch)],
    );
    batch = [];
  };
  try {
    await client.query('BEGIN');
    // Triggers and foreign keys off during the load: rows come in table order, not FK order.
    await client.query(`SET LOCAL session_replication_role = replica`);
    let first = true;
    // Create the reader right before the loop: lines read earlier would be lost.
    const rl = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line) continue;
      const rec = JSON.parse(line);
      if (first) {
        first = false;
        if (rec.format !== FORMAT) throw new Error('not a Relais dump');
        const { rows } = await client.query(`SELECT version, checksum FROM schema_migrations ORDER BY version`);
        const mine = rows.map((r) => r.version + r.checksum).join();
        const theirs = rec.migrations.map((r: any) => r.version + r.checksum).join();
        if (mine !== theirs) throw new Error('the dump was made at another migration version: migrate both to the same version first');
        for (const t of await tables(db)) {
          const { rows: any } = await client.query(`SELECT 1 FROM "${t}" LIMIT 1`);
          if (any.length && t !== 'platform_state') throw new Error(`table ${t} is not empty: restore into an empty database`);
        }
        await client.query('DELETE FROM platform_state');
        continue;
      }
      if (rec.table) {
        await flush();
        if (table) progress(`${table} restaurée`);
        table = rec.table;
      } else if (rec.row) {
        batch.push(rec.row);
        if (batch.length >= BATCH) await flush();
      }
    }
    await flush();
    if (table) progress(`${table} restaurée`);
    // Sequences follow the restored data.
    const seqs = await client.query<{ t: string; c: string; s: string }>(
      `SELECT c.relname AS t, a.attname AS c, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS s
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const s of seqs.rows) {
      await client.query(`SELECT setval($1, coalesce((SELECT max("${s.c}") FROM "${s.t}"), 0) + 1, false)`, [s.s]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
