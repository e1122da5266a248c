import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
const setClock = (iso: string) => (env.clock as unknown as { set(v: string): void }).set(iso);
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

async function planWithAction(coord: Awaited<ReturnType<TestEnv['as']>>) {
  const plan = (await coord.post('/api/pilotage/plans', { title: 'Plan test' })).json().id;
  const axis = (
    await coord.post(`/api/pilotage/plans/${plan}/axes`, { code: 'Axe 1', title: 'Accès aux droits', goals: ['Objectif 1 : réduire le non-recours'] })
  ).json().id;
  const objective = (await coord.post(`/api/pilotage/axes/${axis}/objectives`, { code: 'i', title: 'Simplifier' })).json().id;
  const action = (await coord.post(`/api/pilotage/objectives/${objective}/actions`, { title: 'Guichet itinérant', neighbourhoods: ['nord'] })).json().id;
  return { plan, axis, objective, action };
}

describe('the action plan', () => {
  it('a coordinator builds a plan; agents read it; others do not', async () => {
    const coord = await env.as('coordinator');
    const { plan, action } = await planWithAction(coord);
    const upd = await coord.patch(`/api/pilotage/actions/${action}`, {
      status: 'en_cours',
      leadService: 'CCAS',
      partners: ['CAF'],
      budgetPlannedCents: 1_500_000,
      budgetSpentCents: 250_000,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(upd.statusCode).toBe(200);
    const ind = await coord.post(`/api/pilotage/actions/${action}/indicators`, {
      label: 'Familles reçues',
      unit: 'familles',
      source: 'manual',
      baseline: 0,
      target: 100,
    });
    expect(ind.statusCode).toBe(201);
    const got = (await coord.get(`/api/pilotage/plans/${plan}`)).json();
    const a = got.axes[0].objectives[0].actions[0];
    expect(a).toMatchObject({
      status: 'en_cours',
      leadService: 'CCAS',
      partners: ['CAF'],
      budgetPlannedCents: 1_500_000,
      neighbourhoods: ['nord'],
      startDate: '2026-01-01',
    });
    expect(a.indicators[0]).toMatchObject({ label: 'Familles reçues', target: 100, baseline: 0, source: 'manual' });

    const agent = await env.as('agent');
    expect((await agent.get(`/api/pilotage/plans/${plan}`)).statusCode).toBe(200);
    expect((await agent.get(`/api/pilotage/plans/${plan}/dashboard`)).statusCode).toBe(200);
    expect((await agent.patch(`/api/pilotage/actions/${action}`, { status: 'realisee' })).statusCode).toBe(403);
    const parent = await env.as('parent');
    expect((await parent.get(`/api/pilotage/plans/${plan}`)).statusCode).toBe(403);
    expect((await env.client().get('/api/pilotage/plans')).statusCode).toBe(401);

    const log = await env.expectAudit('pilotage/action-updated', action, { actorId: coord.user.id });
    expect(log.details.status).toEqual({ from: 'a_lancer', to: 'en_cours' });
  });

  it('every change of a plan ends with its audit entry', async () => {
    const coord = await env.as('coordinator');
    const by = { actorId: coord.user.id };
    const { plan, axis, objective, action } = await planWithAction(coord);
    await env.expectAudit('pilotage/plan-created', plan, by);
    await env.expectAudit('pilotage/axis-created', axis, by);
    await env.expectAudit('pilotage/objective-created', objective, by);
    await env.expectAudit('pilotage/action-created', action, by);
    const ok = (r: { statusCode: number; body: string }) => expect(r.statusCode, r.body).toBeLessThan(300);
    ok(await coord.patch(`/api/pilotage/plans/${plan}`, { title: 'Plan renommé' }));
    await env.expectAudit('pilotage/plan-updated', plan, by);
    ok(await coord.patch(`/api/pilotage/axes/${axis}`, { title: 'Axe renommé' }));
    await env.expectAudit('pilotage/axis-updated', axis, by);
    ok(await coord.patch(`/api/pilotage/objectives/${objective}`, { title: 'Objectif renommé' }));
    await env.expectAudit('pilotage/objective-updated', objective, by);
    const ind = (await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Familles', source: 'manual' })).json().id;
    await env.expectAudit('pilotage/indicator-created', ind, by);
    ok(await coord.put(`/api/pilotage/indicators/${ind}`, { label: 'Familles reçues', source: 'manual' }));
    await env.expectAudit('pilotage/indicator-updated', ind, by);
    ok(await coord.put(`/api/pilotage/indicators/${ind}/values`, { period: '2026-02', value: 4 }));
    await env.expectAudit('pilotage/value-recorded', ind, by);
    ok(await coord.delete(`/api/pilotage/indicators/${ind}/values`, { period: '2026-02', neighbourhood: '*' }));
    await env.expectAudit('pilotage/value-removed', ind, by);
    ok(await coord.post(`/api/pilotage/plans/${plan}/compute`, { from: '2026-03', to: '2026-03' }));
    await env.expectAudit('pilotage/computed', plan, by);
    ok(await coord.put(`/api/pilotage/plans/${plan}/published`, { published: true }));
    await env.expectAudit('pilotage/plan-published', plan, by);
    ok(await coord.put(`/api/pilotage/plans/${plan}/published`, { published: false }));
    await env.expectAudit('pilotage/plan-unpublished', plan, by);
    ok(await coord.put(`/api/pilotage/actions/${action}/evaluation`, { title: 'Bilan', periodFrom: '2026-01', periodTo: '2026-03' }));
    await env.expectAudit('pilotage/evaluation-saved', action, by);
    ok(await coord.delete(`/api/pilotage/indicators/${ind}`));
    await env.expectAudit('pilotage/indicator-deleted', ind, by);
    ok(await coord.delete(`/api/pilotage/actions/${action}`));
    await env.expectAudit('pilotage/action-deleted', action, by);
    ok(await coord.delete(`/api/pilotage/objectives/${objective}`));
    await env.expectAudit('pilotage/objective-deleted', objective, by);
    ok(await coord.delete(`/api/pilotage/axes/${axis}`));
    await env.expectAudit('pilotage/axis-deleted', axis, by);
    ok(await coord.delete(`/api/pilotage/plans/${plan}`));
    await env.expectAudit('pilotage/plan-deleted', plan, by);
  });

  it('a partner reads only the actions its structure takes part in', async () => {
    const coord = await env.as('coordinator');
    const { action } = await planWithAction(coord);
    const structure = '00000000-0000-4000-8000-00000000b001';
    const partner = await env.as('partner', { structureId: structure });
    expect((await partner.get(`/api/pilotage/actions/${action}`)).statusCode).toBe(404);
    await coord.patch(`/api/pilotage/actions/${action}`, { partnerStructureIds: [structure] });
    expect((await partner.get(`/api/pilotage/actions/${action}`)).statusCode).toBe(200);
    expect((await partner.get('/api/pilotage/partner/actions')).json().actions.map((x: any) => x.id)).toEqual([action]);
    expect((await partner.get('/api/pilotage/plans')).statusCode).toBe(403);
  });

  it('bad input is a 400/422 with fields, never a 500', async () => {
    const coord = await env.as('coordinator');
    const { action, objective } = await planWithAction(coord);
    const r1 = await coord.patch(`/api/pilotage/actions/${action}`, { neighbourhoods: ['atlantide'] });
    expect(r1.statusCode).toBe(422);
    expect(r1.json().error.fields[0].path).toBe('neighbourhoods.0');
    const r2 = await coord.patch(`/api/pilotage/actions/${action}`, { startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(r2.statusCode).toBe(422);
    expect((await coord.patch(`/api/pilotage/actions/${action}`, { status: 'finie' })).statusCode).toBe(400);
    expect((await coord.patch(`/api/pilotage/actions/${action}`, { budgetPlannedCents: -1 })).statusCode).toBe(400);
    expect((await coord.post(`/api/pilotage/objectives/${objective}/actions`, { title: '' })).statusCode).toBe(400);
    const r3 = await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'X', source: 'relais', relaisId: 'nope.nothing' });
    expect(r3.statusCode).toBe(422);
    expect(r3.json().error.fields[0].path).toBe('relaisId');
    expect((await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'X', source: 'relais' })).statusCode).toBe(400);
    const r4 = await coord.post(`/api/pilotage/actions/${action}/indicators`, {
      label: 'X',
      source: 'questionnaire',
      questionnaire: { questionnaireId: '00000000-0000-4000-8000-000000000999', measure: 'mean', question: 'stress' },
    });
    expect(r4.statusCode).toBe(422);
    const computed = (
      await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Ouvertures', source: 'relais', relaisId: 'pilotage.files-opened' })
    ).json().id;
    expect((await coord.put(`/api/pilotage/indicators/${computed}/values`, { period: '2026-03', value: 3 })).statusCode).toBe(409);
    const manual = (await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Saisi', source: 'manual' })).json().id;
    expect((await coord.put(`/api/pilotage/indicators/${manual}/values`, { period: '2026-04', value: 3 })).statusCode).toBe(422);
    expect((await coord.put(`/api/pilotage/indicators/${manual}/values`, { period: '2026-3', value: 3 })).statusCode).toBe(400);
    expect((await coord.put(`/api/pilotage/indicators/${manual}/values`, { period: '2026-03', neighbourhood: 'atlantide', value: 3 })).statusCode).toBe(422);
    expect((await coord.get('/api/pilotage/plans/not-a-uuid')).statusCode).toBe(400);
    expect((await coord.get('/api/pilotage/plans/00000000-0000-4000-8000-000000000999')).statusCode).toBe(404);
  });

  it('manual values by month and neighbourhood feed the dashboard and the history', async () => {
    const coord = await env.as('coordinator');
    const { plan, action } = await planWithAction(coord);
    const id = (
      await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Familles reçues', unit: 'familles', source: 'manual', baseline: 0, target: 40 })
    ).json().id;
    for (const [period, value] of [
      ['2026-01', 4],
      ['2026-02', 10],
      ['2026-03', 20],
    ] as const) {
      expect((await coord.put(`/api/pilotage/indicators/${id}/values`, { period, value })).statusCode).toBe(200);
    }
    await coord.put(`/api/pilotage/indicators/${id}/values`, { period: '2026-03', neighbourhood: 'nord', value: 12 });
    await coord.put(`/api/pilotage/indicators/${id}/values`, { period: '2026-03', neighbourhood: 'sud', value: 8 });
    // A correction replaces the value.
    await coord.put(`/api/pilotage/indicators/${id}/values`, { period: '2026-02', value: 11 });
    const d = (await coord.get(`/api/pilotage/plans/${plan}/dashboard`)).json();
    const i = d.axes[0].objectives[0].actions[0].indicators[0];
    expect(i.history).toEqual([
      { period: '2026-01', value: 4 },
      { period: '2026-02', value: 11 },
      { period: '2026-03', value: 20 },
    ]);
    expect(i.latest).toEqual({ period: '2026-03', value: 20 });
    expect(i.standing).toMatchObject({ state: 'on-way', percent: 50 });
    expect(i.byNeighbourhood).toEqual({ nord: 12, sud: 8 });
    expect(d.axes[0].counts).toEqual({ a_lancer: 1, en_cours: 0, realisee: 0, abandonnee: 0 });
    const detail = (await coord.get(`/api/pilotage/indicators/${id}`)).json();
    expect(detail.values).toHaveLength(5);
    expect((await coord.delete(`/api/pilotage/indicators/${id}/values`, { period: '2026-01', neighbourhood: '*' })).statusCode).toBe(204);
    expect((await coord.get(`/api/pilotage/indicators/${id}`)).json().values).toHaveLength(4);
  });
});

describe('indicators computed from Relais’ own data', () => {
  const file = (neighbourhoodId: string) => ({ parent: { firstName: 'Awa', birthDate: '1991-02-03' }, address: { postalCode: '80000', neighbourhoodId } });

  it('files opened by agents, by neighbourhood, change when agents open files', async () => {
    const coord = await env.as('coordinator');
    const { plan, action } = await planWithAction(coord);
    const id = (
      await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Ouvertures', source: 'relais', relaisId: 'pilotage.files-opened' })
    ).json().id;
    const values = async () => {
      const r = await coord.post(`/api/pilotage/plans/${plan}/compute`, { from: '2026-03', to: '2026-03' });
      expect(r.statusCode).toBe(200);
      return Object.fromEntries(
        (await coord.get(`/api/pilotage/indicators/${id}`))
          .json()
          .values.filter((v: any) => v.period === '2026-03')
          .map((v: any) => [v.neighbourhood, v.value]),
      );
    };
    const before = await values();
    const agent = await env.as('agent');
    const p1 = await env.as('parent');
    const h1 = (await p1.post('/api/dossiers/me', file('nord'))).json().household.id;
    const p2 = await env.as('parent');
    const h2 = (await p2.post('/api/dossiers/me', file('sud'))).json().household.id;
    expect((await agent.post(`/api/dossiers/households/${h1}/open`, { reason: 'Accueil' })).statusCode).toBe(200);
    const after1 = await values();
    expect(after1['nord']).toBe((before['nord'] ?? 0) + 1);
    expect(after1['sud'] ?? 0).toBe(before['sud'] ?? 0);
    expect(after1['*']).toBe((before['*'] ?? 0) + 1);
    const agent2 = await env.as('agent');
    await agent2.post(`/api/dossiers/households/${h2}/open`, { reason: 'Rendez-vous' });
    await agent.post(`/api/dossiers/households/${h2}/open`, { reason: 'Suivi' });
    const after2 = await values();
    expect(after2['sud']).toBe((before['sud'] ?? 0) + 2);
    expect(after2['*']).toBe((before['*'] ?? 0) + 3);

    // Next month, the March snapshot stays in the history; April starts from zero.
    setClock('2026-04-02T10:00:00+02:00');
    try {
      const c2 = await env.as('coordinator');
      expect((await c2.post(`/api/pilotage/plans/${plan}/compute`, { from: '2026-03', to: '2026-04' })).statusCode).toBe(200);
      const d = (await c2.get(`/api/pilotage/plans/${plan}/dashboard`)).json();
      const i = d.axes[0].objectives[0].actions[0].indicators[0];
      expect(i.history).toEqual([
        { period: '2026-03', value: after2['*'] },
        { period: '2026-04', value: 0 },
      ]);
    } finally {
      setClock('2026-03-10T10:00:00+01:00');
    }
  });

  it('every registry indicator is evaluated by neighbourhood for a month', async () => {
    const agent = await env.as('agent');
    const cat = (await agent.get('/api/pilotage/registry')).json().indicators.map((i: any) => i.id);
    expect(cat).toEqual(expect.arrayContaining(['pilotage.files-opened', 'pilotage.parent-accounts', 'dossiers.files-created', 'annuaire.services-listed']));
    const before = (await agent.get('/api/pilotage/registry/values?period=2026-03')).json();
    const created = (x: any) => x.indicators.find((i: any) => i.id === 'dossiers.files-created').values;
    const val = (vs: any[], k: string) => vs.find((v: any) => v.neighbourhood === k)?.value ?? 0;
    const p = await env.as('parent');
    await p.post('/api/dossiers/me', file('etouvie'));
    // Accounts carry the database's time: one dated in March.
    await env.rt.deps.db.query(
      `INSERT INTO users (email, role, display_name, created_at) VALUES ('mars@test.relais.fr', 'parent', 'Mars', '2026-03-05T10:00:00+01:00')`,
    );
    const after = (await agent.get('/api/pilotage/registry/values?period=2026-03')).json();
    expect(val(created(after), 'etouvie')).toBe(val(created(before), 'etouvie') + 1);
    const accounts = (x: any) => val(x.indicators.find((i: any) => i.id === 'pilotage.parent-accounts').values, '*');
    expect(accounts(after)).toBe(accounts(before) + 1);
    expect((await agent.get('/api/pilotage/registry/values?period=2030-01')).statusCode).toBe(422);
  });
});

describe('demo plans, questionnaire indicator and evaluation', () => {
  it('ships Dijon and Amiens as examples; the stress mean comes from the Amiens answers', async () => {
    await env.seedDemo();
    const coord = await env.as('coordinator');
    const plans = (await coord.get('/api/pilotage/plans')).json().plans.filter((p: any) => p.isDemo);
    const dijon = plans.find((p: any) => /Dijon/.test(p.title));
    const amiens = plans.find((p: any) => /Amiens/.test(p.title));
    expect(dijon).toMatchObject({ axes: 5 });
    expect(amiens).toMatchObject({ axes: 4 });
    const tree = (await coord.get(`/api/pilotage/plans/${dijon.id}`)).json();
    expect(tree.axes.map((a: any) => a.title)).toEqual([
      "Améliorer l'accès aux services publics",
      "Faciliter l'accès au logement",
      "Renforcer les réponses en matière de mode d'accueil des enfants",
      "Développer l'accès au sport, à la culture et aux loisirs",
      'Soutenir la fonction parentale, accompagner les familles monoparentales',
    ]);
    const all = (t: any) => t.axes.flatMap((a: any) => a.objectives.flatMap((o: any) => o.actions.flatMap((x: any) => x.indicators)));
    expect(all(tree).every((i: any) => i.target === null)).toBe(true);

    const am = (await coord.get(`/api/pilotage/plans/${amiens.id}`)).json();
    expect(am.axes.flatMap((a: any) => a.objectives.map((o: any) => o.code))).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2']);
    const stress = all(am).find((i: any) => i.source === 'questionnaire');
    expect(stress).toMatchObject({ baseline: 6.24, target: null, direction: 'decrease' });
    await coord.post(`/api/pilotage/plans/${amiens.id}/compute`, { from: '2026-03', to: '2026-03' });
    const detail = (await coord.get(`/api/pilotage/indicators/${stress.id}`)).json();
    expect(detail.indicator.latest).toEqual({ period: '2026-03', value: 6.24 });
    expect(detail.values.some((v: any) => v.neighbourhood === 'nord')).toBe(true);
  });

  it('satisfaction in an evaluation can come from a questionnaire, with the respondents it rests on', async () => {
    const coord = await env.as('coordinator');
    const qid = (await coord.get('/api/diagnostic/questionnaires')).json().questionnaires.find((q: any) => q.isDemo).id;
    const { action } = await planWithAction(coord);
    const sat = await coord.post(`/api/pilotage/actions/${action}/indicators`, {
      label: 'Parents satisfaits du cadre de vie',
      unit: '%',
      source: 'questionnaire',
      questionnaire: { questionnaireId: qid, measure: 'share', question: 'satisfait_quartier', option: 'Oui' },
    });
    expect(sat.statusCode).toBe(201);
    const bad = await coord.post(`/api/pilotage/actions/${action}/indicators`, {
      label: 'X',
      source: 'questionnaire',
      questionnaire: { questionnaireId: qid, measure: 'share', question: 'satisfait_quartier', option: 'Peut-être' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toMatch(/^questionnaire/);
    const plan = (
      await env.rt.deps.db.query(
        `SELECT a.plan_id FROM pilotage_actions x JOIN pilotage_objectives o ON o.id = x.objective_id JOIN pilotage_axes a ON a.id = o.axis_id WHERE x.id = $1`,
        [action],
      )
    ).rows[0].plan_id;
    await coord.post(`/api/pilotage/plans/${plan}/compute`, { from: '2026-03', to: '2026-03' });
    await coord.put(`/api/pilotage/actions/${action}/evaluation`, {
      title: 'Bilan',
      periodFrom: '2026-01',
      periodTo: '2026-03',
      satisfactionIndicatorId: sat.json().id,
    });
    const e = (await coord.get(`/api/pilotage/actions/${action}/evaluation`)).json();
    // The Amiens diagnostic publishes 59.3 % "Oui" (51 of 86).
    expect(e.figures.satisfaction).toMatchObject({ unit: '%', value: 59.3, base: 86, period: '2026-03' });
  });

  it('the evaluation report gathers families reached, satisfaction, participation and obstacles', async () => {
    const coord = await env.as('coordinator');
    const { action } = await planWithAction(coord);
    const mk = async (label: string) =>
      (await coord.post(`/api/pilotage/actions/${action}/indicators`, { label, unit: 'familles', source: 'manual' })).json().id;
    const reached = await mk('Familles bénéficiaires');
    const satisfaction = await mk('Satisfaction');
    const participation = await mk('Participation');
    await coord.put(`/api/pilotage/indicators/${reached}/values`, { period: '2026-02', value: 7 });
    await coord.put(`/api/pilotage/indicators/${reached}/values`, { period: '2026-03', value: 5 });
    await coord.put(`/api/pilotage/indicators/${satisfaction}/values`, { period: '2026-03', value: 82 });
    await coord.put(`/api/pilotage/indicators/${participation}/values`, { period: '2026-03', neighbourhood: 'nord', value: 9 });
    await coord.put(`/api/pilotage/indicators/${participation}/values`, { period: '2026-02', neighbourhood: 'nord', value: 1 });
    await coord.put(`/api/pilotage/indicators/${participation}/values`, { period: '2026-03', neighbourhood: 'sud', value: 3 });
    const body = {
      title: 'Bilan <sport>',
      periodFrom: '2026-01',
      periodTo: '2026-03',
      reachedIndicatorId: reached,
      satisfactionIndicatorId: satisfaction,
      participationIndicatorId: participation,
      obstacles: 'Horaires du samedi\n\nTransport depuis Étouvie',
      conclusions: '',
    };
    expect((await coord.put(`/api/pilotage/actions/${action}/evaluation`, body)).statusCode).toBe(200);
    const e = (await coord.get(`/api/pilotage/actions/${action}/evaluation`)).json();
    expect(e.figures.reached).toMatchObject({ total: 12 });
    expect(e.figures.satisfaction).toMatchObject({ value: 82, period: '2026-03' });
    expect(e.figures.participation.rows.find((r: any) => r.id === 'nord').value).toBe(10);
    expect(e.figures.participation.total).toBe(13);
    const html = await coord.get(`/api/pilotage/actions/${action}/evaluation/report`);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Bilan &lt;sport&gt;');
    expect(html.body).toContain('Freins persistants');
    expect(html.body).toContain('<p>Transport depuis Étouvie</p>');
    expect(html.body).not.toContain('<sport>');
    const other = await planWithAction(coord);
    const foreign = (await coord.post(`/api/pilotage/actions/${other.action}/indicators`, { label: 'Ailleurs', source: 'manual' })).json().id;
    const bad = await coord.put(`/api/pilotage/actions/${action}/evaluation`, { ...body, reachedIndicatorId: foreign });
    expect(bad.statusCode).toBe(422);
    expect((await coord.put(`/api/pilotage/actions/${action}/evaluation`, { ...body, periodFrom: '2026-04' })).statusCode).toBe(422);
    const agent = await env.as('agent');
    expect((await agent.get(`/api/pilotage/actions/${action}/evaluation/report`)).statusCode).toBe(200);
    expect((await agent.put(`/api/pilotage/actions/${action}/evaluation`, body)).statusCode).toBe(403);
  });

  it('the monthly job snapshots every plan', async () => {
    const coord = await env.as('coordinator');
    const { action } = await planWithAction(coord);
    const id = (
      await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Comptes parents', source: 'relais', relaisId: 'pilotage.parent-accounts' })
    ).json().id;
    await env.rt.deps.jobs.runNow('pilotage.snapshot', {});
    const periods = (await coord.get(`/api/pilotage/indicators/${id}`)).json().values.map((v: any) => v.period);
    expect(periods).toEqual(expect.arrayContaining(['2026-02', '2026-03']));
  });
});

describe('relais pilotage (CLI)', () => {
  async function cli(...args: string[]) {
    const { Command } = await import('commander');
    const { registerPilotageCli } = await import('./pilotage.cli');
    const program = new Command().exitOverride();
    registerPilotageCli(program, async () => ({ ...env.rt, close: async () => {} }));
    const out: string[] = [];
    const err: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (...a: unknown[]) => out.push(a.join(' '));
    console.error = (...a: unknown[]) => err.push(a.join(' '));
    const before = process.exitCode;
    try {
      await program.parseAsync(['node', 'relais', 'pilotage', ...args]);
      return { out: out.join('\n'), err: err.join('\n'), code: process.exitCode ?? 0 };
    } finally {
      console.log = log;
      console.error = error;
      process.exitCode = before;
    }
  }

  it('evaluates every registry indicator for a month, as JSON', async () => {
    const r = await cli('indicateurs', '--mois', '2026-03', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.period).toBe('2026-03');
    expect(json.indicators.map((i: any) => i.id)).toContain('pilotage.files-opened');
  });

  it('refuses a bad month with exit code 2 and a French message', async () => {
    const r = await cli('indicateurs', '--mois', 'mars');
    expect(r.code).toBe(2);
    expect(r.err).toContain('AAAA-MM');
  });

  it('computes every plan now', async () => {
    const r = await cli('calculer', '--depuis', '2026-02', '--jusqu-a', '2026-03');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/indicateur\(s\), \d+ valeur\(s\) enregistrée\(s\)/);
  });
});

describe('public summary', () => {
  it('nothing is public until the coordination publishes; then statuses and town values, never by neighbourhood', async () => {
    const coord = await env.as('coordinator');
    const { plan, action } = await planWithAction(coord);
    const id = (
      await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Familles reçues', unit: 'familles', source: 'manual', target: 50 })
    ).json().id;
    await coord.put(`/api/pilotage/indicators/${id}/values`, { period: '2026-03', value: 20 });
    await coord.put(`/api/pilotage/indicators/${id}/values`, { period: '2026-03', neighbourhood: 'nord', value: 2 });
    await coord.patch(`/api/pilotage/actions/${action}`, { status: 'en_cours', budgetPlannedCents: 100_000 });
    const anon = env.client();
    expect((await anon.get(`/api/pilotage/public/plans/${plan}`)).statusCode).toBe(404);
    expect((await anon.get('/api/pilotage/public/plans')).json().plans.map((p: any) => p.id)).not.toContain(plan);
    expect((await (await env.as('agent')).put(`/api/pilotage/plans/${plan}/published`, { published: true })).statusCode).toBe(403);
    expect((await coord.put(`/api/pilotage/plans/${plan}/published`, { published: true })).statusCode).toBe(200);
    expect((await anon.get('/api/pilotage/public/plans')).json().plans.map((p: any) => p.id)).toContain(plan);
    const pub = await anon.get(`/api/pilotage/public/plans/${plan}`);
    expect(pub.statusCode).toBe(200);
    const a = pub.json().axes[0].objectives[0].actions[0];
    expect(a).toMatchObject({ status: 'en_cours' });
    expect(a.indicators[0]).toMatchObject({ latest: { period: '2026-03', value: 20 }, target: 50 });
    expect(pub.body).not.toContain('byNeighbourhood');
    expect(pub.body).not.toContain('budget');
    await coord.put(`/api/pilotage/plans/${plan}/published`, { published: false });
    expect((await anon.get(`/api/pilotage/public/plans/${plan}`)).statusCode).toBe(404);
  });
});
