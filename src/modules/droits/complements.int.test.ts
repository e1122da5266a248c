/** The simulator's extension point: each module's `hooks.droits.complements` beside the national benefits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireModules } from '../../platform/wiring';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { modules } from '../registry';
import { droitsModule } from './droits.module';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(async () => {
  wireModules(modules);
  await env.close();
});

const household = {
  period: '2026-03',
  parent: { age: 34, salaire_net_mensuel: 900, activite: 'actif' },
  children: [{ age: 4 }],
  housing: { statut: 'locataire_hlm', loyer_mensuel: 450 },
};

describe('POST /api/droits/complements', () => {
  it("answers every module's section for the household the simulator estimated, anonymously", async () => {
    const seen: unknown[] = [];
    wireModules([
      droitsModule,
      { name: 'test-none', hooks: { droits: { complements: async (_ctx, h) => (seen.push(h), null) } } },
      {
        name: 'test-aides',
        hooks: {
          droits: {
            complements: async () => ({
              module: 'test-aides',
              title: 'Les aides de la ville',
              items: [
                { key: 'x', title: 'Chèque santé', likelihood: 'maybe', gives: '150 € par an', why: ['Quel est votre quotient familial ?'], href: '/aides' },
              ],
              more: { href: '/aides', label: 'Toutes les aides' },
            }),
          },
        },
      },
    ]);
    const res = await env.client().post('/api/droits/complements', { ...household, quotient_familial: 600 });
    expect(res.statusCode).toBe(200);
    expect(seen).toEqual([{ ...household, quotient_familial: 600 }]); // the module's own fields reach it
    expect(res.json()).toEqual({
      sections: [
        {
          module: 'test-aides',
          title: 'Les aides de la ville',
          items: [{ key: 'x', title: 'Chèque santé', likelihood: 'maybe', gives: '150 € par an', why: ['Quel est votre quotient familial ?'], href: '/aides' }],
          more: { href: '/aides', label: 'Toutes les aides' },
        },
      ],
    });
  });

  it('refuses a household the engine refuses, with the field, before asking any module', async () => {
    let called = false;
    wireModules([droitsModule, { name: 'test-x', hooks: { droits: { complements: async () => ((called = true), null) } } }]);
    const res = await env.client().post('/api/droits/complements', { ...household, children: [{ age: -3 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toMatch(/^children\.0/);
    expect(called).toBe(false);
  });
});
