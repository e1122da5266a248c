import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { testHousehold } from './test-households';

const sample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'fixtures/benefits-sample.json'), 'utf8')) as {
  cases: { input: { id: string }; expected: Record<string, number> }[];
};

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2025-05-10T10:00:00+02:00', jobs: 'none' });
});
afterAll(() => env.close());

describe('POST /api/droits/simulations', () => {
  it('answers one household without an account', async () => {
    const res = await env.client().post('/api/droits/simulations', sample.cases[0]!.input);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.id).toBe('sample-0001');
    expect(body.amounts).toEqual(sample.cases[0]!.expected);
    expect(body.explanations.rsa.steps.length).toBeGreaterThan(3);
  });
  it('answers an array in the same order', async () => {
    const res = await env.client().post(
      '/api/droits/simulations',
      sample.cases.slice(0, 5).map((c) => c.input),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { id: string }) => r.id)).toEqual(sample.cases.slice(0, 5).map((c) => c.input.id));
  });
  it('422 with the field paths on bad input', async () => {
    const bad = testHousehold({ children: ['2015-01-01', '2031-01-01'] });
    const res = await env.client().post('/api/droits/simulations', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('droits/invalid-household');
    expect(res.json().error.fields).toEqual([{ path: 'children.1.date_naissance', message: "L'enfant doit être né au plus tard pendant le mois simulé." }]);
  });
  it('422 for a shape error too, prefixed by the index in an array', async () => {
    const h = testHousehold();
    (h.housing as { statut: string }).statut = 'cabane';
    const res = await env.client().post('/api/droits/simulations', [testHousehold(), h]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('1.housing.statut');
  });
});

describe('POST /api/droits/simulations, odd bodies', () => {
  it('a JSON value that is not a household: 422, never a 500', async () => {
    for (const body of [42, [null], [{}], { period: 12 }]) {
      const res = await env.client().post('/api/droits/simulations', body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('droits/invalid-household');
    }
  });
  it('an empty list gives an empty list', async () => {
    const res = await env.client().post('/api/droits/simulations', []);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });
  it('more than 1 000 households: 413', async () => {
    const res = await env.client().post(
      '/api/droits/simulations',
      Array.from({ length: 1001 }, () => ({})),
    );
    expect(res.statusCode).toBe(413);
  });
});

describe('GET /api/droits/benefits', () => {
  it('lists the eight benefits with who pays, conditions, how to claim and current amounts', async () => {
    const res = await env.client().get('/api/droits/benefits');
    expect(res.statusCode).toBe(200);
    const { benefits } = res.json();
    expect(benefits.map((b: { key: string }) => b.key)).toEqual(['asf', 'af', 'cf', 'rsa', 'ppa', 'aide_logement', 'paje_base', 'ars_annuel']);
    const asf = benefits[0];
    expect(asf.payer).toContain('CAF');
    expect(asf.howToClaim.join(' ')).toContain('ARIPA');
    expect(asf.amountsOn).toBe('2025-05-10');
    expect(asf.currentAmounts[0].amount).toBe(200.18); // 474,37 × 42,2 %
  });
});

describe('GET /api/droits/references', () => {
  it('resolves the parameter ids of the explanation steps, for the simulated month', async () => {
    const sim = (await env.client().post('/api/droits/simulations', { ...testHousehold(), id: 'r' })).json();
    const res = await env.client().get(`/api/droits/references?period=${sim.period}`);
    expect(res.statusCode).toBe(200);
    const { period, references } = res.json();
    expect(period).toBe(sim.period);
    const inline = Object.values(sim.explanations as Record<string, { steps: { parameter?: string; reference?: string }[] }>).flatMap((e) =>
      e.steps.filter((s) => s.reference),
    );
    expect(inline.length).toBeGreaterThan(0);
    for (const step of inline) expect(references[step.parameter!].text).toBe(step.reference);
    expect(references['asf.taux_par_enfant'].href).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//);
    // And what the numbers of `relais droits simulate --references ids` mean.
    const { catalogue } = res.json();
    expect(catalogue.labels).toContain('Montant mensuel');
    expect(catalogue.parameters).toContain('asf.taux_par_enfant');
    expect(catalogue.version).toMatch(/^[0-9a-f]{8}$/);
  });
  it('without a month: the current one; a bad or unknown month: 4xx naming the field', async () => {
    expect((await env.client().get('/api/droits/references')).statusCode).toBe(200);
    const bad = await env.client().get('/api/droits/references?period=décembre');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('period');
    for (const period of ['2026-13', '1999-01']) {
      const res = await env.client().get(`/api/droits/references?period=${period}`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields[0]).toMatchObject({ path: 'period', message: expect.stringContaining('AAAA-MM') });
    }
  });
});

describe('OpenAPI', () => {
  it('documents both routes with their schemas', async () => {
    const doc = (await env.client().get('/api/openapi.json')).json();
    const post = doc.paths['/api/droits/simulations'].post;
    expect(post.requestBody.content['application/json'].schema).toBeTruthy();
    expect(JSON.stringify(post.responses['200'])).toContain('net_crds');
    expect(JSON.stringify(doc.paths['/api/droits/benefits'].get.responses['200'])).toContain('howToClaim');
  });
});
