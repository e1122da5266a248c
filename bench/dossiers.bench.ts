/**
 * Household file figures, on a town-sized base (20 000 households with 2 children each,
 * inserted in bulk):
 * - dossiers_prefill_p50_ms / _p99_ms: GET /api/dossiers/me/prefill/droits.simulation as a
 *   parent (what every form of every module does), 100 requests/s for 8 s on loopback;
 * - dossiers_search_p50_ms / _p99_ms: POST /api/dossiers/search as an agent (name, phone or
 *   child's first name over the 20 000 files), 50 requests/s for 8 s;
 * - dossiers_export_ms: one family's full export (JSON), median of 10;
 * - dossiers_erase_ms: one erasure (file, history, consents, account), median of 10.
 */
import autocannon from 'autocannon';
import { insertUser } from '../src/platform/auth/auth.service';
import { loginCookie, percentile, startBenchApp, type Report } from './harness';

const N = 20_000;
const PASSWORD = 'mot-de-passe-de-bench';

async function session(url: string, identifier: string): Promise<{ cookie: string; csrf: string }> {
  const me = await fetch(`${url}/api/auth/me`);
  const csrfCookie = me.headers
    .getSetCookie()
    .find((c) => c.startsWith('relais_csrf='))!
    .split(';')[0];
  const cookie = await loginCookie(url, identifier, PASSWORD);
  const all = cookie.includes('relais_csrf=') ? cookie : `${csrfCookie}; ${cookie}`;
  return { cookie: all, csrf: all.match(/relais_csrf=([^;]+)/)![1] };
}

async function timeIt(n: number, fn: (i: number) => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

export default async function run(report: Report) {
  const app = await startBenchApp();
  try {
    const db = app.rt.deps.db;
    await db.query(
      `WITH h AS (
         INSERT INTO households (created_at, updated_at, address_line, postal_code, city, insee_code, neighbourhood_id, activity, salary_net_monthly_cents, housing_status, rent_monthly_cents)
         SELECT now(), now(), g || ' rue du Banc', '80000', 'Amiens', '80021', 'nord', 'actif', 100000 + g, 'locataire_hlm', 45000
           FROM generate_series(1, $1) g RETURNING id, salary_net_monthly_cents - 100000 AS g)
       , m AS (INSERT INTO household_members (household_id, kind, first_name, last_name, phone, birth_date, created_at, updated_at)
         SELECT id, 'parent', 'Prénom' || g, 'Famille' || g, '06' || lpad(g::text, 8, '0'), '1990-01-01', now(), now() FROM h)
       INSERT INTO household_children (household_id, first_name, birth_date, created_at, updated_at)
       SELECT id, 'Enfant' || g || c, '2016-01-01'::date + c * 400, now(), now() FROM h, generate_series(1, 2) c`,
      [N],
    );
    await db.query('ANALYZE');

    const parents: string[] = [];
    for (let i = 0; i < 12; i++) {
      const identifier = `bench-parent-${i}@bench.relais.fr`;
      await insertUser(db, { identifier, password: PASSWORD, role: 'parent', displayName: `Parent ${i}` });
      parents.push(identifier);
    }
    await insertUser(db, { identifier: 'bench-agent@bench.relais.fr', password: PASSWORD, role: 'agent', displayName: 'Agent' });
    const p0 = await session(app.url, parents[0]);
    const file = {
      parent: { firstName: 'Nadia', lastName: 'Martin', birthDate: '1990-05-12' },
      children: [
        { firstName: 'Lina', birthDate: '2018-09-01' },
        { firstName: 'Yanis', birthDate: '2021-02-20' },
      ],
      address: { line: '12 rue des Lilas', postalCode: '80000', neighbourhoodId: 'nord' },
      situation: { activity: 'actif', salaryNetMonthlyCents: 110000, alimonyReceivedMonthlyCents: 0 },
      housing: { status: 'locataire_hlm', rentMonthlyCents: 48000 },
    };
    const post = (s: { cookie: string; csrf: string }, path: string, body: unknown) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: JSON.stringify(body),
      });
    const created = await post(p0, '/api/dossiers/me', file);
    if (created.status !== 201) throw new Error(`file not created: ${created.status}`);

    const prefillUrl = `${app.url}/api/dossiers/me/prefill/droits.simulation`;
    await autocannon({ url: prefillUrl, connections: 4, duration: 2, overallRate: 50, headers: { cookie: p0.cookie } });
    const r = await autocannon({ url: prefillUrl, connections: 10, duration: 8, overallRate: 100, headers: { cookie: p0.cookie } });
    if (r.non2xx || r.errors) throw new Error(`prefill: ${r.non2xx} non-2xx, ${r.errors} errors`);
    report('dossiers_prefill_p50_ms', r.latency.p50, 'ms');
    report('dossiers_prefill_p99_ms', r.latency.p99, 'ms');

    const agent = await session(app.url, 'bench-agent@bench.relais.fr');
    const queries = ['famille1234', 'prénom77', '06000123', 'enfant5', 'martin', 'lina'].map((q) => ({
      method: 'POST' as const,
      path: '/api/dossiers/search',
      headers: { 'content-type': 'application/json', cookie: agent.cookie, 'x-csrf-token': agent.csrf },
      body: JSON.stringify({ q }),
    }));
    await autocannon({ url: `${app.url}/api/dossiers/search`, connections: 4, duration: 2, overallRate: 20, requests: queries });
    const s = await autocannon({ url: `${app.url}/api/dossiers/search`, connections: 10, duration: 8, overallRate: 50, requests: queries });
    if (s.non2xx || s.errors) throw new Error(`search: ${s.non2xx} non-2xx, ${s.errors} errors`);
    report('dossiers_search_p50_ms', s.latency.p50, 'ms');
    report('dossiers_search_p99_ms', s.latency.p99, 'ms');

    report(
      'dossiers_export_ms',
      Math.round(
        await timeIt(10, async () => {
          const res = await fetch(`${app.url}/api/dossiers/me/export.json`, { headers: { cookie: p0.cookie } });
          if (res.status !== 200) throw new Error(`export ${res.status}`);
          await res.arrayBuffer();
        }),
      ),
      'ms',
    );

    const others: { cookie: string; csrf: string }[] = [];
    for (const id of parents.slice(1, 11)) {
      const sess = await session(app.url, id);
      if ((await post(sess, '/api/dossiers/me', file)).status !== 201) throw new Error('file not created');
      others.push(sess);
    }
    report(
      'dossiers_erase_ms',
      Math.round(
        await timeIt(10, async (i) => {
          const res = await post(others[i], '/api/dossiers/me/erase', { confirm: 'EFFACER' });
          if (res.status !== 200) throw new Error(`erase ${res.status}`);
        }),
      ),
      'ms',
    );
  } finally {
    await app.close();
  }
}
