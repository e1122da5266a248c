import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';

type Who = TestClient & { user: SessionUser };
let env: TestEnv;
let coord: Who;
let agent: Who;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  coord = (await env.as('coordinator')) as Who;
  agent = (await env.as('agent')) as Who;
});
afterAll(() => env.close());

const file = {
  parent: { firstName: 'Nadia', lastName: 'Roche', birthDate: '1988-01-12', email: 'nadia@example.fr' },
  children: [
    { firstName: 'Tom', birthDate: '2016-04-01' },
    { firstName: 'Lou', birthDate: '2019-09-15' },
  ],
  address: { line: '4 rue Vulfran', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
};

async function family(): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', file);
  expect(res.statusCode).toBe(201);
  return { parent, householdId: res.json().household.id };
}

async function session(title = 'Focus group garde et emploi'): Promise<string> {
  const res = await coord.post('/api/diagnostic/listening/sessions', {
    kind: 'focus_group',
    title,
    theme: 'garde',
    neighbourhoodId: 'nord',
    date: '2026-03-20',
    time: '14:00',
    facilitator: 'Claire (CCAS)',
    place: 'Centre social Nord',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** The agent opens the family's file (with a reason, audited by dossiers) and invites it. */
async function invited(): Promise<{ parent: Who; householdId: string; sessionId: string; invitationId: string }> {
  const f = await family();
  const sessionId = await session();
  expect((await agent.post(`/api/dossiers/households/${f.householdId}/open`, { reason: 'Accompagnement de la famille' })).statusCode).toBe(200);
  const res = await agent.post(`/api/diagnostic/listening/sessions/${sessionId}/invitations`, { householdId: f.householdId });
  expect(res.statusCode).toBe(201);
  return { ...f, sessionId, invitationId: res.json().id };
}

const sessionOf = async (id: string) => (await coord.get(`/api/diagnostic/listening/sessions/${id}`)).json();

describe('a family invited to a listening session from its file', () => {
  it('only staff who opened the file invite; the family is told and the coordination sees a count, no name', async () => {
    const f = await family();
    const sessionId = await session();
    // Not opened yet: dossiers asks for a reason.
    const blind = await agent.get(`/api/diagnostic/listening/households/${f.householdId}/sessions`);
    expect(blind.statusCode).toBe(403);
    expect((await agent.post(`/api/dossiers/households/${f.householdId}/open`, { reason: 'Accompagnement de la famille' })).statusCode).toBe(200);
    const list = await agent.get(`/api/diagnostic/listening/households/${f.householdId}/sessions`);
    expect(list.statusCode).toBe(200);
    expect(list.json().hasAccount).toBe(true);
    expect(list.json().sessions.find((s: { id: string }) => s.id === sessionId)).toMatchObject({ invitation: null, themeLabel: expect.any(String) });

    for (const role of ['parent', 'partner', 'admin'] as const) {
      const other = await env.as(role);
      const res = await other.post(`/api/diagnostic/listening/sessions/${sessionId}/invitations`, { householdId: f.householdId });
      expect(res.statusCode, role).toBe(403);
    }
    const mark = await env.auditMark();
    const res = await agent.post(`/api/diagnostic/listening/sessions/${sessionId}/invitations`, { householdId: f.householdId });
    expect(res.statusCode).toBe(201);
    await env.expectAudit('diagnostic/listening-invitation-sent', res.json().id, { actorId: agent.user.id, after: mark });
    const again = await agent.post(`/api/diagnostic/listening/sessions/${sessionId}/invitations`, { householdId: f.householdId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('diagnostic/already-invited');

    const { rows } = await env.rt.deps.db.query(
      `SELECT subject, body, locale FROM notifications WHERE template = 'diagnostic.listening-invitation' AND recipient = $1`,
      ['nadia@example.fr'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].body).toContain('« Focus group garde et emploi »');
    expect(rows[0].body).toContain('20 mars 2026 à 14:00');

    const s = await sessionOf(sessionId);
    expect(s.invitations).toEqual({ pending: 1, accepted: 0, declined: 0 });
    expect(s.participantList).toHaveLength(0);
    expect(JSON.stringify(s)).not.toContain('Nadia');
  });

  it('the family accepts with the consents it chooses: only those reach the session', async () => {
    const { parent, sessionId, invitationId, householdId } = await invited();
    const mine = await parent.get('/api/diagnostic/listening/invitations/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().fromFile).toEqual({ firstName: 'Nadia', age: 38, neighbourhood: 'Étouvie', childrenCount: 2 });
    expect(mine.json().invitations).toMatchObject([{ id: invitationId, status: 'pending', consents: null, session: { title: 'Focus group garde et emploi' } }]);

    // Another parent neither sees nor answers it.
    const stranger = await env.as('parent');
    expect((await stranger.get('/api/diagnostic/listening/invitations/mine')).json().invitations).toEqual([]);
    expect((await stranger.post(`/api/diagnostic/listening/invitations/${invitationId}/answer`, { accept: false })).statusCode).toBe(404);
    expect((await coord.post(`/api/diagnostic/listening/invitations/${invitationId}/answer`, { accept: false })).statusCode).toBe(403);

    const noPseudo = await parent.post(`/api/diagnostic/listening/invitations/${invitationId}/answer`, {
      accept: true,
      quoteConsent: 'pseudonym',
      profileConsent: false,
      recordConsent: true,
    });
    expect(noPseudo.statusCode).toBe(422);
    expect(noPseudo.json().error.fields[0].path).toBe('pseudonym');

    const mark = await env.auditMark();
    const ok = await parent.post(`/api/diagnostic/listening/invitations/${invitationId}/answer`, {
      accept: true,
      quoteConsent: 'pseudonym',
      pseudonym: 'Maman de Tom',
      profileConsent: true,
      recordConsent: false,
    });
    expect(ok.statusCode).toBe(200);
    await env.expectAudit('diagnostic/listening-invitation-accepted', invitationId, { actorId: parent.user.id, after: mark });
    const s = await sessionOf(sessionId);
    expect(s.invitations).toEqual({ pending: 0, accepted: 1, declined: 0 });
    expect(s.participantList).toHaveLength(1);
    expect(s.participantList[0]).toMatchObject({
      firstName: null,
      pseudonym: 'Maman de Tom',
      age: 38,
      neighbourhood: 'Étouvie',
      childrenCount: 2,
      fromHousehold: true,
      quoteConsent: 'pseudonym',
      recordConsent: false,
      consentRecordedBy: 'La famille, depuis son compte',
      attribution: 'Maman de Tom, 38 ans, Étouvie, 2 enfants',
    });
    expect(JSON.stringify(s)).not.toContain('Nadia');
    expect(JSON.stringify(s)).not.toContain('Roche');
    const twice = await parent.post(`/api/diagnostic/listening/invitations/${invitationId}/answer`, { accept: false });
    expect(twice.statusCode).toBe(409);

    // The family's export holds the invitation and the participation.
    const exported = (await parent.get('/api/dossiers/me/export.json')).json();
    expect(exported.stored.diagnostic_listening_invitations).toHaveLength(1);
    expect(exported.stored.diagnostic_listening_participants[0]).toMatchObject({ pseudonym: 'Maman de Tom' });
    expect(householdId).toBeTruthy();
  });

  it('anonymous without profile: nothing of the file reaches the coordination', async () => {
    const { parent, sessionId, invitationId } = await invited();
    const ok = await parent.post(`/api/diagnostic/listening/invitations/${invitationId}/answer`, {
      accept: true,
      quoteConsent: 'anonymous',
      profileConsent: false,
      recordConsent: true,
    });
    expect(ok.statusCode).toBe(200);
    const p = (await sessionOf(sessionId)).participantList[0];
    expect(p).toMatchObject({ firstName: null, pseudonym: null, age: null, neighbourhood: null, childrenCount: null, attribution: 'Un parent' });
  });

  it('the family declines (audited); the coordination sees a count only', async () => {
    const { parent, sessionId, invitationId } = await invited();
    const mark = await env.auditMark();
    expect((await parent.post(`/api/diagnostic/listening/invitations/${invitationId}/answer`, { accept: false })).statusCode).toBe(200);
    await env.expectAudit('diagnostic/listening-invitation-declined', invitationId, { actorId: parent.user.id, after: mark });
    const s = await sessionOf(sessionId);
    expect(s.invitations).toEqual({ pending: 0, accepted: 0, declined: 1 });
    expect(s.participantList).toHaveLength(0);
  });

  it('the family withdraws its consent from its account: its quotes leave; erasing the file clears the link', async () => {
    const { parent, sessionId, invitationId, householdId } = await invited();
    await parent.post(`/api/diagnostic/listening/invitations/${invitationId}/answer`, {
      accept: true,
      quoteConsent: 'first_name',
      profileConsent: false,
      recordConsent: true,
    });
    const participant = (await sessionOf(sessionId)).participantList[0];
    expect(participant).toMatchObject({ firstName: 'Nadia', attribution: 'Nadia', age: null });
    const v = await coord.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, {
      participantId: participant.id,
      text: 'Sans la crèche du quartier, je ne pourrais pas travailler.',
      themes: ['garde'],
      inReport: true,
    });
    expect(v.statusCode).toBe(201);
    expect((await coord.post(`/api/diagnostic/listening/invitations/${invitationId}/withdraw`)).statusCode).toBe(403);
    const mark = await env.auditMark();
    const w = await parent.post(`/api/diagnostic/listening/invitations/${invitationId}/withdraw`);
    expect(w.statusCode).toBe(200);
    await env.expectAudit('diagnostic/listening-consent-withdrawn', participant.id, { actorId: parent.user.id, after: mark });
    const after = await sessionOf(sessionId);
    expect(after.verbatimList).toEqual([]);
    expect(JSON.stringify((await coord.get('/api/diagnostic/listening/analysis')).json())).not.toContain('Sans la crèche du quartier');
    expect((await parent.get('/api/diagnostic/listening/invitations/mine')).json().invitations[0].consents.withdrawn).toBe(true);

    expect((await parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    const left = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM diagnostic_listening_invitations WHERE household_id = $1`, [householdId]);
    expect(left.rows[0].n).toBe(0);
    const linked = await env.rt.deps.db.query(`SELECT household_id FROM diagnostic_listening_participants WHERE id = $1`, [participant.id]);
    expect(linked.rows[0].household_id).toBeNull();
  });

  it('a family without an account cannot be invited through Relais', async () => {
    const sessionId = await session('Entretien isolement');
    const desk = await agent.post('/api/dossiers/households', {
      patch: { parent: { firstName: 'Rita', lastName: 'Sans-Compte', birthDate: '1990-01-01' }, address: { postalCode: '80000' } },
      consentGiven: true,
    });
    expect(desk.statusCode).toBe(201);
    const householdId = desk.json().household.id;
    const res = await agent.post(`/api/diagnostic/listening/sessions/${sessionId}/invitations`, { householdId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('diagnostic/no-account');
  });
});
