/** The offers extension point: each module's `hooks.dossiers.offers` shown on the parent's own file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { modules } from '../registry';
import { wireDossiers } from './extensions';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(async () => {
  wireDossiers(modules);
  await env.close();
});

describe('GET /api/dossiers/me/offres', () => {
  it("lists each module's offers for the parent's own household, and nothing for anyone else", async () => {
    const seen: string[] = [];
    wireDossiers([
      { name: 'test-offers', hooks: { dossiers: { offers: async (_ctx, householdId) => (seen.push(householdId), null) } } },
      {
        name: 'test-aides',
        hooks: {
          dossiers: {
            offers: async () => ({
              module: 'test-aides',
              title: 'Aides de la ville',
              items: [{ key: 'x', title: 'Chèque santé', likelihood: 'yes', gives: '150 € par an', why: [], href: '/aides/demander/x' }],
              more: { href: '/aides', label: 'Toutes les aides' },
            }),
          },
        },
      },
    ]);
    const parent = await env.as('parent');
    expect((await parent.get('/api/dossiers/me/offres')).statusCode).toBe(404); // no file yet
    const created = await parent.post('/api/dossiers/me', { parent: { firstName: 'Samia', lastName: 'Benali' } });
    expect(created.statusCode).toBe(201);
    const res = await parent.get('/api/dossiers/me/offres');
    expect(res.statusCode).toBe(200);
    expect(seen).toEqual([created.json().household.id]);
    expect(res.json().sections).toEqual([
      {
        module: 'test-aides',
        title: 'Aides de la ville',
        items: [{ key: 'x', title: 'Chèque santé', likelihood: 'yes', gives: '150 € par an', why: [], href: '/aides/demander/x' }],
        more: { href: '/aides', label: 'Toutes les aides' },
      },
    ]);
    for (const role of ['agent', 'partner', 'coordinator'] as const) expect((await (await env.as(role)).get('/api/dossiers/me/offres')).statusCode).toBe(403);
    expect((await env.client().get('/api/dossiers/me/offres')).statusCode).toBe(401);
  });
});
