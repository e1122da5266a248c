/**
 * The forms a family's phone may queue without network (docs/pwa.md) are replayed with their
 * Idempotency-Key when it returns, possibly twice: each route answers the replay with its first
 * answer and writes once (one audit entry). Only through HTTP, as the phone does.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules/registry';
import type { SessionUser } from '../context';
import { runSeeds } from '../seeds';
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
  // The aids' catalogue (its demo seed alone): an aid request needs one.
  await runSeeds(env.rt.systemCtx(), modules.find((m) => m.name === 'aides')!.seeds ?? []);
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

/** A parent whose file makes it eligible to the chèque santé, and its request for it. */
async function parentWithAidRequest(firstName: string): Promise<{ parent: Parent; householdId: string; requestId: string }> {
  const parent = (await env.as('parent')) as Parent;
  const file = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Roche', birthDate: '1988-01-12' },
    children: [{ firstName: 'Tom', birthDate: '2016-04-01' }],
    address: { line: '4 rue Vulfran', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    situation: { activity: 'chomeur', unemploymentNetMonthlyCents: 85000, annualIncomeCents: 900_000, familyBenefitsMonthlyCents: 20_000 },
    housing: { status: 'locataire_hlm', rentMonthlyCents: 40000 },
  });
  expect(file.statusCode, file.body).toBe(201);
  const request = await parent.post('/api/aides/demandes', { aidId: 'cheque-sante', fields: {} });
  expect(request.statusCode, request.body).toBe(201);
  return { parent, householdId: file.json().household.id, requestId: request.json().id };
}

/** The audit entries with this action written since `mark` (by anyone: a survey's answer is audited without its author). */
async function auditedSince(action: string, mark: number): Promise<number> {
  const r = await env.rt.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND id > $2', [action, mark]);
  return r.rows[0]!.n;
}

