/**
 * Indicators are never stale until someone clicks « Calculer maintenant » (issue 18): the
 * snapshot job runs every hour through the queue, and is sent after the events that change
 * some indicators (an indicator created or changed; answers received for a questionnaire).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { snapshotJob } from './pilotage.jobs';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-12-04T10:00:00+01:00' });
});
afterAll(() => env.close());

const queued = async (match: Record<string, unknown>) =>
  (
    await env.rt.deps.db.query<{ data: Record<string, unknown> }>(`SELECT data FROM pgboss.job WHERE name = 'pilotage.snapshot' AND data @> $1::jsonb`, [
      JSON.stringify(match),
    ])
  ).rows.map((r) => r.data);

it('runs every hour', () => {
  expect(snapshotJob.cron).toBe('0 * * * *');
});

it('an indicator created is computed by the queue for its last six months; the dashboard then shows it without a click', async () => {
  const coord = await env.as('coordinator');
  const plan = (await coord.post('/api/pilotage/plans', { title: 'Plan frais' })).json().id;
  const axis = (await coord.post(`/api/pilotage/plans/${plan}/axes`, { code: 'Axe 1', title: 'Accès aux droits', goals: [] })).json().id;
  const objective = (await coord.post(`/api/pilotage/axes/${axis}/objectives`, { code: 'i', title: 'Simplifier' })).json().id;
  const action = (await coord.post(`/api/pilotage/objectives/${objective}/actions`, { title: 'Guichet', neighbourhoods: [] })).json().id;
  const id = (
    await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Ouvertures', source: 'relais', relaisId: 'pilotage.files-opened' })
  ).json().id;
  const [job] = await queued({ indicatorId: id });
  expect(job).toEqual({ indicatorId: id, periods: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'] });

  // A family's file opened this month, then the queue's run (as the worker would).
  const parent = await env.as('parent');
  const h = (await parent.post('/api/dossiers/me', { parent: { firstName: 'Awa' }, address: { postalCode: '80000', neighbourhoodId: 'nord' } })).json()
    .household.id;
  await (await env.as('agent')).post(`/api/dossiers/households/${h}/open`, { reason: 'Accueil' });
  await env.rt.deps.jobs.runNow('pilotage.snapshot', job!);
  const d = (await coord.get(`/api/pilotage/plans/${plan}/dashboard`)).json();
  expect(d.axes[0].objectives[0].actions[0].indicators[0].history.at(-1)).toEqual({ period: '2026-12', value: 1 });

  // The hourly run (no narrowing) computes every plan's indicators for last month and this one.
  await (await env.as('agent')).post(`/api/dossiers/households/${h}/open`, { reason: 'Suivi' });
  await env.rt.deps.jobs.runNow('pilotage.snapshot', {});
  const d2 = (await coord.get(`/api/pilotage/plans/${plan}/dashboard`)).json();
  expect(d2.axes[0].objectives[0].actions[0].indicators[0].history.at(-1)).toEqual({ period: '2026-12', value: 2 });
});

it('answers received for a questionnaire send its indicators’ refresh for this month', async () => {
  const coord = await env.as('coordinator');
  const created = await coord.post('/api/diagnostic/questionnaires', {
    definition: { title: 'Garde', questions: [{ id: 'garde', type: 'single', label: 'Garde ?', options: ['Oui', 'Non'] }] },
    access: 'links',
  });
  const qid = created.json().id;
  await coord.post(`/api/diagnostic/questionnaires/${qid}/publish`);
  await coord.post(`/api/diagnostic/questionnaires/${qid}/import`, { csv: 'id,garde\nA,Oui\n' });
  await coord.post(`/api/diagnostic/questionnaires/${qid}/import`, { csv: 'id,garde\nB,Non\n' });
  expect(await queued({ questionnaireId: qid })).toEqual([
    { questionnaireId: qid, periods: ['2026-12'] },
    { questionnaireId: qid, periods: ['2026-12'] },
  ]);
});
