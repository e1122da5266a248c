/**
 * The CPU a local PostgreSQL server spent (all its processes: backends, WAL writer,
 * checkpointer…), read from /proc: on a machine shared with other work, the CPU each side
 * spends holds where wall times swing with the load. Null when the server is not on this
 * machine (DATABASE_URL elsewhere) or /proc is not there.
 */
import fs from 'node:fs';
import type { Queryable } from '../../src/platform/db/pool';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): { ppid: number; cpuMs: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** A reader of the server's CPU so far, in ms (the postmaster and its children). */
export async function serverCpu(db: Queryable): Promise<(() => number) | null> {
  const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = stat(rows[0]!.pid);
  if (!backend) return null;
  const postmaster = backend.ppid;
  return () => {
    let ms = stat(postmaster)?.cpuMs ?? 0;
    for (const name of fs.readdirSync('/proc')) {
      const pid = Number(name);
      if (!pid) continue;
      const s = stat(pid);
      if (s?.ppid === postmaster) ms += s.cpuMs;
    }
    return ms;
  };
}
