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
