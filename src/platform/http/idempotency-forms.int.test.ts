/**
 * The forms a family's phone may queue without network (docs/pwa.md) are replayed with their
 * Idempotency-Key when it returns, possibly twice: each route answers the replay with its first
 * answer and writes once (one audit entry). Only through HTTP, as the phone does.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../context';
import { createTestEnv, type TestClient, type TestEnv } from '../testing';

let env: TestEnv;
type Parent = TestClient & { user: SessionUser };
let coord: TestClient;
let agent: TestClient & { user: SessionUser };
let keys = 0;
let families = 0;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  coord = await env.as('coordinator');
  agent = (await env.as('agent')) as typeof agent;
});
afterAll(() => env.close());

/** A parent with a file in Étouvie (the mutual help needs one). */
async function parentWithFile(firstName: string): Promise<Parent> {
  const p = (await env.as('parent')) as Parent;
  families++;
  const res = await p.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Hors-ligne', birthDate: '1989-02-03', phone: `06 55 44 ${String(10 + families)} 00` },
    children: [{ firstName: 'Noé', birthDate: '2016-05-06' }],
    address: { line: '3 rue des Lilas', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return p;
}

async function auditCount(action: string, actorId: string): Promise<number> {
  const r = await env.rt.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND actor_id = $2', [action, actorId]);
  return r.rows[0]!.n;
}

/** Sends the form twice with one key, as the outbox does after a lost answer: the same answer, one write. */
async function replayedOnce(who: Parent, method: string, url: string, body: unknown, action: string) {
  const key = `queued-form-${++keys}-${Math.random().toString(36).slice(2, 10)}`;
  const first = await who.request(method, url, body, { 'idempotency-key': key });
  expect(first.statusCode, first.body).toBeLessThan(300);
  const again = await who.request(method, url, body, { 'idempotency-key': key });
  expect(again.statusCode).toBe(first.statusCode);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body).toBe(first.body);
  expect(await auditCount(action, who.user.id)).toBe(1);
  return first;
}

