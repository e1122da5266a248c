/**
 * The Pass Famille Solo's rule is the aids module's local aid « pass-famille-solo » (asked
 * through our passRule hook), and the pass is renewed with the file's yearly renewal (the
 * dossiers' `renewed` hook): renewed for a new period while the rule holds, else left to end
 * at its date with a notice. Real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { installAidFiles } from './catalogue.service';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };
let agent: Who;

async function family(firstName: string, quotient: number) {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Martin', birthDate: '1990-05-02', email: parent.user.email },
    children: [{ firstName: 'Léo', birthDate: '2018-09-01' }],
    address: { line: '1 rue de la Paix', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    quotient: { entered: quotient },
  });
  expect(res.statusCode, res.body).toBe(201);
  const householdId = res.json().household.id as string;
  expect((await agent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Pass Famille Solo' })).statusCode).toBe(200);
  const pass = await agent.post(`/api/cheques/households/${householdId}/pass`, {});
  expect(pass.statusCode, pass.body).toBe(201);
  return { parent, householdId, passId: pass.json().id as string };
}

const passRow = async (id: string) =>
  (await env.rt.deps.db.query<{ until: string }>(`SELECT to_char(valid_until, 'YYYY-MM-DD') AS until FROM cheques_passes WHERE id = $1`, [id])).rows[0];

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await tx(env.rt.deps.db, (t) => installAidFiles(t, env.clock.now(), 2026));
  agent = (await env.as('agent')) as Who;
});
afterAll(() => env.close());

describe('Pass Famille Solo and the aids module', () => {
  it('its rule is the local aid: an admin’s new version of the aid changes who gets the pass', async () => {
    const f = await family('Nadia', 450);
    expect((await agent.get(`/api/cheques/households/${f.householdId}/pass`)).json()).toMatchObject({ eligible: true });
    const admin = (await env.as('admin')) as Who;
    const aid = (await admin.get('/api/aides/catalogue/pass-famille-solo')).json();
    const definition = structuredClone(aid.definition);
    definition.conditions = definition.conditions.map((c: { kind: string }) => (c.kind === 'quotient_familial' ? { ...c, max_cents: 40000 } : c));
    const saved = await admin.post('/api/aides/catalogue/versions', { definition, baseVersion: aid.version, note: 'Seuil abaissé (démo)' });
    expect(saved.statusCode, saved.body).toBe(201);
    const check = (await agent.get(`/api/cheques/households/${f.householdId}/pass`)).json();
    expect(check).toMatchObject({ eligible: false, reason: 'quotient familial 450 € > 400 €, soit 50 € au-dessus' });
    // Back to the demo threshold for the next tests.
    definition.conditions = aid.definition.conditions;
    expect((await admin.post('/api/aides/catalogue/versions', { definition, baseVersion: saved.json().version, note: 'Retour' })).statusCode).toBe(201);
  });

  it('the family cannot ask for it with a request: an agent issues it from the file', async () => {
    const { parent } = await family('Lina', 300);
    const r = await parent.post('/api/aides/demandes', { aidId: 'pass-famille-solo', fields: {} });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('aides/not-requestable');
  });

  it('the file’s renewal renews the pass while the rule holds; else it ends at its date, with a notice', async () => {
    const kept = await family('Awa', 450);
    const lost = await family('Sarah', 500);
    expect(await passRow(kept.passId)).toEqual({ until: '2027-03-09' });
    try {
      env.clock.set('2026-09-01T08:00:00+02:00');
      await env.rt.deps.jobs.runNow('dossiers.open-renewals', {});
      await kept.parent.login(kept.parent.user.email!);
      await lost.parent.login(lost.parent.user.email!);

      expect((await kept.parent.post('/api/dossiers/me/renewal/confirm', {})).statusCode).toBe(200);
      expect(await passRow(kept.passId)).toEqual({ until: '2027-08-31' });
      await env.expectAudit('cheques/pass-renewed', kept.passId, { actorId: kept.parent.user.id, householdId: kept.householdId });

      // The quotient rose above the aid's threshold: the pass is not renewed, and the family is told.
      const c = await lost.parent.post('/api/dossiers/me/renewal/confirm', { quotient: { entered: 900 } });
      expect(c.statusCode, c.body).toBe(200);
      expect(await passRow(lost.passId)).toEqual({ until: '2027-03-09' });
      await env.expectAudit('cheques/pass-not-renewed', lost.passId, { actorId: lost.parent.user.id, householdId: lost.householdId });
      const { rows } = await env.rt.deps.db.query<{ body: string }>(
        `SELECT body FROM notifications WHERE user_id = $1 AND template = 'cheques.pass-not-renewed'`,
        [lost.parent.user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].body).toContain('quotient familial 900 € > 700 €, soit 200 € au-dessus');
      expect(rows[0].body).toContain('jusqu’au 9 mars 2027'.replace('’', "'"));
      // An agent cannot renew it by hand either while the rule does not hold.
      const anAgent = (await env.as('agent')) as Who;
      await anAgent.post(`/api/dossiers/households/${lost.householdId}/open`, { reason: 'Pass' });
      const refused = await anAgent.post(`/api/cheques/passes/${lost.passId}/renewal`, {});
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('cheques/not-eligible');
    } finally {
      env.clock.set('2026-03-10T10:00:00+01:00');
    }
  });
});
