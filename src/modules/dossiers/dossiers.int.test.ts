import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
/** The harness's clock is a fixed clock (see createTestEnv). */
const setClock = (iso: string) => (env.clock as unknown as { set(v: string): void }).set(iso);
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

const filePatch = {
  parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12', phone: '06 01 02 03 04' },
  children: [
    { firstName: 'Lina', birthDate: '2019-09-01', schoolName: 'École Jules Verne' },
    { firstName: 'Yanis', birthDate: '2015-02-20' },
  ],
  address: { line: '12 rue des Lilas', postalCode: '80000', neighbourhoodId: 'nord' },
  situation: {
    activity: 'actif',
    salaryNetMonthlyCents: 95000,
    alimonyReceivedMonthlyCents: 0,
    annualIncomeCents: 1_140_000,
    familyBenefitsMonthlyCents: 40_000,
  },
  housing: { status: 'locataire_hlm', rentMonthlyCents: 48000 },
};

describe('the family file', () => {
  it('a parent creates, reads, corrects its file; history and quotient follow', async () => {
    const parent = await env.as('parent');
    expect((await parent.get('/api/dossiers/me')).json()).toEqual({ household: null, missingForDroits: [] });
    const created = await parent.post('/api/dossiers/me', filePatch);
    expect(created.statusCode).toBe(201);
    const h = created.json().household;
    expect(h.address).toMatchObject({ city: 'Amiens', inseeCode: '80021', neighbourhoodId: 'nord' });
    expect(h.children.map((c: any) => c.firstName)).toEqual(['Yanis', 'Lina']);
    // (11 400 / 12 + 400) / 3 parts = 450
    expect(h.quotient).toEqual({ value: 450, source: 'computed', entered: null });
    expect(h.parent.email).toBe(parent.user.email);
    expect((await parent.post('/api/dossiers/me', filePatch)).statusCode).toBe(409);

    const upd = await parent.patch('/api/dossiers/me', { address: { line: '3 place Gambetta' }, quotient: { entered: 512 } });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().household.quotient).toEqual({ value: 512, source: 'entered', entered: 512 });
    const hist = (await parent.get('/api/dossiers/me/history')).json();
    expect(hist.find((c: any) => c.field === 'address.line')).toMatchObject({ oldValue: '12 rue des Lilas', newValue: '3 place Gambetta', source: 'family' });

    const droits = (await parent.get('/api/dossiers/me/droits-input?period=2026-03')).json();
    expect(droits.input.housing).toEqual({ statut: 'locataire_hlm', loyer_mensuel: 480, depcom: '80021', commune: 'Amiens' });
    expect(droits.input.children).toHaveLength(2);
    const pre = (await parent.get('/api/dossiers/me/prefill/droits.simulation')).json();
    expect(pre.values.parent).toEqual({ birthDate: '1990-05-12' });
    expect(JSON.stringify(pre)).not.toContain('Benali');
    expect((await parent.get('/api/dossiers/me/prefill/nope.form')).statusCode).toBe(404);
  });

  it('bad input is a 400/422 with fields, never a 500', async () => {
    const parent = await env.as('parent');
    const r1 = await parent.post('/api/dossiers/me', { children: [{ firstName: 'A', birthDate: '2020-02-30' }] });
    expect(r1.statusCode).toBe(422);
    expect(r1.json().error.fields[0].path).toBe('children.0.birthDate');
    const r2 = await parent.post('/api/dossiers/me', { address: { neighbourhoodId: 'atlantide' } });
    expect(r2.statusCode).toBe(422);
    const r3 = await parent.post('/api/dossiers/me', { situation: { salaryNetMonthlyCents: -5 } });
    expect(r3.statusCode).toBe(400);
    const r4 = await parent.post('/api/dossiers/me', { hacker: true });
    expect(r4.statusCode).toBe(400);
  });

  it('an agent needs a reason to open a file; every access is audited and the family sees it', async () => {
    const parent = await env.as('parent');
    const hid = (await parent.post('/api/dossiers/me', filePatch)).json().household.id;
    const agent = await env.as('agent');
    expect((await agent.get(`/api/dossiers/households/${hid}`)).statusCode).toBe(403);
    const found = (await agent.post('/api/dossiers/search', { q: 'benali' })).json();
    expect(found.map((f: any) => f.id)).toContain(hid);
    expect((await agent.post('/api/dossiers/search', { q: 'lin' })).json().map((f: any) => f.id)).toContain(hid);
    expect((await agent.post('/api/dossiers/search', { q: '0601 02' })).json().map((f: any) => f.id)).toContain(hid);
    const opened = await agent.post(`/api/dossiers/households/${hid}/open`, { reason: 'Rendez-vous aide alimentaire' });
    expect(opened.statusCode).toBe(200);
    expect((await agent.get(`/api/dossiers/households/${hid}`)).statusCode).toBe(200);
    const log = (await parent.get('/api/dossiers/me/audit')).json();
    expect(log.filter((a: any) => a.action === 'dossiers/opened')[0]).toMatchObject({ reason: 'Rendez-vous aide alimentaire', actorRole: 'agent' });
    // The reading that followed the opening is kept in the audit and read as part of the same visit.
    expect(log.filter((a: any) => a.action === 'dossiers/opened')[0].label).toMatch(/\(2 consultations/);
    // Grant expires after 8 hours.
    setClock('2026-03-10T19:00:00+01:00');
    expect((await agent.get(`/api/dossiers/households/${hid}`)).statusCode).toBe(403);
    setClock('2026-03-10T10:00:00+01:00');
  });

  it('a partner sees only consented parts, only while consent holds; orientation round trip', async () => {
    const parent = await env.as('parent');
    const hid = (await parent.post('/api/dossiers/me', filePatch)).json().household.id;
    const partner = await env.as('partner');
    const other = await env.as('partner');
    const agent = await env.as('agent');
    expect((await partner.get(`/api/dossiers/partner/households/${hid}`)).statusCode).toBe(403);

    const c = await parent.post('/api/dossiers/me/consents', { structureId: partner.user.structureId, purpose: 'orientation', parts: ['children', 'address'] });
    expect(c.statusCode).toBe(201);
    expect(
      (await parent.post('/api/dossiers/me/consents', { structureId: partner.user.structureId, purpose: 'orientation', parts: ['identity'] })).statusCode,
    ).toBe(409);
    const seen = (await partner.get(`/api/dossiers/partner/households/${hid}`)).json();
    expect(seen.parts).toEqual(['children', 'address']);
    expect(seen.household.children.map((k: any) => k.firstName)).toEqual(['Yanis', 'Lina']);
    const text = JSON.stringify(seen);
    for (const v of ['Samia', 'Benali', '95000', '06 01', '1990-05-12', 'locataire']) expect(text).not.toContain(v);
    expect((await other.get(`/api/dossiers/partner/households/${hid}`)).statusCode).toBe(403);
    expect((await partner.get(`/api/dossiers/partner/households/${hid}?purpose=caf-contact`)).statusCode).toBe(403);
    expect((await partner.patch(`/api/dossiers/households/${hid}`, { address: { line: 'x' } })).statusCode).toBe(403);

    // orientation
    await agent.post(`/api/dossiers/households/${hid}/open`, { reason: 'Orientation' });
    const o = await agent.post(`/api/dossiers/households/${hid}/orientations`, { structureId: partner.user.structureId, note: 'Soutien à la parentalité' });
    expect(o.statusCode).toBe(201);
    const oid = o.json().id;
    const list = (await partner.get('/api/dossiers/partner/orientations')).json();
    expect(list[0]).toMatchObject({ id: oid, status: 'sent', hasConsent: true });
    expect(JSON.stringify(list)).not.toContain('Yanis');
    expect((await other.get(`/api/dossiers/partner/orientations/${oid}`)).statusCode).toBe(404);
    expect((await partner.get(`/api/dossiers/partner/orientations/${oid}`)).json().household).toBeNull();
    expect((await partner.post(`/api/dossiers/partner/orientations/${oid}/outcome`, { outcome: 'accompanied' })).statusCode).toBe(409);
    expect((await partner.post(`/api/dossiers/partner/orientations/${oid}/accept`, { accept: true })).statusCode).toBe(200);
    expect((await partner.get(`/api/dossiers/partner/orientations/${oid}`)).json().household.children).toHaveLength(2);
    expect((await partner.post(`/api/dossiers/partner/orientations/${oid}/outcome`, { outcome: 'accompanied', note: 'Suivi engagé' })).statusCode).toBe(200);
    const tl = (await agent.get(`/api/dossiers/households/${hid}/timeline`)).json();
    expect(tl.some((i: any) => i.kind === 'orientation-outcome' && i.detail === 'Suivi engagé')).toBe(true);
    const cl = (await agent.get('/api/dossiers/caseload')).json();
    expect(cl.families.map((f: any) => f.id)).toContain(hid);
    expect(cl.tasks.some((t: any) => t.kind === 'orientation_outcome' && t.householdId === hid)).toBe(true);

    // revocation: nothing after
    await parent.post(`/api/dossiers/me/consents/${c.json().id}/revoke`);
    expect((await partner.get(`/api/dossiers/partner/households/${hid}`)).statusCode).toBe(403);
    expect((await partner.get(`/api/dossiers/partner/orientations/${oid}`)).json().household).toBeNull();
    const log = (await parent.get('/api/dossiers/me/audit')).json();
    // Every reading is audited; a visit reads as one line with its count.
    const reads = log.filter((a: any) => a.action === 'dossiers/partner-access');
    const count = reads.reduce((n: number, a: any) => n + Number(/\((\d+) consultations/.exec(a.label)?.[1] ?? 1), 0);
    expect(count).toBeGreaterThanOrEqual(2);
  });

  it('a consent with an end date stops by itself, at the end of that day in Paris by the server clock', async () => {
    const parent = await env.as('parent');
    const hid = (await parent.post('/api/dossiers/me', filePatch)).json().household.id;
    const partner = await env.as('partner');
    const consent = { structureId: partner.user.structureId, purpose: 'caf-contact', parts: ['resources'] };
    // The last day is a day; the phone's clock and time zone have no say in when it ends.
    const past = await parent.post('/api/dossiers/me/consents', { ...consent, until: '2026-03-09' });
    expect(past.statusCode).toBe(422);
    expect(past.json().error).toMatchObject({
      code: 'dossiers/consent-end-past',
      fields: [{ path: 'until', message: 'Un accord ne peut pas finir avant aujourd’hui.' }],
    });
    expect((await parent.post('/api/dossiers/me/consents', { ...consent, until: '2026-02-30' })).statusCode).toBe(422);
    expect((await parent.get('/api/dossiers/me/consents')).json()).toEqual([]);
    const g = await parent.post('/api/dossiers/me/consents', { ...consent, until: '2026-03-31' });
    expect(g.statusCode).toBe(201);
    // 31 March is in summer time: the consent holds until 23:59:59 in Paris (21:59:59 UTC), not an hour more.
    expect((await parent.get('/api/dossiers/me/consents')).json()[0]).toMatchObject({ live: true, expiresAt: '2026-03-31T21:59:59.999Z' });
    const seen = (await partner.get(`/api/dossiers/partner/households/${hid}?purpose=caf-contact`)).json();
    expect(seen.household.situation.salaryNetMonthlyCents).toBe(95000);
    expect(seen.household.parent).toBeUndefined();
    setClock('2026-04-01T00:30:00+02:00');
    await partner.login(partner.user.email!);
    expect((await partner.get(`/api/dossiers/partner/households/${hid}?purpose=caf-contact`)).statusCode).toBe(403);
    expect((await partner.get('/api/dossiers/partner/households')).json()).toEqual([]);
    await parent.login(parent.user.email!);
    expect((await parent.get('/api/dossiers/me/consents')).json()[0]).toMatchObject({ live: false, revokedAt: null });
    setClock('2026-03-10T10:00:00+01:00');
  });

  it('early detection with consent creates a CCAS task', async () => {
    const parent = await env.as('parent');
    const hid = (await parent.post('/api/dossiers/me', filePatch)).json().household.id;
    const school = await env.as('partner');
    expect((await school.post(`/api/dossiers/partner/households/${hid}/flags`, { note: 'Absences répétées' })).statusCode).toBe(403);
    await parent.post('/api/dossiers/me/consents', { structureId: school.user.structureId, purpose: 'early-detection', parts: ['children'] });
    expect((await school.post(`/api/dossiers/partner/households/${hid}/flags`, { note: 'Absences répétées' })).statusCode).toBe(201);
    const agent = await env.as('agent');
    const cl = (await agent.get('/api/dossiers/caseload')).json();
    const task = cl.tasks.find((t: any) => t.householdId === hid);
    expect(task).toMatchObject({ kind: 'early_detection', note: 'Absences répétées' });
    expect((await agent.post(`/api/dossiers/tasks/${task.id}/done`)).statusCode).toBe(200);
  });

  it('an agent creates a file at the desk with consent recorded', async () => {
    const agent = await env.as('agent');
    const no = await agent.post('/api/dossiers/households', { patch: filePatch, consentGiven: false });
    expect(no.statusCode).toBe(422);
    const r = await agent.post('/api/dossiers/households', { patch: filePatch, consentGiven: true, reason: 'Accueil CCAS' });
    expect(r.statusCode).toBe(201);
    const hid = r.json().household.id;
    const { consents } = (await agent.get(`/api/dossiers/households/${hid}/consents`)).json();
    expect(consents[0]).toMatchObject({ purpose: 'ccas-file', recordedAtDesk: true, live: true });
    const hist = (await agent.get(`/api/dossiers/households/${hid}/history`)).json();
    expect(hist.every((c: any) => c.source === 'agent')).toBe(true);
    const partnerStructure = await env.structure('55555555-5555-4555-8555-555555555555');
    const consent = { structureId: partnerStructure, purpose: 'caf-contact', parts: ['resources'] };
    // Only as the family's own statement at the desk.
    expect((await agent.post(`/api/dossiers/households/${hid}/consents`, consent)).statusCode).toBe(422);
    const g = await agent.post(`/api/dossiers/households/${hid}/consents`, { ...consent, familyStatement: true });
    expect(g.statusCode).toBe(201);
    const all = (await agent.get(`/api/dossiers/households/${hid}/consents`)).json().consents;
    expect(all.find((c: any) => c.structureId === partnerStructure)).toMatchObject({ recordedAtDesk: true, live: true, parts: ['resources'] });
    // Another agent has not opened this file: no reason, no access.
    const other = await env.as('agent');
    expect((await other.get(`/api/dossiers/households/${hid}/consents`)).statusCode).toBe(403);
    expect((await other.get(`/api/dossiers/households/${hid}/timeline`)).statusCode).toBe(403);
  });
});

describe('demo data', () => {
  it('the demo parent has a file shared with the demo partner, followed by the demo agent', async () => {
    await env.seedDemo();
    const db = env.rt.deps.db;
    const { rows } = await db.query(
      `SELECT h.is_demo, h.referent_agent_id IS NOT NULL AS followed, (SELECT count(*)::int FROM household_children c WHERE c.household_id = h.id) AS kids,
              (SELECT count(*)::int FROM household_consents c WHERE c.household_id = h.id AND c.structure_id = '00000000-0000-4000-8000-00000000a001') AS shared
         FROM households h JOIN household_members m ON m.household_id = h.id AND m.kind = 'parent'
         JOIN users u ON u.id = m.user_id WHERE u.email = 'parent@demo.relais.fr'`,
    );
    expect(rows).toEqual([{ is_demo: true, followed: true, kids: 2, shared: 1 }]);
  });
});
