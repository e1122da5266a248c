/**
 * Pilotage figures, on a town-sized month (5 000 households over the neighbourhoods,
 * 20 000 files opened by agents in the month), with the two demo plans:
 * - pilotage_registry_month_ms: every indicator of the registry for one month, by neighbourhood;
 * - pilotage_snapshot_6_months_ms: the on-demand computation of the Dijon plan's indicators
 *   over 6 months (what "Calculer maintenant" does);
 * - pilotage_dashboard_p50_ms / _p99_ms: GET the Dijon dashboard (5 axes, 97 actions), median
 *   and 99th percentile of 100 sequential requests.
 */
import { insertUser } from '../src/platform/auth/auth.service';
import { evaluateRegistry, snapshot } from '../src/modules/pilotage/compute';
import { addMonths, periodOf, periodRange } from '../src/modules/pilotage/periods';
import { loginCookie, percentile, startBenchApp, type Report } from './harness';

const HOUSEHOLDS = 5_000;
const OPENINGS = 20_000;
const PASSWORD = 'mot-de-passe-de-bench';

export default async function run(report: Report) {
  const app = await startBenchApp({ seed: true });
  try {
    const db = app.rt.deps.db;
    const ctx = app.rt.systemCtx();
    const hoods = ctx.town.neighbourhoods.map((n) => n.id);
    const now = ctx.now();
    await db.query(
      `INSERT INTO households (created_at, updated_at, postal_code, city, insee_code, neighbourhood_id)
       SELECT $2::timestamptz - (g % 180) * interval '1 day', $2, '80000', 'Amiens', '80021', ($3::text[])[1 + g % array_length($3::text[], 1)]
         FROM generate_series(1, $1) g`,
      [HOUSEHOLDS, now, hoods],
    );
    await db.query(
      `INSERT INTO audit_log (at, actor_role, action, household_id, subject_type, reason)
       SELECT $2::timestamptz - (g % 20) * interval '1 hour', 'agent', 'dossiers/opened', h.id, 'household', 'bench'
         FROM generate_series(1, $1) g
         JOIN LATERAL (SELECT id FROM households ORDER BY id OFFSET (g % $3) LIMIT 1) h ON true`,
      [OPENINGS, now, HOUSEHOLDS],
    );
    await db.query('ANALYZE');

    const period = periodOf(now);
    let t0 = performance.now();
    const registry = await evaluateRegistry(db, ctx.town, period);
    report('pilotage_registry_month_ms', performance.now() - t0, 'ms');
    const opened = registry.find((i) => i.id === 'pilotage.files-opened')!.values.find((v) => v.neighbourhood === '*')!.value;
    if (opened !== OPENINGS) throw new Error(`files opened: ${opened}, expected ${OPENINGS}`);

    const { rows } = await db.query(`SELECT id FROM pilotage_plans WHERE is_demo AND title LIKE '%Dijon%'`);
    const planId = rows[0].id as string;
    t0 = performance.now();
    await snapshot(db, ctx.town, { planId, periods: periodRange(addMonths(period, -5), period), now });
    report('pilotage_snapshot_6_months_ms', performance.now() - t0, 'ms');

    await insertUser(db, { identifier: 'bench-coord@bench.relais.fr', password: PASSWORD, role: 'coordinator', displayName: 'Coordination' });
    const cookie = await loginCookie(app.url, 'bench-coord@bench.relais.fr', PASSWORD);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const s = performance.now();
      const res = await fetch(`${app.url}/api/pilotage/plans/${planId}/dashboard`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`dashboard: ${res.status}`);
      await res.arrayBuffer();
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    report('pilotage_dashboard_p50_ms', percentile(times, 50), 'ms');
    report('pilotage_dashboard_p99_ms', percentile(times, 99), 'ms');
  } finally {
    await app.close();
  }
}
