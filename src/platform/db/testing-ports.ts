/**
 * A free loopback port for a test's embedded PostgreSQL, taken BELOW the kernel's ephemeral
 * range. A port the kernel handed out (`listen(0)`) lies inside that range, which outgoing
 * connections also draw their local port from: once a test kills its postmaster, any
 * connection of a parallel test may take the port (seen in CI: the postmaster could not bind
 * it again for a minute and the server gave up). Below the range, only a listener takes it.
 */
import fs from 'node:fs';
import net from 'node:net';

function ephemeralLow(): number {
  try {
    const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 2048 ? low : 32768;
  } catch {
    return 32768; // Linux's default; other systems: their own range starts higher still
  }
}

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

/** A random port free now, under the ephemeral range (from 20000, or lower if the range starts low). */
export async function freePostgresPort(): Promise<number> {
  const high = ephemeralLow() - 1;
  const low = Math.max(1025, Math.min(20_000, high - 4096));
  for (let i = 0; i < 200; i++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await listens(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}
