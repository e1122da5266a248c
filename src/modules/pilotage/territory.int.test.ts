import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

const BY_HOOD = 'zone;familles;familles_monoparentales;taux_pauvrete_monoparentales\nNord;3 400;1 650;55\nÉtouvie;1 900;980;58\nAmiens;16 830;6 613;41\n';

describe('territory figures', () => {
  it('a coordinator imports a year of figures; agents read them; others may not', async () => {
    const coord = await env.as('coordinator');
    const res = await coord.post('/api/pilotage/territory/imports', { csv: BY_HOOD, year: 2021, source: 'INSEE, RP 2021', fileName: 'quartiers.csv' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2021, areas: 3, values: 9, ignored: [] });
    await env.expectAudit('pilotage/territory-imported', res.json().id, { actorId: coord.user.id });

    const agent = await env.as('agent');
    const view = (await agent.get('/api/pilotage/territory')).json();
    expect(view.year).toBe(2021);
    expect(view.source).toMatchObject({ source: 'INSEE, RP 2021', fileName: 'quartiers.csv', isDemo: false });
    const nord = view.areas.find((a: { area: string }) => a.area === 'nord');
    expect(nord.values).toContainEqual({ figure: 'familles_monoparentales', value: 1650, origin: 'given' });
    expect(view.areas[0]).toMatchObject({ area: '*', name: 'Amiens (ville entière)' });
    // The directory's ratios take them as denominators, with their source.
    const directory = (await env.client().get('/api/annuaire/territoire')).json();
    expect(directory).toMatchObject({ year: 2021, sources: ['INSEE, RP 2021'] });
    expect(directory.rows.find((r: { id: string }) => r.id === 'nord').indicators).toMatchObject({ familles: 3400, familles_monoparentales: 1650 });

    for (const role of ['parent', 'partner'] as const) {
      const c = await env.as(role);
      expect((await c.get('/api/pilotage/territory')).statusCode).toBe(403);
      expect((await c.post('/api/pilotage/territory/imports', { csv: BY_HOOD, year: 2021, source: 'INSEE' })).statusCode).toBe(403);
    }
    expect((await agent.post('/api/pilotage/territory/imports', { csv: BY_HOOD, year: 2021, source: 'INSEE' })).statusCode).toBe(403);
  });

  it('a wrong file says each line and column, and changes nothing', async () => {
    const coord = await env.as('coordinator');
    const before = (await coord.get('/api/pilotage/territory?year=2021')).json();
    const mark = await env.auditMark();
    const res = await coord.post('/api/pilotage/territory/imports', { csv: 'zone;familles\nNord;12\nLongueau;3\nSud;douze\n', year: 2021, source: 'INSEE' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('pilotage/territory-invalid');
    expect(res.json().error.fields).toEqual([
      { path: 'file', message: "Ligne 3, colonne A (zone) : « Longueau » n'est ni la ville, ni un quartier de Amiens, ni un code IRIS (9 caractères)." },
      { path: 'file', message: "Ligne 4, colonne B (familles) : « douze » n'est pas un nombre positif." },
    ]);
    expect((await coord.get('/api/pilotage/territory?year=2021')).json().areas).toEqual(before.areas);
    await expect(env.expectAudit('pilotage/territory-imported', null, { after: mark })).rejects.toThrow();
    const noYear = await coord.post('/api/pilotage/territory/imports', { csv: BY_HOOD, source: '' });
    expect(noYear.statusCode).toBe(400);
    expect(
      noYear
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['source', 'year']);
  });

  it('years are kept apart: a new import replaces its own year only', async () => {
    const coord = await env.as('coordinator');
    await coord.post('/api/pilotage/territory/imports', { csv: 'zone;familles_monoparentales\nNord;1 700\n', year: 2022, source: 'INSEE, RP 2022' });
    const v22 = (await coord.get('/api/pilotage/territory')).json();
    expect(v22.years).toEqual([2022, 2021]);
    expect(v22.areas.find((a: { area: string }) => a.area === 'nord').values).toEqual([{ figure: 'familles_monoparentales', value: 1700, origin: 'given' }]);
    const v21 = (await coord.get('/api/pilotage/territory?year=2021')).json();
    expect(v21.areas.find((a: { area: string }) => a.area === 'nord').values).toHaveLength(3);
  });

  it("the figures are the denominators of Relais' counts and of the questionnaire's respondents", async () => {
    const coord = await env.as('coordinator');
    const view = (await coord.get('/api/pilotage/territory?year=2021')).json();
    const services = view.ratios.find((r: { id: string }) => r.id === 'annuaire.services-listed');
    expect(services).toMatchObject({ scale: 1000, label: "Services de l'annuaire pour 1 000 familles monoparentales" });
    const town = services.rows.find((r: { area: string }) => r.area === '*');
    expect(town.ratio).toBe(Math.round((town.count * 10_000) / 6613) / 10);
    // A neighbourhood without figures has no ratio.
    expect(services.rows.find((r: { area: string }) => r.area === 'sud').ratio).toBeNull();
  });

  it('the CLI imports a file with its source and year, and refuses a bad one with exit code 2', async () => {
    const { registerPilotageCli } = await import('./pilotage.cli');
    const { Command } = await import('commander');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'territoire-'));
    const good = path.join(dir, 'chiffres.csv');
    fs.writeFileSync(good, 'IRIS;quartier;C21_FAMMONO\n800210101;Nord;300\n800210102;Nord;200\n');
    const run = async (...args: string[]) => {
      const program = new Command().exitOverride();
      registerPilotageCli(program, async () => ({ ...env.rt, close: async () => {} }));
      const logs: string[] = [];
      const log = console.log;
      const error = console.error;
      console.log = (m: string) => void logs.push(m);
      console.error = (m: string) => void logs.push(m);
      process.exitCode = 0;
      try {
        await program.parseAsync(['node', 'relais', 'pilotage', 'territoire', 'import', ...args]);
      } finally {
        console.log = log;
        console.error = error;
      }
      const code = process.exitCode;
      process.exitCode = 0;
      return { code, logs };
    };
    const ok = await run(good, '--source', 'INSEE, RP 2020 (IRIS)', '--year', '2020');
    expect(ok.code).toBe(0);
    expect(ok.logs[0]).toBe('2 chiffre(s) importé(s) pour 2 territoire(s), année 2020.');
    const coord = await env.as('coordinator');
    const v = (await coord.get('/api/pilotage/territory?year=2020')).json();
    expect(v.iris).toBe(2);
    expect(v.areas.find((a: { area: string }) => a.area === 'nord').values).toEqual([{ figure: 'familles_monoparentales', value: 500, origin: 'iris' }]);
    await env.expectAudit('pilotage/territory-imported', v.source.id, { actorId: null });

    fs.writeFileSync(good, 'zone;familles\nNulle part;3\n');
    const bad = await run(good, '--source', 'INSEE', '--year', '2019');
    expect(bad.code).toBe(2);
    expect(bad.logs.join('\n')).toContain('Ligne 2, colonne A (zone)');
    expect((await run(good, '--source', 'INSEE', '--year', 'vingt')).code).toBe(2);
  });

  it("the demo: Amiens' figures with their source beside its questionnaire, and its workshop's proposals become its actions", async () => {
    await env.seedDemo();
    const coord = await env.as('coordinator');
    const view = (await coord.get('/api/pilotage/territory?year=2024')).json();
    expect(view.source).toMatchObject({ year: 2024, isDemo: true, fileName: 'amiens-territoire.csv' });
    expect(view.source.source).toMatch(/^Source : INSEE .*Observatoire social communal d'Amiens/);
    expect(view.areas[0].values).toEqual([
      { figure: 'familles', value: 16830, origin: 'given' },
      { figure: 'familles_monoparentales', value: 6613, origin: 'given' },
      { figure: 'taux_pauvrete_monoparentales', value: 41, origin: 'given' },
      { figure: 'taux_pauvrete_couples', value: 26, origin: 'given' },
      { figure: 'niveau_vie_median_monoparentales', value: 1289, origin: 'given' },
    ]);
    // No figure by neighbourhood in the document: none made up.
    expect(view.areas.slice(1).every((a: { values: unknown[] }) => a.values.length === 0)).toBe(true);
    const survey = view.survey.questionnaire;
    expect(survey.isDemo).toBe(true);
    const whole = survey.rows.find((r: { area: string }) => r.area === '*');
    expect(whole.respondents).toBeGreaterThan(0);
    expect(whole.per1000).toBe(Math.round((whole.respondents * 10_000) / 6613) / 10);

    // The figures are the denominator of the plan's counts, never of a mean.
    const amiens = (await coord.get('/api/pilotage/plans')).json().plans.find((p: { title: string }) => p.title.includes('Amiens'));
    const tree = (await coord.get(`/api/pilotage/plans/${amiens.id}`)).json();
    const indicators = tree.axes.flatMap((a: any) => a.objectives.flatMap((o: any) => o.actions.flatMap((x: any) => x.indicators)));
    const files = indicators.find((i: { label: string }) => i.label === 'Dossiers de familles ouverts par les agents');
    const detail = (await coord.get(`/api/pilotage/indicators/${files.id}`)).json();
    expect(detail).toMatchObject({ figure: 'familles_monoparentales' });
    expect(detail.denominator).toMatchObject({ label: 'Familles monoparentales', year: 2024, isDemo: true, scale: 1000, values: [{ area: '*', base: 6613 }] });
    const stress = indicators.find((i: { unit: string }) => i.unit === 'sur 10');
    expect((await coord.get(`/api/pilotage/indicators/${stress.id}`)).json()).toMatchObject({ figure: null, denominator: null });

    // The coordination chooses the figure per indicator: families with children…
    const choose = `/api/pilotage/indicators/${files.id}/denominator`;
    for (const role of ['agent', 'parent', 'partner'] as const)
      expect((await (await env.as(role)).put(choose, { figure: 'familles' })).statusCode, role).toBe(403);
    const bad = await coord.put(choose, { figure: 'habitants' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('figure');
    const mark = await env.auditMark();
    expect((await coord.put(choose, { figure: 'familles' })).json()).toEqual({ figure: 'familles' });
    await env.expectAudit('pilotage/indicator-denominator-set', files.id, { actorId: coord.user.id, after: mark });
    expect((await coord.get(`/api/pilotage/indicators/${files.id}`)).json().denominator).toMatchObject({
      figure: 'familles',
      label: 'Familles avec enfants',
      values: [{ area: '*', base: 16830 }],
    });
    // …or children under 11, which the Amiens figures do not give: no ratio is made up.
    await coord.put(choose, { figure: 'enfants_moins_11' });
    expect((await coord.get(`/api/pilotage/indicators/${files.id}`)).json()).toMatchObject({ figure: 'enfants_moins_11', denominator: null });
    expect((await coord.put(`/api/pilotage/indicators/${crypto.randomUUID()}/denominator`, { figure: 'familles' })).statusCode).toBe(404);

    const plans = (await env.client().get('/api/pilotage/ideas/plans')).json().plans;
    expect(plans.map((p: { title: string }) => p.title)).toEqual([expect.stringContaining('Amiens')]);
    const ideas = (await env.client().get(`/api/pilotage/ideas?planId=${plans[0].id}`)).json().proposals;
    expect(ideas).toHaveLength(28);
    expect(ideas.every((p: { origin: string; actionId: string | null; isDemo: boolean }) => p.origin === 'workshop' && p.actionId && p.isDemo)).toBe(true);
  });
});
