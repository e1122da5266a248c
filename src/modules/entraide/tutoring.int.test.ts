/** Tutorat through HTTP on real PostgreSQL: tutors entered by agents, matching, assignment, sessions, hours counted. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getIndicator } from '../../platform/indicators';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { family } from './entraide.fixture';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

const lea = {
  displayName: 'Léa, L2 de mathématiques',
  phone: '0700000001',
  subjects: ['maths', 'sciences'],
  levels: ['college'],
  neighbourhoodId: 'etouvie',
  weekdays: [3],
  from: '14:00',
  to: '18:00',
};

it('an agent enters tutors; a family asks; the matching proposes; the agent assigns; sessions are logged and counted', async () => {
  const agent = await env.as('agent');
  const parent = await env.as('parent');
  expect((await parent.post('/api/entraide/tutors', lea)).statusCode).toBe(403);
  const t1 = await agent.post('/api/entraide/tutors', lea);
  expect(t1.statusCode).toBe(201);
  await env.expectAudit('entraide/tutor-added', t1.json().id, { actorId: agent.user.id });
  await agent.post('/api/entraide/tutors', { ...lea, displayName: 'Hugo, master de physique', neighbourhoodId: 'nord' });
  await agent.post('/api/entraide/tutors', { ...lea, displayName: 'Sam, anglais', subjects: ['anglais'] });

  const f = await family(env, 'etouvie');
  const ask = await f.parent.post('/api/entraide/tutoring', {
    childFirstName: 'Léo',
    subject: 'maths',
    level: 'college',
    weekday: 3,
    from: '15:00',
    to: '17:00',
  });
  expect(ask.statusCode).toBe(201);
  const id = ask.json().id;
  await env.expectAudit('entraide/tutoring-requested', id, { actorId: f.parent.user.id, householdId: f.householdId });

  const queue = (await agent.get('/api/entraide/tutoring/queue')).json().requests;
  const mine = queue.find((r: { id: string }) => r.id === id);
  expect(mine.proposals.map((p: { name: string }) => p.name)).toEqual(['Léa, L2 de mathématiques', 'Hugo, master de physique']);
  expect((await f.parent.get('/api/entraide/tutoring/queue')).statusCode).toBe(403);

  // Before assignment no session; a tutor without the subject is refused.
  expect((await f.parent.post(`/api/entraide/tutoring/${id}/sessions`, { day: '2026-03-04', minutes: 60 })).json().error.code).toBe(
    'entraide/tutoring-not-open',
  );
  const sam = (await agent.get('/api/entraide/tutors')).json().tutors.find((t: { displayName: string }) => t.displayName.startsWith('Sam'));
  expect((await agent.post(`/api/entraide/tutoring/${id}/assign`, { tutorId: sam.id })).json().error.fields[0].path).toBe('tutorId');
  expect((await agent.post(`/api/entraide/tutoring/${id}/assign`, { tutorId: t1.json().id })).statusCode).toBe(200);
  await env.expectAudit('entraide/tutor-assigned', id, { actorId: agent.user.id, householdId: f.householdId });
  const view = (await f.parent.get('/api/entraide/tutoring')).json().requests[0];
  expect(view.tutor).toEqual({ name: 'Léa, L2 de mathématiques', phone: '0700000001' });

  const s1 = await f.parent.post(`/api/entraide/tutoring/${id}/sessions`, { day: '2026-03-04', minutes: 90 });
  expect(s1.statusCode).toBe(201);
  await env.expectAudit('entraide/tutoring-session-logged', id, { actorId: f.parent.user.id });
  expect((await f.parent.post(`/api/entraide/tutoring/${id}/sessions`, { day: '2026-03-04', minutes: 60 })).json().error.code).toBe('entraide/session-exists');
  expect((await f.parent.post(`/api/entraide/tutoring/${id}/sessions`, { day: '2026-03-18', minutes: 60 })).json().error.fields[0].path).toBe('day');
  expect((await agent.post(`/api/entraide/tutoring/${id}/sessions`, { day: '2026-03-09', minutes: 60 })).statusCode).toBe(201);
  // Another family cannot log on this request.
  const other = await family(env);
  expect((await other.parent.post(`/api/entraide/tutoring/${id}/sessions`, { day: '2026-03-02', minutes: 60 })).statusCode).toBe(404);

  expect((await f.parent.get('/api/entraide/tutoring')).json().requests[0].minutesDone).toBe(150);
  const hours = await getIndicator('entraide.tutoring-hours')!.compute(env.rt.deps.db, {
    from: new Date('2026-03-01T00:00:00+01:00'),
    to: new Date('2026-04-01T00:00:00+02:00'),
  });
  expect(hours).toEqual([{ neighbourhood: 'etouvie', value: 2.5 }]);
});
