/** Appointing a parent ambassador from the family's file: the file opened with a reason, audited; parents and partners refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { family, type Who } from './entraide.fixture';

let env: TestEnv;
let agent: Who;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  agent = (await env.as('agent')) as Who;
});
afterAll(async () => env?.close());

const url = (id: string) => `/api/entraide/households/${id}/ambassador`;

describe('appointing an ambassador from the family file', () => {
  it('an agent who opened the file names the parent ambassador of its neighbourhood, then removes it (audited)', async () => {
    const f = await family(env, 'etouvie', { firstName: 'Awa' });
    // Without the file opened with a reason: refused by dossiers.
    expect((await agent.get(url(f.householdId))).json().error.code).toBe('dossiers/reason-required');
    expect((await agent.post(url(f.householdId))).json().error.code).toBe('dossiers/reason-required');
    expect((await agent.post(`/api/dossiers/households/${f.householdId}/open`, { reason: 'Entraide du quartier' })).statusCode).toBe(200);

    const before = (await agent.get(url(f.householdId))).json();
    expect(before).toEqual({ hasAccount: true, parentName: 'Awa Voisin', neighbourhood: { id: 'etouvie', name: expect.any(String) }, ambassadorOf: null });
    await env.expectAudit('dossiers/accessed', f.householdId, { actorId: agent.user.id });

    expect((await agent.post(url(f.householdId))).statusCode).toBe(200);
    await env.expectAudit('entraide/ambassador-appointed', f.parent.user.id, { actorId: agent.user.id });
    expect((await agent.get(url(f.householdId))).json().ambassadorOf).toEqual({ id: 'etouvie', name: before.neighbourhood.name });
    // The parent now manages its neighbourhood's activity.
    expect((await f.parent.get('/api/entraide/neighbourhood-activity')).statusCode).toBe(200);

    expect((await agent.post(`${url(f.householdId)}/remove`)).statusCode).toBe(200);
    await env.expectAudit('entraide/ambassador-removed', f.parent.user.id, { actorId: agent.user.id });
    expect((await agent.get(url(f.householdId))).json().ambassadorOf).toBeNull();
    expect((await f.parent.get('/api/entraide/neighbourhood-activity')).json().error.code).toBe('entraide/not-ambassador');
    // Removing again: a clear 409, nothing written.
    expect((await agent.post(`${url(f.householdId)}/remove`)).json().error.code).toBe('entraide/not-an-ambassador');
  });

  it('parents (even the household itself) and partners are refused', async () => {
    const f = await family(env, 'etouvie');
    for (const who of [f.parent, await env.as('parent'), await env.as('partner')]) {
      expect((await who.get(url(f.householdId))).statusCode).toBe(403);
      expect((await who.post(url(f.householdId))).statusCode).toBe(403);
      expect((await who.post(`${url(f.householdId)}/remove`)).statusCode).toBe(403);
    }
    expect((await agent.post(`/api/dossiers/households/${f.householdId}/open`, { reason: 'Entraide du quartier' })).statusCode).toBe(200);
    expect((await agent.get(url(f.householdId))).json().ambassadorOf).toBeNull();
  });

  it('an unknown household answers 404, a bad id 400', async () => {
    expect((await agent.get(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    const bad = await agent.post(url('pas-un-id'));
    expect(bad.statusCode).toBe(400);
  });
});

describe('an ambassador whose family moves', () => {
  const moved = (userId: string) =>
    env.rt.deps.db.query<{ recipient: string; subject: string; body: string }>(
      "SELECT recipient, subject, body FROM notifications WHERE template = 'entraide.ambassador-moved' AND body LIKE '%' || $1 || '%' ORDER BY created_at",
      [userId],
    );
  async function appointed(firstName: string) {
    const f = await family(env, 'etouvie', { firstName });
    expect((await agent.post(`/api/dossiers/households/${f.householdId}/open`, { reason: 'Entraide du quartier' })).statusCode).toBe(200);
    expect((await agent.post(url(f.householdId))).statusCode).toBe(200);
    return f;
  }
  const agentEmail = async () => (await env.rt.deps.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [agent.user.id])).rows[0]!.email;

  it('is no longer ambassador of the old neighbourhood once the file says another one: ended (audited, no actor), the agent told', async () => {
    const f = await appointed('Inès');
    expect((await f.parent.get('/api/entraide/neighbourhood-activity')).statusCode).toBe(200);
    expect((await f.parent.patch('/api/dossiers/me', { address: { neighbourhoodId: 'nord' } })).statusCode).toBe(200);

    // Its powers over Étouvie are gone at once.
    expect((await f.parent.get('/api/entraide/neighbourhood-activity')).json().error.code).toBe('entraide/not-ambassador');
    const entry = await env.expectAudit('entraide/ambassador-ended', f.parent.user.id, { actorId: null, householdId: f.householdId });
    expect(entry.details).toMatchObject({ reason: 'moved', neighbourhoodId: 'etouvie', nowIn: 'nord' });
    const notes = await moved('Inès');
    expect(notes.rows).toHaveLength(1);
    expect(notes.rows[0]!.recipient).toBe(await agentEmail());
    expect(notes.rows[0]!.subject).toBe('Entraide : Inès V. n’est plus parent ambassadeur du quartier Étouvie');
    expect(notes.rows[0]!.body).toContain('habite maintenant le quartier Nord');
    expect(notes.rows[0]!.body).not.toMatch(/rue|etouvie|nord\b/); // no address, no code

    // The agent's page says so; read again, nothing more is written or sent.
    expect((await agent.get(url(f.householdId))).json()).toMatchObject({ neighbourhood: { id: 'nord' }, ambassadorOf: null });
    expect((await f.parent.get('/api/entraide/meetings')).json().ambassadorOf).toBeNull();
    expect((await moved('Inès')).rows).toHaveLength(1);
    // Named again, for Nord this time (from the file): an ambassador of Nord.
    expect((await agent.post(url(f.householdId))).statusCode).toBe(200);
    expect((await agent.get(url(f.householdId))).json().ambassadorOf).toMatchObject({ id: 'nord' });
    expect((await f.parent.get('/api/entraide/neighbourhood-activity')).statusCode).toBe(200);
  });

  it('the morning check ends the appointment of one who moved and never came back; the others stay', async () => {
    const gone = await appointed('Maëlle');
    const stays = await appointed('Sofia');
    expect((await gone.parent.patch('/api/dossiers/me', { address: { neighbourhoodId: 'sud' } })).statusCode).toBe(200);
    const mark = await env.auditMark();
    await env.rt.deps.jobs.runNow('entraide.check-ambassadors', {});
    await env.expectAudit('entraide/ambassador-ended', gone.parent.user.id, { after: mark, actorId: null });
    expect((await moved('Maëlle')).rows).toHaveLength(1);
    expect((await moved('Sofia')).rows).toHaveLength(0);
    expect((await stays.parent.get('/api/entraide/neighbourhood-activity')).statusCode).toBe(200);
    expect((await agent.get(url(gone.householdId))).json().ambassadorOf).toBeNull();
    // Run again: nothing more.
    await env.rt.deps.jobs.runNow('entraide.check-ambassadors', {});
    expect((await moved('Maëlle')).rows).toHaveLength(1);
  });

  it('the ambassador cannot keep the role by moving, nor end someone else’s; scripts may name one only where its family lives', async () => {
    const f = await appointed('Lina');
    const other = await family(env, 'etouvie');
    // A parent cannot remove or name ambassadors.
    expect((await other.parent.post(`${url(f.householdId)}/remove`)).statusCode).toBe(403);
    const elsewhere = await agent.post('/api/entraide/ambassadors', { userId: other.parent.user.id, neighbourhoodId: 'nord' });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error).toMatchObject({ code: 'entraide/ambassador-elsewhere', fields: [{ path: 'neighbourhoodId' }] });
    expect((await agent.post('/api/entraide/ambassadors', { userId: other.parent.user.id, neighbourhoodId: 'etouvie' })).statusCode).toBe(200);
  });
});
