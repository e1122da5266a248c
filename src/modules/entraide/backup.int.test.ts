/** Garde de dépannage through HTTP on real PostgreSQL: the roster, one request to all, the first to accept takes it. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { family, type Who } from './entraide.fixture';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

/** Two families talk through a post and both share their contact details; returns the conversation. */
async function exchange(author: { parent: Who }, helper: { parent: Who }): Promise<string> {
  const post = await author.parent.post('/api/entraide/posts', {
    kind: 'request',
    category: 'ecoute',
    neighbourhoodId: 'etouvie',
    title: 'Un café ?',
    description: '',
    startsAt: '2026-03-11T10:00:00+01:00',
  });
  const answer = await helper.parent.post(`/api/entraide/posts/${post.json().id}/answers`, { message: 'Avec plaisir.' });
  const id = answer.json().id;
  await author.parent.post(`/api/entraide/conversations/${id}/share-contact`);
  await helper.parent.post(`/api/entraide/conversations/${id}/share-contact`);
  return id;
}

const sickChild = {
  reason: 'enfant-malade',
  note: 'Inès a de la fièvre, je dois aller travailler.',
  startsAt: '2026-03-11T08:00:00+01:00',
  endsAt: '2026-03-11T18:00:00+01:00',
};

it('a parent lists validated neighbours; one request reaches them all; the first to accept takes it', async () => {
  const agent = await env.as('agent');
  const owner = await family(env, 'etouvie', { firstName: 'Amel' });
  const [b, c, d] = await Promise.all([family(env), family(env), family(env)]);
  const convB = await exchange(owner, b);
  const convC = await exchange(owner, c);
  const convD = await exchange(owner, d);

  // Without contact exchange, or unvalidated: refused.
  expect((await owner.parent.post('/api/entraide/roster', { answerId: convB })).json().error.code).toBe('entraide/not-validated');
  for (const f of [b, c]) expect((await agent.post(`/api/entraide/households/${f.householdId}/validation`)).statusCode).toBe(200);
  expect((await owner.parent.post('/api/entraide/roster', { answerId: convB })).statusCode).toBe(200);
  await env.expectAudit('entraide/roster-added', convB, { actorId: owner.parent.user.id, householdId: owner.householdId });
  expect((await owner.parent.post('/api/entraide/roster', { answerId: convC })).statusCode).toBe(200);
  // Someone outside the conversation cannot add from it.
  expect((await d.parent.post('/api/entraide/roster', { answerId: convB })).statusCode).toBe(404);
  expect((await owner.parent.post('/api/entraide/roster', { answerId: convD })).json().error.code).toBe('entraide/not-validated');

  const req = await owner.parent.post('/api/entraide/backup', sickChild);
  expect(req.statusCode).toBe(201);
  expect(req.json().reached).toBe(2);
  const id = req.json().id;
  await env.expectAudit('entraide/backup-requested', id, { actorId: owner.parent.user.id });
  const sent = await env.rt.deps.db.query("SELECT recipient FROM notifications WHERE template = 'entraide.backup' ORDER BY recipient");
  expect(sent.rows).toHaveLength(2);

  // Both see it; d (not in the roster) neither sees nor takes it.
  expect((await b.parent.get('/api/entraide/backup')).json().incoming.map((r: { id: string }) => r.id)).toEqual([id]);
  expect((await d.parent.get('/api/entraide/backup')).json().incoming).toEqual([]);
  expect((await d.parent.post(`/api/entraide/backup/${id}/accept`)).statusCode).toBe(404);

  // b and c accept at the same moment: exactly one takes it.
  const [rb, rc] = await Promise.all([b.parent.post(`/api/entraide/backup/${id}/accept`), c.parent.post(`/api/entraide/backup/${id}/accept`)]);
  expect([rb.statusCode, rc.statusCode].sort()).toEqual([200, 409]);
  const winner = rb.statusCode === 200 ? b : c;
  await env.expectAudit('entraide/backup-accepted', id, { actorId: winner.parent.user.id });
  const mine = (await owner.parent.get('/api/entraide/backup')).json().mine[0];
  expect(mine.status).toBe('taken');
  expect(mine.helper.firstName).toBe(winner.firstName);
  const theirs = (await winner.parent.get('/api/entraide/backup')).json().incoming[0];
  expect(theirs.takenByMe).toBe(true);
  expect(theirs.requester.address).toContain('rue des Tilleuls');
});

it('an empty roster, a price or a too long request is refused; the owner cancels; a removed neighbour no longer receives', async () => {
  const agent = await env.as('agent');
  const owner = await family(env);
  expect((await owner.parent.post('/api/entraide/backup', sickChild)).json().error.code).toBe('entraide/empty-roster');
  const b = await family(env);
  await agent.post(`/api/entraide/households/${b.householdId}/validation`);
  await owner.parent.post('/api/entraide/roster', { answerId: await exchange(owner, b) });
  const priced = await owner.parent.post('/api/entraide/backup', { ...sickChild, note: 'Je paie 10 € de l’heure' });
  expect(priced.json().error.fields[0].path).toBe('note');
  const long = await owner.parent.post('/api/entraide/backup', { ...sickChild, endsAt: '2026-03-13T08:00:00+01:00' });
  expect(long.json().error.fields[0].path).toBe('endsAt');
  const r = await owner.parent.post('/api/entraide/backup', sickChild);
  expect((await b.parent.post(`/api/entraide/backup/${r.json().id}/cancel`)).statusCode).toBe(404);
  expect((await owner.parent.post(`/api/entraide/backup/${r.json().id}/cancel`)).statusCode).toBe(200);
  await env.expectAudit('entraide/backup-cancelled', r.json().id, { actorId: owner.parent.user.id });
  expect((await b.parent.post(`/api/entraide/backup/${r.json().id}/accept`)).json().error.code).toBe('entraide/backup-taken');

  expect((await owner.parent.post(`/api/entraide/roster/${b.householdId}/remove`)).statusCode).toBe(200);
  await env.expectAudit('entraide/roster-removed', b.householdId, { actorId: owner.parent.user.id });
  expect((await owner.parent.post('/api/entraide/backup', sickChild)).json().error.code).toBe('entraide/empty-roster');
  expect((await (await env.as('agent')).get('/api/entraide/backup')).statusCode).toBe(403);
});
