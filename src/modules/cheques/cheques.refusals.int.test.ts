/**
 * The chèques' changes tried by who must not (the ones the other files do not already try):
 * a family's codes by staff or a partner, the pass renewed or revoked by the family or a
 * partner, another structure's offers, partner kinds, corrections, settlements. Each is
 * refused and nothing is written (no chèques audit entry, no entry, no code, no offer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };
let agent: Who;

async function family(firstName: string) {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Martin', birthDate: '1990-05-02' },
    children: [{ firstName: 'Léo', birthDate: '2018-09-01' }],
    address: { line: '1 rue de la Paix', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    quotient: { entered: 450 },
  });
  expect(res.statusCode, res.body).toBe(201);
  const householdId = res.json().household.id as string;
  expect((await agent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Chèques' })).statusCode).toBe(200);
  expect((await agent.post(`/api/cheques/households/${householdId}/credits`, { kind: 'sante', amountCents: 5000, reason: 'Accordé' })).statusCode).toBe(201);
  return { parent, householdId };
}

/** A partner whose directory listing is complete (the directory refuses to flag an incomplete one). */
async function listedPartner(): Promise<Who> {
  const p = (await env.as('partner')) as Who;
  await env.rt.deps.db.query(`UPDATE annuaire_structures SET raw = jsonb_build_object('id', di_id, 'source', source, 'nom', nom) WHERE id = $1`, [
    p.user.structureId,
  ]);
  return p;
}

/** What must not have moved: the chèques' audit entries after the mark, and the rows a change would write. */
async function written(mark: number) {
  const db = env.rt.deps.db;
  const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0].n;
  return {
    audit: (await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE id > $1 AND action LIKE 'cheques/%'`, [mark])).rows.map((r) => r.action),
    entries: await count(`SELECT count(*)::int AS n FROM cheques_entries`),
    offers: await count(`SELECT count(*)::int AS n FROM cheques_pass_offers`),
    passes: await count(`SELECT count(*)::int AS n FROM cheques_passes WHERE revoked_at IS NULL`),
    settlements: await count(`SELECT count(*)::int AS n FROM cheques_settlements`),
  };
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  agent = (await env.as('agent')) as Who;
});
afterAll(() => env.close());

describe('who must not, for the chèques’ changes', () => {
  it('is refused, and nothing is written', async () => {
    const { parent, householdId } = await family('Inès');
    const passId = (await agent.post(`/api/cheques/households/${householdId}/pass`, {})).json().id as string;
    const museum = await listedPartner();
    const pool = await listedPartner();
    const offer = await museum.post(`/api/cheques/partners/${museum.user.structureId}/offers`, {
      benefit: 'free_entry',
      theme: 'culture',
      title: 'Entrée libre',
    });
    expect(offer.statusCode, offer.body).toBe(201);
    const coordinator = (await env.as('coordinator')) as Who;
    const mark = await env.auditMark();
    const before = await written(mark);

    // A family's payment code and sheet: the family's own, not staff's nor a partner's.
    for (const who of [agent, museum, coordinator]) {
      expect((await who.post('/api/cheques/me/codes/sante')).statusCode, who.user.role).toBe(403);
      expect((await who.post('/api/cheques/me/payment-codes', { format: 'html' })).statusCode, who.user.role).toBe(403);
    }
    // The pass: renewed and revoked by the town's agents, from the opened file.
    for (const who of [parent, museum]) {
      expect((await who.post(`/api/cheques/passes/${passId}/renewal`, {})).statusCode, who.user.role).toBe(403);
      expect((await who.post(`/api/cheques/passes/${passId}/revocation`, { reason: 'Déménagement' })).statusCode, who.user.role).toBe(403);
    }
    // Offers: a partner lists its own, never another's; a family lists none.
    const foreign = await pool.post(`/api/cheques/partners/${museum.user.structureId}/offers`, {
      benefit: 'free_entry',
      theme: 'culture',
      title: 'Fausse offre',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await pool.delete(`/api/cheques/offers/${offer.json().id}`)).statusCode).toBe(404);
    expect(
      (await parent.post(`/api/cheques/partners/${museum.user.structureId}/offers`, { benefit: 'free_entry', theme: 'culture', title: 'x' })).statusCode,
    ).toBe(403);
    expect((await parent.delete(`/api/cheques/offers/${offer.json().id}`)).statusCode).toBe(403);
    // Which kinds a partner accepts: agents decide, not the partner itself nor a family.
    for (const who of [museum, parent])
      expect((await who.put(`/api/cheques/partners/${museum.user.structureId}/kinds`, { kinds: ['sante'] })).statusCode).toBe(403);
    // Corrections and settlements: the town (coordinator, admin) only.
    for (const who of [parent, museum, agent]) {
      const res = await who.post(`/api/cheques/households/${householdId}/corrections`, { kind: 'sante', amountCents: -500, reason: 'Erreur' });
      expect(res.statusCode, who.user.role).toBe(403);
    }
    for (const who of [parent, museum, agent]) {
      expect((await who.post('/api/cheques/settlements', { structureId: museum.user.structureId, period: '2026-02' })).statusCode, who.user.role).toBe(403);
    }

    expect(await written(mark)).toEqual(before);
  });
});
