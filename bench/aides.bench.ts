/**
 * Local aids figures.
 * - aides_eligibility_households_per_s: one household (CLI input format, parsed once)
 *   evaluated against every demo aid (rules/aides), on one core (this process): best of
 *   five 1-second windows (the machine is shared);
 * - aides_eligibility_evaluations_per_s: the same, counted per aid evaluated;
 * - aides_file_request_p50_ms / _p99_ms: a family files a request with one 1 MB PDF (one
 *   HTTP call on loopback, as the page sends it; 100 requests, one after the other);
 * - aides_grants_per_s_contended: 400 grants on ONE fund, 20 at a time (each its own
 *   transaction: budget row lock, decision, ledger entry, notice, audit), at the use-case level.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { demoRules } from '../src/modules/aides/aid-files';
import { evaluateAll } from '../src/modules/aides/eligibility';
import { factsFromInput, parseAidsHousehold } from '../src/modules/aides/household-facts';
import { insertUser } from '../src/platform/auth/auth.service';
import { makeCtx } from '../src/platform/context';
import { tx } from '../src/platform/db/pool';
import { installAidFiles } from '../src/modules/aides/catalogue.service';
import { setBudget, upsertFund } from '../src/modules/aides/funds.store';
import { grantRequest } from '../src/modules/aides/decisions.service';
import { insertRequest, setStatus } from '../src/modules/aides/requests.store';
import { percentile, startBenchApp, type Report } from './harness';
import { benchSession, postJson } from './lib/session';

const PASSWORD = 'mot-de-passe-de-bench';

const HOUSEHOLD = {
  period: '2026-03',
  parent: { age: 34, salaire_net_mensuel: 900, activite: 'chomeur' },
  children: [{ age: 4 }, { age: 9 }],
  housing: { statut: 'locataire_hlm', loyer_mensuel: 450 },
  commune: 'Amiens',
  quartier: 'nord',
  quotient_familial: 640,
  anciennete_residence_mois: 12,
  aides_recues_cette_annee: [],
};

function eligibility(report: Report): void {
  const { aids } = demoRules();
  const parsed = parseAidsHousehold(HOUSEHOLD);
  if (!parsed.ok) throw new Error('bench household refused');
  const facts = factsFromInput(parsed.input, HOUSEHOLD, { name: 'Amiens', inseeCode: '80021' });
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += evaluateAll(aids, facts, '2026-03-10').length; // warm-up
  let best = 0;
  for (let w = 0; w < 5; w++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 1000) {
      for (let i = 0; i < 100; i++) sink += evaluateAll(aids, facts, '2026-03-10').length;
      n += 100;
    }
    best = Math.max(best, (n * 1000) / (performance.now() - start));
  }
  if (sink === 0) throw new Error('nothing evaluated');
  report('aides_eligibility_households_per_s', Math.round(best), 'households/s (every demo aid each)');
  report('aides_eligibility_evaluations_per_s', Math.round(best * aids.length), 'aid evaluations/s');
}

async function requestsAndGrants(report: Report): Promise<void> {
  const app = await startBenchApp();
  try {
    const db = app.rt.deps.db;
    const now = app.rt.deps.clock.now();
    await tx(db, (t) => installAidFiles(t, now, new Date(now).getUTCFullYear()));
    await insertUser(db, { identifier: 'bench-parent@bench.relais.fr', password: PASSWORD, role: 'parent', displayName: 'Parent' });
    const s = await benchSession(app.url, 'bench-parent@bench.relais.fr', PASSWORD);
    const post = (path: string, body: unknown) => postJson<{ id: string; household?: { id: string } }>(app.url, s, path, body);
    const household = await post('/api/dossiers/me', {
      parent: { firstName: 'Bench', lastName: 'Parent', email: 'bench-parent@bench.relais.fr' },
      children: [{ firstName: 'Enfant', birthDate: '2018-01-01' }],
      address: { postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'nord' },
      situation: { activity: 'chomeur', unemploymentNetMonthlyCents: 90000 },
      housing: { status: 'locataire_hlm' },
    });
    const megabyte = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 - 9, 0x20)]).toString('base64');
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      // One call: the request and its document, as the page sends them.
      await post('/api/aides/demandes', {
        aidId: 'cheque-sante',
        fields: {},
        documents: [{ kind: 'attestation-caf', name: 'attestation.pdf', mimeType: 'application/pdf', base64: megabyte }],
      });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    report('aides_file_request_p50_ms', percentile(times, 50), 'ms (request + one 1 MB document)');
    report('aides_file_request_p99_ms', percentile(times, 99), 'ms (request + one 1 MB document)');

    // Contention: many grants on one fund at once.
    await upsertFund(db, { id: 'fonds-bench', title: 'Fonds de bench', isDemo: false }, now);
    const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(now));
    await setBudget(db, 'fonds-bench', year, 1_000_000_000, now);
    const ids: string[] = [];
    for (let i = 0; i < 400; i++) {
      const id = await insertRequest(
        db,
        {
          householdId: household.household!.id,
          // A zero-rate loan: a yearly voucher aid credits a household once a year (the chèques' allowance index).
          aidId: 'pret-honneur',
          aidVersion: 1,
          fundId: 'fonds-bench',
          neighbourhood: 'nord',
          fields: {},
          eligibility: {},
          mandateId: null,
          createdBy: null,
          isDemo: false,
        },
        now,
      );
      await setStatus(db, id, 'en_instruction', now);
      ids.push(id);
    }
    const agent = await insertUser(db, { identifier: 'bench-agent@bench.relais.fr', password: PASSWORD, role: 'agent', displayName: 'Agent' });
    const ctx = makeCtx(app.rt.deps, agent);
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < ids.length) await grantRequest(ctx, ids[next++], { amountCents: 10000 });
      }),
    );
    report('aides_grants_per_s_contended', Math.round((ids.length * 1000) / (performance.now() - t0)), 'grants/s (one fund, 20 concurrent)');
  } finally {
    // 100 MB of uploaded test files: not kept.
    await fs.rm(path.join(app.rt.deps.config.dataDir, 'uploads', 'aides'), { recursive: true, force: true });
    await app.close();
  }
}

export default async function run(report: Report): Promise<void> {
  eligibility(report);
  await requestsAndGrants(report);
}