/** Sends the form twice with one key, as the outbox does after a lost answer: the same answer, one write. */
async function replayedOnce(who: Parent, method: string, url: string, body: unknown, action: string) {
  const key = `queued-form-${++keys}-${Math.random().toString(36).slice(2, 10)}`;
  const mark = await env.auditMark();
  const first = await who.request(method, url, body, { 'idempotency-key': key });
  expect(first.statusCode, first.body).toBeLessThan(300);
  const again = await who.request(method, url, body, { 'idempotency-key': key });
  expect(again.statusCode).toBe(first.statusCode);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body).toBe(first.body);
  expect(await auditedSince(action, mark)).toBe(1);
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

  it('entraide: a tutoring session logged', async () => {
    const lea = {
      displayName: 'Léa (hors ligne)',
      phone: '0700000009',
      subjects: ['maths'],
      levels: ['college'],
      neighbourhoodId: 'etouvie',
      weekdays: [3],
      from: '14:00',
      to: '18:00',
    };
    const tutor = await agent.post('/api/entraide/tutors', lea);
    expect(tutor.statusCode, tutor.body).toBe(201);
    const awa = await parentWithFile('Séance');
    const ask = await awa.post('/api/entraide/tutoring', { childFirstName: 'Léo', subject: 'maths', level: 'college', weekday: 3, from: '15:00', to: '17:00' });
    expect(ask.statusCode, ask.body).toBe(201);
    expect((await agent.post(`/api/entraide/tutoring/${ask.json().id}/assign`, { tutorId: tutor.json().id })).statusCode).toBe(200);
    await replayedOnce(awa, 'POST', `/api/entraide/tutoring/${ask.json().id}/sessions`, { day: '2026-03-04', minutes: 90 }, 'entraide/tutoring-session-logged');
    expect((await awa.get('/api/entraide/tutoring')).json().requests[0].minutesDone).toBe(90);
  });

  it('entraide: a ride requested, confirmed, declined and cancelled', async () => {
    // An activity of the directory with an address (coordinates), as the demo seed has.
    const structureId = await env.structure();
    const serviceId = crypto.randomUUID();
    await env.rt.deps.db.query(
      `INSERT INTO annuaire_services (id, structure_id, source, di_id, nom, description, raw, latitude, longitude)
       VALUES ($1, $2, 'test', $3, 'Judo des enfants (test)', 'Judo le mercredi', '{}', 49.8941, 2.2958)`,
      [serviceId, structureId, serviceId],
    );
    const ride = { serviceId, weekday: 3, arriveAt: '14:00', fromDay: '2026-03-11', toDay: '2026-06-24', children: 1 };
    const nadia = await parentWithFile('Nadia');
    const karim = await parentWithFile('Karim');
    const driver = await replayedOnce(
      nadia,
      'POST',
      '/api/entraide/rides',
      { ...ride, role: 'driver', seats: 2, hasLicence: true },
      'entraide/ride-registered',
    );
    expect(driver.json().crewId).toBeNull();
    const passenger = await karim.post('/api/entraide/rides', { ...ride, role: 'passenger' });
    expect(passenger.statusCode, passenger.body).toBe(201);
    expect(passenger.json().crewId).not.toBeNull();
    await replayedOnce(karim, 'POST', `/api/entraide/rides/${passenger.json().id}/confirm`, {}, 'entraide/ride-confirmed');
    await replayedOnce(nadia, 'POST', `/api/entraide/rides/${driver.json().id}/decline`, {}, 'entraide/ride-declined');
    expect((await karim.get('/api/entraide/rides')).json().rides[0].state).toBe('waiting');
    await replayedOnce(karim, 'POST', `/api/entraide/rides/${passenger.json().id}/cancel`, {}, 'entraide/ride-cancelled');
    expect((await karim.get('/api/entraide/rides')).json().rides).toEqual([]);
  });

  it('entraide: a reservation at the parentothèque cancelled', async () => {
    const item = await agent.post('/api/entraide/items', {
      title: 'Poussette canne',
      category: 'poussette',
      condition: 'bon',
      mode: 'pret',
      donorKind: 'partenaire',
      donorLabel: 'Association Les Petits Pas',
      loanDays: 14,
    });
    expect(item.statusCode, item.body).toBe(201);
    const awa = await parentWithFile('Prêt');
    const loan = await awa.post(`/api/entraide/items/${item.json().id}/ask`);
    expect(loan.statusCode, loan.body).toBe(201);
    await replayedOnce(awa, 'POST', `/api/entraide/loans/${loan.json().id}/cancel`, {}, 'entraide/loan-cancelled');
  });

  it('aides: the answer to an agent’s question on a request (its text)', async () => {
    const { parent: nadia, requestId: id } = await parentWithAidRequest('Nadia');
    expect((await agent.post(`/api/aides/demandes/${id}/take`, {})).statusCode).toBe(200);
    const asked = await agent.post(`/api/aides/demandes/${id}/correction`, { reason: 'incomplete', message: 'Depuis quand habitez-vous Amiens ?' });
    expect(asked.statusCode, asked.body).toBe(200);
    await replayedOnce(nadia, 'POST', `/api/aides/demandes/${id}/answer`, { message: 'Depuis 2019.' }, 'aides/correction-answered');
  });

  it('aides: a document added alone to a request, and a mandate ended by the family', async () => {
    const { parent: sami, householdId, requestId } = await parentWithAidRequest('Sami');
    // The smallest PDF a check of its magic bytes takes.
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
    const doc = { kind: 'autre', name: 'attestation.pdf', mimeType: 'application/pdf', base64: pdf };
    await replayedOnce(sami, 'POST', `/api/aides/demandes/${requestId}/documents`, doc, 'aides/document-added');

    const mandate = await agent.post('/api/aides/mandats', {
      householdId,
      aidId: null,
      purpose: 'Demandes au guichet',
      days: 30,
      reason: 'Accueil au guichet',
    });
    expect(mandate.statusCode, mandate.body).toBe(201);
    await replayedOnce(sami, 'POST', `/api/aides/me/mandats/${mandate.json().id}/revoke`, {}, 'aides/mandate-revoked');
    expect((await sami.get('/api/aides/me/mandats')).json().mandates[0].revokedAt).not.toBeNull();
  });

  it('the household file: a consent withdrawn', async () => {
    const structureId = await env.structure();
    const awa = await parentWithFile('Retrait');
    const consent = await awa.post('/api/dossiers/me/consents', { structureId, purpose: 'orientation', parts: ['children'] });
    expect(consent.statusCode, consent.body).toBe(201);
    await replayedOnce(awa, 'POST', `/api/dossiers/me/consents/${consent.json().id}/revoke`, {}, 'dossiers/consent-revoked');
    expect((await awa.get('/api/dossiers/me/consents')).json()[0]).toMatchObject({ live: false });
  });
});
