/**
 * Attribution (issue 15): allocate 10,000 applications over 2,000 places in 50 groups,
 * one family in five with siblings; then a what-if (one weight changed, compared).
 * Then the same campaign stored in PostgreSQL (as `relais attribution run` stores it) and,
 * through the HTTP API as a coordinator: the what-if (read, allocate twice, compare, explain)
 * and the publication (results stored, one offer per admitted application, in one transaction).
 */
import os from 'node:os';
import { insertUser } from '../src/platform/auth/auth.service';
import { allocate, compareAllocations, withWeights, type Application, type Campaign } from '../src/modules/attribution/allocate';
import { importCampaign } from '../src/modules/attribution/import.service';
import { loginCookie, startBenchApp, type Report } from './harness';

function campaign(): Campaign {
  let s = 20260304;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const groups = Array.from({ length: 50 }, (_, i) => ({ id: `g${i}`, capacity: 40 }));
  const criteria = [
    'monoparentalite',
    'qf_tranche_1',
    'qf_tranche_2',
    'contrainte_emploi',
    'fratrie',
    'campagne_perdue',
    'refus',
    'handicap',
    'orientation_sociale',
  ].map((id, i) => ({ id, weight: id === 'refus' ? -10 : 5 + i * 2 }));
  const applications: Application[] = [];
  for (let i = 0; applications.length < 10_000; i++) {
    const siblings = rand() < 0.2 ? 2 + Math.floor(rand() * 2) : 1;
    const first = Math.floor(rand() * 50);
    const choices = [first, (first + 1 + Math.floor(rand() * 10)) % 50, (first + 11 + Math.floor(rand() * 10)) % 50].map((g) => `g${g}`);
    const values = Object.fromEntries(criteria.filter(() => rand() < 0.4).map((c) => [c.id, Math.round(rand() * 4) / 4]));
    const minute = Math.floor(rand() * 60 * 24 * 14);
    const submittedAt = new Date(Date.UTC(2026, 2, 2) + minute * 60_000).toISOString();
    for (let k = 0; k < siblings && applications.length < 10_000; k++) {
      applications.push({ id: `a${applications.length}`, family: `f${i}`, submittedAt, criteria: values, choices });
    }
  }
  return { groups, criteria, applications };
}

export default async function bench(report: Report) {
  const c = campaign();
  allocate(c); // warm-up (JIT)
  const runs = 5;
  let t0 = performance.now();
  let result = allocate(c);
  for (let i = 1; i < runs; i++) result = allocate(c);
  report(
    'attribution allocate 10,000 applications / 2,000 places / 50 groups (siblings)',
    (performance.now() - t0) / runs,
    `ms (aim: under 2 s; load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`,
  );
  const admitted = result.applications.filter((a) => a.outcome.status === 'admitted').length;
  report('attribution places filled', admitted, 'of 2000');
  t0 = performance.now();
  const after = allocate(withWeights(c, { monoparentalite: 30 }));
  const changes = compareAllocations(result, after);
  report('attribution what-if (weight changed, reallocated and compared)', performance.now() - t0, 'ms');
  report('attribution what-if status changes', changes.length, 'applications');

  const app = await startBenchApp();
  try {
    const db = app.rt.deps.db;
    const stored = await importCampaign(app.rt.systemCtx(), { name: 'bench.json', raw: 'bench', campaign: c, allocation: result, kind: 'vacances' });
    // Back to a closed campaign, not yet published, so that the API publishes it.
    await db.query(`DELETE FROM attribution_runs WHERE campaign_id = $1`, [stored.id]);
    await db.query(`UPDATE attribution_campaigns SET status = 'closed' WHERE id = $1`, [stored.id]);
    await db.query('ANALYZE');
    const password = 'mot-de-passe-de-bench';
    await insertUser(db, { identifier: 'bench-attribution@bench.relais.fr', password, role: 'coordinator', displayName: 'Coordination' });
    const cookie = await loginCookie(app.url, 'bench-attribution@bench.relais.fr', password);
    const csrf = /relais_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
    const post = async (path: string, body: unknown) => {
      const t = performance.now();
      const res = await fetch(`${app.url}/api/attribution/campaigns/${stored.id}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return { ms: performance.now() - t, json };
    };
    await post('simulate', { weights: { monoparentalite: 30 } }); // warm-up
    const sim = await post('simulate', { weights: { monoparentalite: 30 } });
    report('attribution what-if through the API (10,000 stored applications)', sim.ms, 'ms');
    report('attribution what-if through the API, families changing status', sim.json.families as number, 'families');
    const pub = await post('publish', { weights: { monoparentalite: 30 } });
    report('attribution publish through the API (10,000 results, offers for every admitted)', pub.ms, 'ms');
  } finally {
    await app.close();
  }
}
