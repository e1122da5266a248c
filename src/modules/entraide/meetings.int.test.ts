/** Ambassador meetings on real PostgreSQL: who may organise, capacity under concurrent registrations, the neighbourhood's activity, audit. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { family, type Who } from './entraide.fixture';

let env: TestEnv;
let agent: Who;
let ambassador: { parent: Who; householdId: string };

const meeting = {
  title: 'Café des parents',
  description: 'On se rencontre, on parle de la rentrée, les enfants jouent à côté.',
  place: 'Centre social Étouvie, salle 2',
  startsAt: '2026-03-18T14:00:00+01:00',
  endsAt: '2026-03-18T16:00:00+01:00',
  capacity: 3,
};

async function appoint(who: Who, neighbourhoodId: string) {
  expect((await agent.post('/api/entraide/ambassadors', { userId: who.user.id, neighbourhoodId })).statusCode).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  agent = (await env.as('agent')) as Who;
  ambassador = await family(env, 'etouvie', { firstName: 'Awa' });
  await appoint(ambassador.parent, 'etouvie');
});
afterAll(() => env.close());
beforeEach(() => env.clock.set('2026-03-10T10:00:00+01:00'));

describe('organising a meeting', () => {
  it('the ambassador of the neighbourhood creates one (audited); a parent who is not an ambassador cannot', async () => {
    const res = await ambassador.parent.post('/api/entraide/meetings', meeting);
    expect(res.statusCode).toBe(201);
    await env.expectAudit('entraide/meeting-created', res.json().id, { actorId: ambassador.parent.user.id });

    const plain = await family(env, 'etouvie');
    const refused = await plain.parent.post('/api/entraide/meetings', meeting);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('entraide/not-ambassador');
    expect((await plain.parent.get('/api/entraide/neighbourhood-activity')).json().error.code).toBe('entraide/not-ambassador');
    // An ambassador organises only in its own neighbourhood.
    const other = await ambassador.parent.post('/api/entraide/meetings', { ...meeting, neighbourhoodId: 'nord' });
    expect(other.json().error.code).toBe('entraide/not-ambassador');
    // A partner never reaches it.
    expect((await (await env.as('partner')).post('/api/entraide/meetings', meeting)).statusCode).toBe(403);
  });

  it('bad input is refused with its field, nothing written', async () => {
    const past = await ambassador.parent.post('/api/entraide/meetings', { ...meeting, startsAt: '2026-03-01T14:00:00+01:00', endsAt: null });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.fields[0].path).toBe('startsAt');
    const reversed = await ambassador.parent.post('/api/entraide/meetings', { ...meeting, endsAt: '2026-03-18T13:00:00+01:00' });
    expect(reversed.json().error.fields[0].path).toBe('endsAt');
    const noPlace = await ambassador.parent.post('/api/entraide/meetings', { ...meeting, capacity: 0 });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().error.fields[0].path).toBe('capacity');
    // An agent names the neighbourhood.
    const agentNoHood = await agent.post('/api/entraide/meetings', meeting);
    expect(agentNoHood.json().error.fields[0].path).toBe('neighbourhoodId');
    expect((await agent.post('/api/entraide/meetings', { ...meeting, neighbourhoodId: 'nulle-part' })).json().error.code).toBe(
      'entraide/unknown-neighbourhood',
    );
  });

  it('an ambassador of another neighbourhood cannot manage it; the agent can', async () => {
    const id = (await ambassador.parent.post('/api/entraide/meetings', meeting)).json().id;
    const north = await family(env, 'nord');
    await appoint(north.parent, 'nord');
    expect((await north.parent.get(`/api/entraide/meetings/${id}/registrations`)).json().error.code).toBe('entraide/not-ambassador');
    expect((await north.parent.post(`/api/entraide/meetings/${id}/cancel`)).json().error.code).toBe('entraide/not-ambassador');
    // Its own neighbourhood's activity only.
    expect((await north.parent.get('/api/entraide/neighbourhood-activity?neighbourhoodId=etouvie')).json().error.code).toBe('entraide/not-ambassador');
    // Nor can a family of the neighbourhood from the family's routes see the list.
    const plain = await family(env, 'etouvie');
    expect((await plain.parent.get(`/api/entraide/meetings/${id}/registrations`)).statusCode).toBe(403);

    const list = await agent.get(`/api/entraide/meetings/${id}/registrations`);
    expect(list.statusCode).toBe(200);
    await env.expectAudit('entraide/meeting-registrations-read', id, { actorId: agent.user.id });
  });
});

describe('registering', () => {
  it('families of the neighbourhood see it, register and unregister (audited); others do not see it', async () => {
    const id = (await ambassador.parent.post('/api/entraide/meetings', { ...meeting, capacity: 10 })).json().id;
    const f = await family(env, 'etouvie', { firstName: 'Inès' });
    const seen = (await f.parent.get('/api/entraide/meetings')).json();
    expect(seen.neighbourhoodId).toBe('etouvie');
    expect(seen.ambassadorOf).toBeNull();
    const m = seen.meetings.find((x: { id: string }) => x.id === id);
    expect(m).toMatchObject({ place: meeting.place, capacity: 10, registered: 0, placesLeft: 10, myPeople: 0 });

    expect((await f.parent.post(`/api/entraide/meetings/${id}/register`, { people: 3 })).statusCode).toBe(200);
    await env.expectAudit('entraide/meeting-registered', id, { actorId: f.parent.user.id, householdId: f.householdId });
    expect((await f.parent.post(`/api/entraide/meetings/${id}/register`, { people: 1 })).json().error.code).toBe('entraide/meeting-registered');
    const after = (await f.parent.get('/api/entraide/meetings')).json().meetings.find((x: { id: string }) => x.id === id);
    expect(after).toMatchObject({ registered: 3, placesLeft: 7, myPeople: 3 });

    const list = (await ambassador.parent.get(`/api/entraide/meetings/${id}/registrations`)).json();
    expect(list.families).toEqual([expect.objectContaining({ name: 'Inès V.', people: 3 })]);

    expect((await f.parent.post(`/api/entraide/meetings/${id}/unregister`)).statusCode).toBe(200);
    await env.expectAudit('entraide/meeting-unregistered', id, { actorId: f.parent.user.id });
    expect((await f.parent.post(`/api/entraide/meetings/${id}/unregister`)).statusCode).toBe(404);
    expect((await ambassador.parent.get(`/api/entraide/meetings/${id}/registrations`)).json()).toMatchObject({ registered: 0, families: [] });

    // Another neighbourhood's family neither sees nor registers.
    const north = await family(env, 'nord');
    expect((await north.parent.get('/api/entraide/meetings')).json().meetings.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await north.parent.post(`/api/entraide/meetings/${id}/register`, {})).statusCode).toBe(404);
    // People out of bounds: the field.
    expect((await f.parent.post(`/api/entraide/meetings/${id}/register`, { people: 11 })).json().error.fields[0].path).toBe('people');
    // Past meetings are not offered any more.
    env.clock.set('2026-03-19T10:00:00+01:00');
    expect((await f.parent.get('/api/entraide/meetings')).json().meetings.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await f.parent.post(`/api/entraide/meetings/${id}/register`, {})).json().error.code).toBe('entraide/meeting-past');
  });

  it('the capacity holds under concurrent registrations (the database refuses the extra ones)', async () => {
    const id = (await ambassador.parent.post('/api/entraide/meetings', meeting)).json().id; // 3 places
    const families = await Promise.all(Array.from({ length: 8 }, () => family(env, 'etouvie')));
    const answers = await Promise.all(families.map((f) => f.parent.post(`/api/entraide/meetings/${id}/register`, { people: 1 })));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
    for (const r of answers.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('entraide/meeting-full');
    const { rows } = await env.rt.deps.db.query(
      'SELECT m.registered, (SELECT sum(people)::int FROM entraide_meeting_registrations r WHERE r.meeting_id = m.id) AS sum FROM entraide_meetings m WHERE id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ registered: 3, sum: 3 });

    // Two people when none is left: refused with the field and the places left.
    const late = families.find((_, i) => answers[i]!.statusCode === 409)!;
    const two = await late.parent.post(`/api/entraide/meetings/${id}/register`, { people: 2 });
    expect(two.json().error).toMatchObject({ code: 'entraide/meeting-full', fields: [{ path: 'people' }] });
    // The database itself refuses a count past the capacity, whoever writes.
    await expect(env.rt.deps.db.query('UPDATE entraide_meetings SET registered = capacity + 1 WHERE id = $1', [id])).rejects.toThrow(
      /entraide_meetings_capacity/,
    );
  });

  it('a cancelled meeting tells its families in their language; no one registers any more', async () => {
    const id = (await ambassador.parent.post('/api/entraide/meetings', { ...meeting, capacity: 10 })).json().id;
    const fr = await family(env, 'etouvie');
    const en = await family(env, 'etouvie');
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [en.parent.user.id]);
    for (const f of [fr, en]) expect((await f.parent.post(`/api/entraide/meetings/${id}/register`, { people: 2 })).statusCode).toBe(200);

    expect((await ambassador.parent.post(`/api/entraide/meetings/${id}/cancel`)).statusCode).toBe(200);
    await env.expectAudit('entraide/meeting-cancelled', id, { actorId: ambassador.parent.user.id });
    const { rows } = await env.rt.deps.db.query(
      `SELECT user_id AS "userId", locale, subject, body FROM notifications WHERE template = 'entraide.meeting-cancelled' ORDER BY locale`,
    );
    const mine = rows.filter((r) => r.userId === en.parent.user.id || r.userId === fr.parent.user.id);
    expect(mine).toHaveLength(2);
    const enNote = mine.find((r) => r.userId === en.parent.user.id)!;
    expect(enNote).toMatchObject({ locale: 'en', subject: 'Meeting cancelled: Café des parents' });
    expect(enNote.body).toContain('planned on 18 March 2026 at 14:00 (Centre social Étouvie, salle 2)');
    const frNote = mine.find((r) => r.userId === fr.parent.user.id)!;
    expect(frNote).toMatchObject({ locale: 'fr', subject: 'Rencontre annulée : Café des parents' });
    expect(frNote.body).toContain('prévue le 18 mars 2026 à 14:00');

    const g = await family(env, 'etouvie');
    expect((await g.parent.post(`/api/entraide/meetings/${id}/register`, {})).json().error.code).toBe('entraide/meeting-cancelled');
    expect((await ambassador.parent.post(`/api/entraide/meetings/${id}/cancel`)).json().error.code).toBe('entraide/meeting-cancelled');
  });
});

describe("the neighbourhood's activity", () => {
  it('counts offers, requests and newcomers; the ambassador welcomes a newcomer (audited)', async () => {
    const before = (await ambassador.parent.get('/api/entraide/neighbourhood-activity')).json();
    const newcomer = await family(env, 'etouvie', { firstName: 'Zoé' });
    const post = await newcomer.parent.post('/api/entraide/posts', {
      kind: 'request',
      category: 'trajet',
      neighbourhoodId: 'etouvie',
      title: 'Trajet école vendredi',
      description: '',
      startsAt: '2026-03-13T08:15:00+01:00',
    });
    expect(post.statusCode).toBe(201);
    const res = await ambassador.parent.get('/api/entraide/neighbourhood-activity');
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.neighbourhoodId).toBe('etouvie');
    expect(a.counts.requests).toBe(before.counts.requests + 1);
    expect(a.counts.unanswered).toBe(before.counts.unanswered + 1);
    expect(a.counts.newcomers).toBe(before.counts.newcomers + 1);
    expect(a.newcomers).toContainEqual(expect.objectContaining({ householdId: newcomer.householdId, name: 'Zoé V.', validated: false }));
    // The ambassador of the neighbourhood sees it on the family's page too.
    expect((await ambassador.parent.get('/api/entraide/meetings')).json().ambassadorOf).toBe('etouvie');

    const north = await family(env, 'nord');
    await appoint(north.parent, 'nord');
    expect((await north.parent.post(`/api/entraide/households/${newcomer.householdId}/welcome`)).json().error.code).toBe('entraide/not-ambassador');
    expect((await newcomer.parent.post(`/api/entraide/households/${newcomer.householdId}/welcome`)).json().error.code).toBe('entraide/not-ambassador');

    expect((await ambassador.parent.post(`/api/entraide/households/${newcomer.householdId}/welcome`)).statusCode).toBe(200);
    await env.expectAudit('entraide/newcomer-welcomed', newcomer.householdId, { actorId: ambassador.parent.user.id, householdId: newcomer.householdId });
    const after = (await ambassador.parent.get('/api/entraide/neighbourhood-activity')).json();
    expect(after.newcomers.map((n: { householdId: string }) => n.householdId)).not.toContain(newcomer.householdId);
    expect(after.counts.newcomers).toBe(before.counts.newcomers);

    // An agent reads any neighbourhood's activity, audited.
    expect((await agent.get('/api/entraide/neighbourhood-activity?neighbourhoodId=etouvie')).statusCode).toBe(200);
    await env.expectAudit('entraide/neighbourhood-read', 'etouvie', { actorId: agent.user.id });
  });
});
