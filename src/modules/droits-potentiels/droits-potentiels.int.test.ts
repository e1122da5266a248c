import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { fixedClock } from '../../platform/clock';
import { listIndicators } from '../../platform/indicators';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
const clock = () => env.clock as ReturnType<typeof fixedClock>;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

const filePatch = {
  parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12' },
  otherParent: { custody: 'visiting', alimonyDueMonthlyCents: 15000, alimonyPaidRegularly: false },
  children: [
    { firstName: 'Lina', birthDate: '2019-09-01' },
    { firstName: 'Yanis', birthDate: '2015-02-20' },
  ],
  address: { line: '12 rue des Lilas', postalCode: '80000', city: 'Amiens', inseeCode: '80021', neighbourhoodId: 'nord' },
  situation: { activity: 'inactif', salaryNetMonthlyCents: 0, alimonyReceivedMonthlyCents: 0, recentlySeparated: true },
  housing: { status: 'locataire_hlm', rentMonthlyCents: 48000 },
};

const household = (over: Record<string, unknown> = {}) => ({
  id: 'simulateur',
  period: '2026-03',
  parent: { age: 34, activite: 'inactif', salaire_net_mensuel: 0, chomage_net_mensuel: 0, salaire_imposable_mensuel: 0, chomage_imposable_mensuel: 0 },
  children: [
    { age: 6, date_naissance: '2019-09-01' },
    { age: 11, date_naissance: '2015-02-20' },
  ],
  housing: { statut: 'locataire_hlm', loyer_mensuel: 480, depcom: '80021', commune: 'Amiens' },
  pension_alimentaire_recue_mensuelle: 0,
  isolement_recent: true,
  ...over,
});

async function notifications(template: string) {
  const { rows } = await env.rt.deps.db.query(`SELECT recipient, subject, body FROM notifications WHERE template = $1 ORDER BY created_at`, [template]);
  return rows;
}