describe('forms the phone queues are written once when replayed', () => {
  it('entraide: a post, an answer, a message, a meeting registration and its withdrawal, a tutoring request', async () => {
    const awa = await parentWithFile('Awa');
    const lina = await parentWithFile('Lina');
    const post = await replayedOnce(
      awa,
      'POST',
      '/api/entraide/posts',
      {
        kind: 'request',
        category: 'trajet',
        neighbourhoodId: 'etouvie',
        title: 'Trajet école mercredi',
        description: 'Vers l’école Jean Moulin',
        startsAt: '2026-03-11T14:00:00+01:00',
      },
      'entraide/post-created',
    );
    const answer = await replayedOnce(lina, 'POST', `/api/entraide/posts/${post.json().id}/answers`, { message: 'Je peux !' }, 'entraide/post-answered');
    await replayedOnce(awa, 'POST', `/api/entraide/conversations/${answer.json().id}/messages`, { body: 'Merci' }, 'entraide/message-sent');

    expect((await agent.post('/api/entraide/ambassadors', { userId: awa.user.id, neighbourhoodId: 'etouvie' })).statusCode).toBe(200);
    const meeting = await awa.post('/api/entraide/meetings', {
      title: 'Café des parents',
      place: 'Centre social',
      startsAt: '2026-03-18T14:00:00+01:00',
      endsAt: '2026-03-18T16:00:00+01:00',
      capacity: 5,
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const id = meeting.json().id;
    await replayedOnce(lina, 'POST', `/api/entraide/meetings/${id}/register`, { people: 2 }, 'entraide/meeting-registered');
    expect((await lina.get('/api/entraide/meetings')).json().meetings.find((m: { id: string }) => m.id === id)).toMatchObject({ myPeople: 2 });
    await replayedOnce(lina, 'POST', `/api/entraide/meetings/${id}/unregister`, {}, 'entraide/meeting-unregistered');

    await replayedOnce(
      lina,
      'POST',
      '/api/entraide/tutoring',
      { childFirstName: 'Noé', subject: 'maths', level: 'primaire', weekday: 3, from: '14:00', to: '16:00' },
      'entraide/tutoring-requested',
    );
  });

  it('ideas: a proposal, a support and its withdrawal', async () => {
    const plan = (await coord.post('/api/pilotage/plans', { title: 'Plan hors ligne' })).json().id;
    const axis = (await coord.post(`/api/pilotage/plans/${plan}/axes`, { title: 'Rompre l’isolement' })).json().id;
    expect((await coord.put(`/api/pilotage/plans/${plan}/ideation`, { open: true })).statusCode).toBe(200);
    const awa = (await env.as('parent')) as Parent;
    const idea = await replayedOnce(
      awa,
      'POST',
      '/api/pilotage/ideas',
      { planId: plan, axisId: axis, title: 'Un café des parents', body: 'Le samedi matin, avec un coin enfants.' },
      'pilotage/proposal-created',
    );
    expect((await coord.post(`/api/pilotage/ideas/${idea.json().id}/moderation`, { decision: 'publish' })).statusCode).toBe(200);
    const sami = (await env.as('parent')) as Parent;
    const url = `/api/pilotage/ideas/${idea.json().id}/support`;
    expect((await replayedOnce(sami, 'POST', url, {}, 'pilotage/proposal-supported')).json()).toEqual({ supports: 1, supportedByMe: true });
    // The withdrawal has no body, as the phone sends it.
    expect((await replayedOnce(sami, 'DELETE', url, undefined, 'pilotage/proposal-support-withdrawn')).json()).toEqual({ supports: 0, supportedByMe: false });
  });

  it('talking groups: a registration to a session', async () => {
    const room = (await coord.post('/api/groupes/rooms', { name: 'Groupe hors ligne', theme: 'separation' })).json().id;
    expect((await coord.post(`/api/groupes/rooms/${room}/facilitators`, { userId: agent.user.id, pseudonym: 'Claire' })).statusCode).toBe(200);
    const lune = (await env.as('parent')) as Parent;
    expect((await lune.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' })).statusCode).toBe(200);
    const session = await agent.post(`/api/groupes/rooms/${room}/sessions`, { title: 'Garder le lien', startsAt: '2026-03-12T18:00:00+01:00', minutes: 60 });
    expect(session.statusCode, session.body).toBe(201);
    await replayedOnce(lune, 'PUT', `/api/groupes/sessions/${session.json().id}/registration`, { registered: true }, 'groupes/session-registered');
  });

  it('listening: the answer to an invitation to a session', async () => {
    const nadia = await parentWithFile('Nadia');
    const household = (await nadia.get('/api/dossiers/me')).json().household.id;
    const session = await coord.post('/api/diagnostic/listening/sessions', {
      kind: 'focus_group',
      title: 'Garde et emploi',
      theme: 'garde',
      neighbourhoodId: 'etouvie',
      date: '2026-03-20',
      time: '14:00',
      facilitator: 'Claire (CCAS)',
      place: 'Centre social',
    });
    expect(session.statusCode, session.body).toBe(201);
    expect((await agent.post(`/api/dossiers/households/${household}/open`, { reason: 'Accompagnement de la famille' })).statusCode).toBe(200);
    const invitation = await agent.post(`/api/diagnostic/listening/sessions/${session.json().id}/invitations`, { householdId: household });
    expect(invitation.statusCode, invitation.body).toBe(201);
    const answer = { accept: true, quoteConsent: 'anonymous', pseudonym: null, profileConsent: false, recordConsent: true };
    await replayedOnce(
      nadia,
      'POST',
      `/api/diagnostic/listening/invitations/${invitation.json().id}/answer`,
      answer,
      'diagnostic/listening-invitation-accepted',
    );
  });

  it('the town’s survey: a signed-in parent’s answers sent', async () => {
    const definition = {
      title: 'Garde d’enfants',
      questions: [{ id: 'garde', type: 'single', label: 'Avez-vous une solution de garde ?', options: ['Oui', 'Non'], required: true }],
    };
    const created = await coord.post('/api/diagnostic/questionnaires', { definition, access: 'open' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await coord.post(`/api/diagnostic/questionnaires/${created.json().id}/publish`)).statusCode).toBe(200);
    const awa = (await env.as('parent')) as Parent;
    const started = await awa.post('/api/diagnostic/answering/start', { questionnaireId: created.json().id });
    expect(started.statusCode, started.body).toBe(201);
    const body = { token: started.json().token, answers: { garde: 'Non' } };
    expect((await replayedOnce(awa, 'POST', '/api/diagnostic/answering/submit', body, 'diagnostic/response-submitted')).json()).toEqual({ submitted: true });
  });

  it('the household file: the answer to an orientation an agent proposed', async () => {
    const structureId = crypto.randomUUID();
    await env.structure(structureId);
    const awa = await parentWithFile('Orianne');
    const household = (await awa.get('/api/dossiers/me')).json().household.id;
    expect((await agent.post(`/api/dossiers/households/${household}/open`, { reason: 'Rendez-vous logement' })).statusCode).toBe(200);
    const orientation = await agent.post(`/api/dossiers/households/${household}/orientations`, {
      structureId,
      note: 'Recherche de logement',
      parts: ['identity'],
      consent: 'family-confirms',
    });
    expect(orientation.statusCode, orientation.body).toBe(201);
    const url = `/api/dossiers/me/orientation-requests/${orientation.json().id}/answer`;
    expect((await replayedOnce(awa, 'POST', url, { accept: true }, 'dossiers/orientation-consent-confirmed')).json()).toEqual({ status: 'sent' });
  });

  it('the household file: a yearly renewal confirmed', async () => {
    expect((await coord.put('/api/dossiers/settings/renewal-date', { month: 3, day: 12 })).statusCode).toBe(200);
    const awa = await parentWithFile('Renée');
    (env.clock as unknown as { set(v: string): void }).set('2026-03-12T07:00:00+01:00');
    await env.rt.deps.jobs.runNow('dossiers.open-renewals', {});
    await awa.login(awa.user.email!);
    expect((await awa.get('/api/dossiers/me/renewal')).json().renewal).not.toBeNull();
    const done = await replayedOnce(awa, 'POST', '/api/dossiers/me/renewal/confirm', { housing: { rentMonthlyCents: 41000 } }, 'dossiers/renewal-confirmed');
    expect(done.json()).toMatchObject({ campaignYear: 2026 });
  });
});
