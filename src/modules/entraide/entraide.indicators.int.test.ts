/** The entraide's demo data (labelled demo) and its indicators for the action plan (demo rows never counted). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getIndicator } from '../../platform/indicators';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { family } from './entraide.fixture';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await env.seedDemo();
}, 120_000);
afterAll(() => env.close());

const period = { from: new Date('2026-03-01T00:00:00+01:00'), to: new Date('2026-04-01T00:00:00+02:00') };
const valueIn = async (id: string, hood: string | null) =>
  (await getIndicator(id)!.compute(env.rt.deps.db, period)).find((v) => v.neighbourhood === hood)?.value ?? 0;

it('demo items, posts, a cooperative and a ride crew are there, each marked demo', async () => {
  const f = await family(env, 'nord');
  const items = (await f.parent.get('/api/entraide/items')).json().items;
  expect(items.length).toBeGreaterThanOrEqual(5);
  expect(items.every((i: { isDemo: boolean; title: string }) => i.isDemo && i.title.endsWith('(démo)'))).toBe(true);
  const posts = (await f.parent.get('/api/entraide/board/nord')).json().posts;
  expect(posts.length).toBeGreaterThan(0);
  expect(posts.every((p: { isDemo: boolean }) => p.isDemo)).toBe(true);
  const crews = await env.rt.deps.db.query('SELECT is_demo FROM entraide_crews');
  expect(crews.rows).toEqual([{ is_demo: true }]);
  // Demo rows count for nothing.
  expect(await valueIn('entraide.posts', 'nord')).toBe(0);
});

it('posts, answers, loans, rides and cooperative families are counted by neighbourhood', async () => {
  const a = await family(env, 'etouvie');
  const b = await family(env, 'etouvie');
  const post = await a.parent.post('/api/entraide/posts', {
    kind: 'request',
    category: 'courses',
    neighbourhoodId: 'etouvie',
    title: 'Courses jeudi',
    description: '',
    startsAt: '2026-03-12T17:00:00+01:00',
  });
  await b.parent.post(`/api/entraide/posts/${post.json().id}/answers`, { message: 'Je peux.' });
  expect(await valueIn('entraide.posts', 'etouvie')).toBe(1);
  expect(await valueIn('entraide.posts-answered', 'etouvie')).toBe(1);

  const agent = await env.as('agent');
  const item = await agent.post('/api/entraide/items', { title: 'Lit bébé', category: 'lit', condition: 'bon', mode: 'pret', donorKind: 'famille' });
  const loan = await a.parent.post(`/api/entraide/items/${item.json().id}/ask`);
  expect(await valueIn('entraide.loans', 'etouvie')).toBe(0); // reserved, not handed over yet
  await agent.post(`/api/entraide/loans/${loan.json().id}/approve`);
  expect(await valueIn('entraide.loans', 'etouvie')).toBe(1);

  await a.parent.post('/api/entraide/coops', { name: 'Les Hérons', hourlyCostCents: 1200, minutesPerWeek: 600, weekdays: [1, 2], from: '08:30', to: '18:00' });
  expect(await valueIn('entraide.coop-families', 'etouvie')).toBe(1);

  const { rows } = await env.rt.deps.db.query<{ id: string }>("SELECT id FROM annuaire_services WHERE nom LIKE 'Sport parent et enfant%'");
  const ride = { serviceId: rows[0]!.id, weekday: 3, arriveAt: '14:00', fromDay: '2026-03-11', toDay: '2026-06-24', children: 1 };
  const ra = await a.parent.post('/api/entraide/rides', { ...ride, role: 'driver', seats: 2, hasLicence: true });
  const rb = await b.parent.post('/api/entraide/rides', { ...ride, role: 'passenger' });
  expect(await valueIn('entraide.ride-families', 'etouvie')).toBe(0); // proposed only
  await a.parent.post(`/api/entraide/rides/${ra.json().id}/confirm`);
  await b.parent.post(`/api/entraide/rides/${rb.json().id}/confirm`);
  expect(await valueIn('entraide.ride-families', 'etouvie')).toBe(2);
});