describe('droits potentiels', () => {
  it('gives the month simulated and its revaluation, and finds communes', async () => {
    const anon = env.client();
    const ctx = (await anon.get('/api/droits/potential/context')).json();
    expect(ctx).toEqual({ period: '2026-03', latestKnown: false, parameterDate: '2026-03-01' });
    const c = (await anon.get('/api/droits/potential/communes?q=amiens')).json();
    expect(c.communes[0]).toEqual({ depcom: '80021', name: 'Amiens', department: '80', zone: '2' });
  });

  it('lists what an anonymous family likely misses, without storing anything but a count', async () => {
    const anon = env.client();
    const res = await anon.post('/api/droits/potential/check', { input: household(), received: ['asf', 'af'], neighbourhoodId: 'etouvie' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const keys = body.missed.map((m: any) => m.key);
    expect(keys).toContain('rsa');
    expect(keys).not.toContain('asf');
    expect(keys).not.toContain('af');
    expect(body.result.amounts.asf).toBeGreaterThan(0);
    expect(body.saved).toBeNull();
    expect(body.parameterDate).toBe('2026-03-01');
    const rsa = body.missed.find((m: any) => m.key === 'rsa');
    expect(rsa.amountCents).toBe(Math.round(body.result.amounts.rsa * 100));
    const stored = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM droits_estimates`);
    expect(stored.rows[0].n).toBe(0);
    // saving needs an account
    expect((await anon.post('/api/droits/potential/check', { input: household(), received: [], save: true })).statusCode).toBe(401);
  });

  it('bad answers name the field (422), an unknown neighbourhood too, never a 500', async () => {
    const anon = env.client();
    const bad = await anon.post('/api/droits/potential/check', { input: household({ housing: { statut: 'locataire_hlm', loyer_mensuel: -5 } }), received: [] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('input.housing.loyer_mensuel');
    const quartier = await anon.post('/api/droits/potential/runs', { source: 'simulateur', neighbourhoodId: 'atlantide' });
    expect(quartier.statusCode).toBe(422);
    expect((await anon.post('/api/droits/potential/runs', { source: 'inconnu' })).statusCode).toBe(400);
  });

  it('counts simulations per neighbourhood for the indicator', async () => {
    const anon = env.client();
    expect((await anon.post('/api/droits/potential/runs', { source: 'simulateur', neighbourhoodId: 'nord' })).statusCode).toBe(204);
    expect((await anon.post('/api/droits/potential/runs', { source: 'simulateur' })).statusCode).toBe(204);
    const ind = listIndicators().find((i) => i.id === 'droits.simulations')!;
    const values = await ind.compute(env.rt.deps.db, { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
    expect(values).toEqual(
      expect.arrayContaining([
        { neighbourhood: 'nord', value: 1 },
        { neighbourhood: 'etouvie', value: 1 },
      ]),
    );
    expect(values.find((v) => v.neighbourhood === null)!.value).toBeGreaterThanOrEqual(1);
    const { rows } = await env.rt.deps.db.query(`SELECT * FROM droits_simulation_runs LIMIT 1`);
    expect(Object.keys(rows[0]).sort()).toEqual(['id', 'neighbourhood_id', 'ran_at', 'source']);
  });

  it('a parent with a file gets the simulator prefilled, saves its estimate, is told when a revaluation changes it', async () => {
    const parent = await env.as('parent');
    expect((await parent.get('/api/droits/potential/me')).json().household).toBeNull();
    expect((await parent.post('/api/droits/potential/check', { input: household(), received: [], save: true })).statusCode).toBe(404);
    expect((await parent.post('/api/dossiers/me', filePatch)).statusCode).toBe(201);

    const me = (await parent.get('/api/droits/potential/me')).json();
    expect(me.context.period).toBe('2026-03');
    expect(me.household.input.housing).toEqual({ statut: 'locataire_hlm', loyer_mensuel: 480, depcom: '80021', commune: 'Amiens' });
    expect(me.household.input.children.map((c: any) => c.date_naissance)).toEqual(['2015-02-20', '2019-09-01']);
    expect(me.household.otherParent).toEqual({ custody: 'visiting', alimonyDueMonthlyCents: 15000, alimonyPaidRegularly: false });
    expect(me.household.neighbourhoodId).toBe('nord');
    expect(me.saved).toBeNull();

    const saved = await parent.post('/api/droits/potential/check', { input: me.household.input, received: ['af'], save: true });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().saved).toMatchObject({ period: '2026-03', parameterDate: '2026-03-01', received: ['af'] });
    const hid = (await parent.get('/api/dossiers/me')).json().household.id;
    await env.expectAudit('droits-potentiels/saved', hid, { actorId: parent.user.id, householdId: hid });
    const again = (await parent.get('/api/droits/potential/me')).json();
    expect(again.saved.missed.map((m: any) => m.key)).toEqual(saved.json().missed.map((m: any) => m.key));

    // Same revaluation: nothing to do.
    await env.rt.deps.jobs.runNow('droits-potentiels.reestimate', {});
    expect(await notifications('droits.estimate-changed')).toHaveLength(0);

    // April: the BMAF is revalued on 1 April; the saved estimate is redone and the family told.
    clock().set('2026-04-10T09:00:00+02:00');
    await env.rt.deps.jobs.runNow('droits-potentiels.reestimate', {});
    const sent = await notifications('droits.estimate-changed');
    expect(sent).toHaveLength(1);
    expect(sent[0].recipient).toBe(parent.user.email);
    expect(sent[0].body).toContain('01/04/2026');
    expect(sent[0].body).toMatch(/Allocation de soutien familial \(ASF\) : [\d,]+ € → [\d,]+ €/);
    expect((await env.expectAudit('droits-potentiels/reestimated', hid, { actorId: null })).details).toMatchObject({
      parameterDate: '2026-04-01',
      notified: true,
    });
    // (a month later the session has expired: log in again)
    expect((await parent.login(parent.user.email!)).statusCode).toBe(200);
    const after = (await parent.get('/api/droits/potential/me')).json();
    expect(after.saved).toMatchObject({ period: '2026-04', parameterDate: '2026-04-01' });

    // Once redone, the job leaves it alone.
    await env.rt.deps.jobs.runNow('droits-potentiels.reestimate', {});
    expect(await notifications('droits.estimate-changed')).toHaveLength(1);

    // The family's export holds every stored field of its estimate.
    const exported = (await parent.get('/api/dossiers/me/export.json')).json();
    expect(exported.stored.droits_estimates).toHaveLength(1);
    expect(exported.stored.droits_estimates[0]).toMatchObject({ period: '2026-04', received: ['af'] });

    // Erasing the file erases the estimate.
    expect((await parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    const left = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM droits_estimates`);
    expect(left.rows[0].n).toBe(0);
    clock().set('2026-03-10T10:00:00+01:00');
  });

  it('an agent runs the simulator from a family file only once opened with a reason, audited', async () => {
    const parent = await env.as('parent');
    const h = (await parent.post('/api/dossiers/me', filePatch)).json().household;
    const agent = await env.as('agent');
    const closed = await agent.get(`/api/droits/potential/households/${h.id}`);
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.code).toBe('dossiers/reason-required');
    expect((await agent.post(`/api/dossiers/households/${h.id}/open`, { reason: 'Rendez-vous accès aux droits' })).statusCode).toBe(200);
    const open = await agent.get(`/api/droits/potential/households/${h.id}`);
    expect(open.statusCode).toBe(200);
    expect(open.json().household.input.housing.depcom).toBe('80021');
    const { rows } = await env.rt.deps.db.query(`SELECT action, details FROM audit_log WHERE household_id = $1 AND actor_id = $2 ORDER BY id`, [
      h.id,
      agent.user.id,
    ]);
    expect(rows.map((r) => r.action)).toEqual(['dossiers/opened', 'dossiers/accessed']);
    expect(rows[1].details.purpose).toBe('droits.simulation');

    const save = await agent.post('/api/droits/potential/check', {
      input: open.json().household.input,
      received: [],
      save: true,
      householdId: h.id,
      source: 'agent',
    });
    expect(save.statusCode).toBe(200);
    await env.expectAudit('droits-potentiels/saved', h.id, { actorId: agent.user.id, householdId: h.id });
    expect(save.json().saved.received).toEqual([]);
    expect((await parent.get('/api/droits/potential/me')).json().saved.period).toBe('2026-03');
    // a parent never reads another family's file; a partner never runs it
    const other = await env.as('parent');
    expect((await other.get(`/api/droits/potential/households/${h.id}`)).statusCode).toBe(403);
    const partner = await env.as('partner');
    expect((await partner.get(`/api/droits/potential/households/${h.id}`)).statusCode).toBe(403);
  });
});
