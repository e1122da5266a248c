/** The Pass Famille Solo on real PostgreSQL: issue from the file, the signed card, verification at a partner, offers, counting. */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { getIndicator } from '../../platform/indicators';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { verifyPassToken } from './pass-token';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };
let agent: Who;

async function family(firstName: string, quotient: number | null) {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Martin', birthDate: '1990-05-02' },
    children: [{ firstName: 'Léo', birthDate: '2018-09-01' }],
    address: { line: '1 rue de la Paix', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    ...(quotient === null ? {} : { quotient: { entered: quotient } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const householdId = res.json().household.id as string;
  expect((await agent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Pass Famille Solo' })).statusCode).toBe(200);
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

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  agent = (await env.as('agent')) as Who;
});
afterAll(() => env.close());

describe('Pass Famille Solo', () => {
  it('issued from an eligible file (audited), refused above the threshold and to a parent; shown signed to the family', async () => {
    const { parent, householdId } = await family('Samia', 450);
    expect((await parent.post(`/api/cheques/households/${householdId}/pass`, {})).statusCode).toBe(403);
    const check = (await agent.get(`/api/cheques/households/${householdId}/pass`)).json();
    expect(check).toEqual({ eligible: true, reason: null, pass: null });
    const res = await agent.post(`/api/cheques/households/${householdId}/pass`, {});
    expect(res.statusCode, res.body).toBe(201);
    await env.expectAudit('cheques/pass-issued', res.json().id, { actorId: agent.user.id, householdId });
    expect((await agent.post(`/api/cheques/households/${householdId}/pass`, {})).json().error.code).toBe('cheques/pass-exists');

    const card = (await parent.get('/api/cheques/me/pass')).json().pass;
    expect(card).toMatchObject({ firstName: 'Samia', validFrom: '2026-03-10', validUntil: '2027-03-09', status: 'valid' });
    expect(card.number).toMatch(/^PFS [A-Z0-9]{4} [A-Z0-9]{4}$/);
    // Offline: only the public key served at a public URL.
    const pem = (await env.client().get('/api/cheques/pass/public-key')).body;
    const payload = verifyPassToken(card.token, crypto.createPublicKey(pem));
    expect(payload).toMatchObject({ firstName: 'Samia', validUntil: '2027-03-09', number: card.number.replace(/^PFS /, '').replace(' ', '') });
    const [p, , sig] = card.token.split('.');
    const longer = Buffer.from(`${payload!.number}|Samia|2026-03-10|2099-12-31`).toString('base64url');
    expect(verifyPassToken(`${p}.${longer}.${sig}`, crypto.createPublicKey(pem))).toBeNull();

    const rich = await family('Claire', 1200);
    const refused = await agent.post(`/api/cheques/households/${rich.householdId}/pass`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].message).toBe('quotient familial 1 200 € > 700 €, soit 500 € au-dessus');
    const missing = await family('Noor', null);
    expect((await agent.get(`/api/cheques/households/${missing.householdId}/pass`)).json()).toMatchObject({ eligible: false });
  });

  it('a partner verifies: first name, validity, its own benefits only; revoked and expired show as such; each verification counted, not who', async () => {
    const { parent, householdId } = await family('Inès', 300);
    const passId = (await agent.post(`/api/cheques/households/${householdId}/pass`, {})).json().id;
    const museum = await listedPartner();
    const pool = await listedPartner();
    const offer = await museum.post(`/api/cheques/partners/${museum.user.structureId}/offers`, {
      benefit: 'free_entry',
      theme: 'culture',
      title: 'Entrée gratuite au musée',
      details: 'Pour toute la famille',
    });
    expect(offer.statusCode, offer.body).toBe(201);
    await env.expectAudit('cheques/offer-added', offer.json().id, { actorId: museum.user.id });
    expect((await pool.post(`/api/cheques/partners/${museum.user.structureId}/offers`, { benefit: 'free_entry', theme: 'sport', title: 'x' })).statusCode).toBe(
      404,
    );
    await pool.post(`/api/cheques/partners/${pool.user.structureId}/offers`, { benefit: 'reduced_price', theme: 'sport', title: 'Piscine à 1 €' });

    const card = (await parent.get('/api/cheques/me/pass')).json().pass;
    const scanned = await museum.post('/api/cheques/counter/pass', { pass: card.token });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json()).toEqual({
      status: 'valid',
      firstName: 'Inès',
      validUntil: '2027-03-09',
      benefits: [{ title: 'Entrée gratuite au musée', benefit: 'free_entry', benefitLabel: 'Entrée gratuite', details: 'Pour toute la famille' }],
    });
    const typed = (await pool.post('/api/cheques/counter/pass', { pass: card.number.toLowerCase() })).json();
    expect(typed.benefits.map((b: { title: string }) => b.title)).toEqual(['Piscine à 1 €']);
    await env.expectAudit('cheques/pass-verified', museum.user.structureId!, { actorId: museum.user.id, householdId: null });

    const unknown = await museum.post('/api/cheques/counter/pass', { pass: 'PFS AAAA AAAA' });
    const forged = await museum.post('/api/cheques/counter/pass', { pass: card.token.slice(0, -4) + 'AAAA' });
    expect(unknown.statusCode).toBe(422);
    expect(forged.body).toBe(unknown.body);
    expect((await parent.post('/api/cheques/counter/pass', { pass: card.number })).statusCode).toBe(403);

    expect((await museum.post(`/api/cheques/passes/${passId}/revocation`, { reason: 'Déménagement' })).statusCode).toBe(403);
    const revoked = await agent.post(`/api/cheques/passes/${passId}/revocation`, { reason: 'Déménagement hors de la ville' });
    expect(revoked.statusCode).toBe(200);
    await env.expectAudit('cheques/pass-revoked', passId, { actorId: agent.user.id, reason: 'Déménagement hors de la ville' });
    expect((await museum.post('/api/cheques/counter/pass', { pass: card.token })).json()).toMatchObject({ status: 'revoked', benefits: [] });

    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM cheques_pass_verifications WHERE structure_id = $1`, [museum.user.structureId]);
    expect(rows[0].n).toBe(2);
    const town = (await env.as('coordinator')) as Who;
    expect((await museum.get('/api/cheques/pass/uses?period=2026-03')).statusCode).toBe(403);
    const uses = (await town.get('/api/cheques/pass/uses?period=2026-03')).json().uses;
    expect(uses.find((u: { structureId: string }) => u.structureId === museum.user.structureId)).toEqual({
      structureId: museum.user.structureId,
      structureName: 'Structure de test',
      neighbourhood: null,
      count: 2,
    });
    const values = await getIndicator('cheques.pass-verifications')!.compute(env.rt.deps.db, {
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
    });
    expect(values.reduce((s, v) => s + v.value, 0)).toBeGreaterThanOrEqual(3);
  });

  it('pilotage reads the verifications per partner and its neighbourhood on the indicator’s page (counted, never who); a family cannot', async () => {
    const { parent } = await family('Yasmine', 350);
    const hh = (await parent.get('/api/dossiers/me')).json().household.id;
    expect((await agent.post(`/api/cheques/households/${hh}/pass`, {})).statusCode).toBe(201);
    const card = (await parent.get('/api/cheques/me/pass')).json().pass;
    const theatre = await listedPartner();
    const club = await listedPartner();
    const db = env.rt.deps.db;
    await db.query(`UPDATE annuaire_structures SET nom = 'Théâtre du Parc (test)', quartier = 'etouvie' WHERE id = $1`, [theatre.user.structureId]);
    await db.query(`UPDATE annuaire_structures SET nom = 'Club de judo (test)', quartier = NULL WHERE id = $1`, [club.user.structureId]);
    for (const who of [theatre, theatre, club]) expect((await who.post('/api/cheques/counter/pass', { pass: card.token })).statusCode).toBe(200);

    const coord = (await env.as('coordinator')) as Who;
    const plan = (await coord.post('/api/pilotage/plans', { title: 'Plan Pass' })).json().id;
    const axis = (await coord.post(`/api/pilotage/plans/${plan}/axes`, { code: 'Axe 5', title: 'Loisirs', goals: [] })).json().id;
    const objective = (await coord.post(`/api/pilotage/axes/${axis}/objectives`, { code: 'v', title: 'Pass Famille Solo' })).json().id;
    const action = (await coord.post(`/api/pilotage/objectives/${objective}/actions`, { title: 'Pass Famille Solo', neighbourhoods: [] })).json().id;
    const created = await coord.post(`/api/pilotage/actions/${action}/indicators`, {
      label: 'Passages du Pass',
      source: 'relais',
      relaisId: 'cheques.pass-verifications',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await coord.post(`/api/pilotage/plans/${plan}/compute`, { from: '2026-02', to: '2026-03' })).statusCode).toBe(200);
    const detail = await coord.get(`/api/pilotage/indicators/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const b = detail.json().breakdown;
    expect(b).toMatchObject({ by: 'Partenaire', detail: 'Quartier du partenaire', period: { period: '2026-03' }, since: { period: '2026-02' } });
    const mine = b.rows.filter((r: { label: string }) => r.label.endsWith('(test)'));
    expect(mine).toEqual([
      { label: 'Théâtre du Parc (test)', detail: 'Étouvie', month: 2, total: 2 },
      { label: 'Club de judo (test)', detail: null, month: 1, total: 1 },
    ]);
    // Counts only: nothing of the family in the answer.
    expect(detail.body).not.toContain('Yasmine');
    expect(detail.body).not.toContain(card.number);
    // An indicator with no breakdown answers null.
    const other = (
      await coord.post(`/api/pilotage/actions/${action}/indicators`, { label: 'Paiements', source: 'relais', relaisId: 'cheques.redemptions-sante' })
    ).json().id;
    expect((await coord.get(`/api/pilotage/indicators/${other}`)).json().breakdown).toBeNull();
    expect((await parent.get(`/api/pilotage/indicators/${id}`)).statusCode).toBe(403);
    expect((await theatre.get(`/api/pilotage/indicators/${id}`)).statusCode).toBe(403);
  });

  it('an expired pass is refused as expired; renewal extends it (audited)', async () => {
    const { parent, householdId } = await family('Awa', 500);
    const passId = (await agent.post(`/api/cheques/households/${householdId}/pass`, {})).json().id;
    const partner = (await env.as('partner')) as Who;
    const { number } = (await parent.get('/api/cheques/me/pass')).json().pass;
    try {
      env.clock.set('2027-03-10T12:00:00+01:00');
      const again = (await env.as('partner', { structureId: partner.user.structureId! })) as Who;
      expect((await again.post('/api/cheques/counter/pass', { pass: number })).json()).toMatchObject({ status: 'expired', benefits: [] });
      const anAgent = (await env.as('agent')) as Who;
      await anAgent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Renouvellement du dossier' });
      expect((await anAgent.post(`/api/cheques/passes/${passId}/renewal`, {})).statusCode).toBe(200);
      await env.expectAudit('cheques/pass-renewed', passId, { actorId: anAgent.user.id });
      expect((await again.post('/api/cheques/counter/pass', { pass: number })).json()).toMatchObject({ status: 'valid', validUntil: '2028-03-09' });
    } finally {
      env.clock.set('2026-03-10T10:00:00+01:00');
    }
  });

  it('families browse offers by theme and neighbourhood; a partner removes its own (audited)', async () => {
    const partner = await listedPartner();
    const id = (
      await partner.post(`/api/cheques/partners/${partner.user.structureId}/offers`, {
        benefit: 'reserved_workshop',
        theme: 'ateliers',
        title: 'Atelier cuisine parents-enfants',
      })
    ).json().id;
    const parent = (await env.as('parent')) as Who;
    const list = (await parent.get('/api/cheques/pass/offers?theme=ateliers')).json().offers;
    expect(list).toEqual([
      expect.objectContaining({
        title: 'Atelier cuisine parents-enfants',
        themeLabel: 'Ateliers',
        benefitLabel: 'Atelier réservé',
        structureName: 'Structure de test',
      }),
    ]);
    expect((await parent.get('/api/cheques/pass/offers?theme=inconnu')).statusCode).toBe(400);
    const other = (await env.as('partner')) as Who;
    expect((await other.delete(`/api/cheques/offers/${id}`)).statusCode).toBe(404);
    // The directory's "Pass Famille Solo" filter follows the offers.
    const flag = async () =>
      (
        await env.rt.deps.db.query(`SELECT pass_famille_solo AS f, pass_famille_solo_avantage AS a FROM annuaire_structures WHERE id = $1`, [
          partner.user.structureId,
        ])
      ).rows[0];
    expect(await flag()).toEqual({ f: true, a: 'Atelier cuisine parents-enfants' });
    expect((await partner.delete(`/api/cheques/offers/${id}`)).statusCode).toBe(200);
    await env.expectAudit('cheques/offer-removed', id, { actorId: partner.user.id });
    expect(await flag()).toEqual({ f: false, a: null });
  });

  it('accepting a partner per kind is for agents (audited)', async () => {
    const partner = (await env.as('partner')) as Who;
    const sid = partner.user.structureId!;
    expect((await partner.put(`/api/cheques/partners/${sid}/kinds`, { kinds: ['sante'] })).statusCode).toBe(403);
    const res = await agent.put(`/api/cheques/partners/${sid}/kinds`, { kinds: ['sante', 'alimentaire'] });
    expect(res.json()).toEqual({ structureId: sid, kinds: ['alimentaire', 'sante'] });
    await env.expectAudit('cheques/partner-kinds-set', sid, { actorId: agent.user.id });
    expect((await partner.get(`/api/cheques/partners/${sid}/kinds`)).json().kinds).toEqual(['alimentaire', 'sante']);
  });
});
