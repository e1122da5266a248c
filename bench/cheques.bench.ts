/**
 * Chèques figures, through HTTP on loopback (app + PostgreSQL on this machine):
 * - cheques_redemptions_per_s: 400 payments of 1 € on ONE account, 16 at a time from 8
 *   cashier accounts (each payment locks the account row: they queue on it);
 * - cheques_redemption_p99_ms: the latency of those payments under that contention;
 * - cheques_pass_verify_p50_ms / _p99_ms: 400 pass verifications (signed QR content), one at
 *   a time after a warm-up (aim: p99 under 50 ms).
 * Codes for the contention run are written straight into the table (the family's page
 * keeps one live code per account; here many cashiers pay at once).
 */
import os from 'node:os';
import crypto from 'node:crypto';
import { insertUser } from '../src/platform/auth/auth.service';
import { tx } from '../src/platform/db/pool';
import { hashCode, generateCode } from '../src/modules/cheques/codes';
import { insertCode, accountOf } from '../src/modules/cheques/cheques.store';
import { loginCookie, percentile, startBenchApp, type Report } from './harness';

const PASSWORD = 'mot-de-passe-de-bench';

interface Session {
  cookie: string;
  csrf: string;
}

async function session(url: string, identifier: string): Promise<Session> {
  const cookie = await loginCookie(url, identifier, PASSWORD);
  return { cookie, csrf: /relais_csrf=([^;]+)/.exec(cookie)![1] };
}

async function call(url: string, s: Session, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function user(db: Parameters<typeof insertUser>[0], role: 'parent' | 'agent' | 'partner', structureId: string | null = null): Promise<string> {
  const identifier = `${role}-${crypto.randomBytes(4).toString('hex')}@bench.relais.fr`;
  await insertUser(db, { identifier, password: PASSWORD, role, displayName: `bench ${role}`, structureId });
  return identifier;
}

export default async function run(report: Report): Promise<void> {
  const bench = await startBenchApp();
  try {
    const { url, rt } = bench;
    const db = rt.deps.db;
    const structureId = crypto.randomUUID();
    await db.query(`INSERT INTO annuaire_structures (id, source, di_id, nom, raw) VALUES ($1::uuid, 'bench', $2::text, 'Pharmacie du banc', '{}'::jsonb)`, [
      structureId,
      structureId,
    ]);

    const parent = await session(url, await user(db, 'parent'));
    const file = await call(url, parent, 'POST', '/api/dossiers/me', {
      parent: { firstName: 'Samia', lastName: 'Banc', birthDate: '1990-01-01' },
      children: [{ firstName: 'Lina', birthDate: '2018-01-01' }],
      address: { line: '1 rue du Banc', postalCode: '80000', inseeCode: '80021' },
      quotient: { entered: 400 },
    });
    if (file.status !== 201) throw new Error(`household: ${file.status}`);
    const householdId = file.json.household.id as string;
    const agent = await session(url, await user(db, 'agent'));
    await call(url, agent, 'POST', `/api/dossiers/households/${householdId}/open`, { reason: 'Banc d’essai' });
    for (let i = 0; i < 5; i++) {
      const c = await call(url, agent, 'POST', `/api/cheques/households/${householdId}/credits`, {
        kind: 'alimentaire',
        amountCents: 1_000_000,
        reason: 'Banc d’essai',
      });
      if (c.status !== 201) throw new Error(`credit: ${c.status}`);
    }
    await call(url, agent, 'PUT', `/api/cheques/partners/${structureId}/kinds`, { kinds: ['alimentaire'] });
    if ((await call(url, agent, 'POST', `/api/cheques/households/${householdId}/pass`, {})).status !== 201) throw new Error('pass');

    // ---------------------------------------------------------------- contention on one account
    const cashiers = await Promise.all(Array.from({ length: 8 }, async () => session(url, await user(db, 'partner', structureId))));
    const account = (await accountOf(db, householdId, 'alimentaire'))!;
    const codes: string[] = [];
    const now = rt.deps.clock.now();
    await tx(db, async (t) => {
      for (let i = 0; i < 400; i++) {
        const code = generateCode();
        await insertCode(t, { accountId: account.id, hash: hashCode(code), now, expiresAt: new Date(now.getTime() + 30 * 60_000) });
        codes.push(code);
      }
    });
    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        const s = cashiers[w % cashiers.length];
        for (let i = next++; i < codes.length; i = next++) {
          const t0 = performance.now();
          const r = await call(url, s, 'POST', '/api/cheques/counter/redemptions', { code: codes[i], amountCents: 100 });
          latencies.push(performance.now() - t0);
          if (r.status !== 201) failures++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (failures) throw new Error(`${failures} payments refused`);
    latencies.sort((a, b) => a - b);
    report('cheques_redemptions_per_s', Math.round(codes.length / seconds), 'payments/s on one account (16 concurrent, loopback)');
    report(
      'cheques_redemption_p99_ms',
      percentile(latencies, 99),
      `ms (under that contention; load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`,
    );

    // ---------------------------------------------------------------- pass verification
    const token = (await call(url, parent, 'GET', '/api/cheques/me/pass')).json.pass.token as string;
    const checkers = await Promise.all([0, 1, 2].map(async () => session(url, await user(db, 'partner', structureId))));
    for (let i = 0; i < 30; i++) await call(url, checkers[0], 'POST', '/api/cheques/counter/pass', { pass: token }); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 400; i++) {
      const t0 = performance.now();
      const r = await call(url, checkers[1 + (i % 2)], 'POST', '/api/cheques/counter/pass', { pass: token });
      times.push(performance.now() - t0);
      if (r.status !== 200 || r.json.status !== 'valid') throw new Error(`verification: ${r.status}`);
    }
    times.sort((a, b) => a - b);
    report('cheques_pass_verify_p50_ms', percentile(times, 50), 'ms (one at a time, loopback)');
    report(
      'cheques_pass_verify_p99_ms',
      percentile(times, 99),
      `ms (aim: under 50; load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`,
    );
  } finally {
    await bench.close();
  }
}
