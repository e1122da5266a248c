import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
/** The harness's clock is a fixed clock (see createTestEnv). */
const setClock = (iso: string) => (env.clock as unknown as { set(v: string): void }).set(iso);
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

it('the town sets the date; the job opens one pre-filled renewal per file, notifies, flags expired documents; the family confirms with a correction', async () => {
  const coord = await env.as('coordinator');
  expect((await coord.put('/api/dossiers/settings/renewal-date', { month: 4, day: 31 })).statusCode).toBe(422);
  expect((await coord.put('/api/dossiers/settings/renewal-date', { month: 8, day: 25 })).statusCode).toBe(200);
  await env.expectAudit('dossiers/renewal-date-set', null, { actorId: coord.user.id });
  const parent = await env.as('parent');
  await parent.post('/api/dossiers/me', {
    parent: { firstName: 'Awa', lastName: 'Diallo' },
    children: [{ firstName: 'Moussa', birthDate: '2017-04-02' }],
    housing: { status: 'locataire_hlm', rentMonthlyCents: 40000 },
  });
  await parent.post('/api/dossiers/me/documents', { kind: 'attestation-caf', validUntil: '2026-06-30' });
  expect((await parent.get('/api/dossiers/me/renewal')).json().renewal).toBeNull();
  expect((await parent.post('/api/dossiers/me/renewal/confirm', {})).statusCode).toBe(404);

  setClock('2026-08-24T12:00:00+02:00');
  await env.rt.deps.jobs.runNow('dossiers.open-renewals', {});
  const db = env.rt.deps.db;
  expect((await db.query(`SELECT count(*)::int AS n FROM household_renewals`)).rows[0].n).toBe(0);

  setClock('2026-08-25T07:00:00+02:00');
  await env.rt.deps.jobs.runNow('dossiers.open-renewals', {});
  await env.rt.deps.jobs.runNow('dossiers.open-renewals', {}); // idempotent
  const { rows: notes } = await db.query(`SELECT recipient, body FROM notifications WHERE template = 'dossiers.renewal-open'`);
  expect(notes).toHaveLength(1);
  expect(notes[0].recipient).toBe(parent.user.email);
  expect(notes[0].body).toContain("1 justificatif n'est plus valable");
  const opened = (await db.query(`SELECT id, household_id FROM household_renewals`)).rows[0];
  await env.expectAudit('dossiers/renewal-opened', opened.id, { householdId: opened.household_id, actorId: null });

  await parent.login(parent.user.email!);
  const r = (await parent.get('/api/dossiers/me/renewal')).json();
  expect(r.renewal.campaignYear).toBe(2026);
  expect(r.household.parent.firstName).toBe('Awa');
  expect(r.expiredDocuments).toHaveLength(1);

  const agent = await env.as('agent');
  await agent.post(`/api/dossiers/households/${r.household.id}/open`, { reason: 'Suivi' });
  expect((await agent.post(`/api/dossiers/households/${r.household.id}/follow`)).statusCode).toBe(200);
  const c = await parent.post('/api/dossiers/me/renewal/confirm', { housing: { rentMonthlyCents: 42000 } });
  expect(c.statusCode).toBe(200);
  expect(c.json()).toMatchObject({ campaignYear: 2026, changes: 1 });
  await env.expectAudit('dossiers/renewal-confirmed', opened.id, { actorId: parent.user.id, householdId: r.household.id });
  const hist = (await parent.get('/api/dossiers/me/history')).json();
  expect(hist[0]).toMatchObject({ field: 'housing.rentMonthlyCents', oldValue: 40000, newValue: 42000, source: 'renewal' });
  expect((await parent.get('/api/dossiers/me/renewal')).json().renewal).toBeNull();
  expect((await parent.get('/api/dossiers/me')).json().household.lastConfirmedAt).toBe('2026-08-25T05:00:00.000Z');
  // The referent agent gets a task to review the changes.
  const tasks = (await agent.get('/api/dossiers/caseload')).json().tasks;
  expect(tasks).toEqual([expect.objectContaining({ kind: 'renewal_review', note: 'Renouvellement 2026 : 1 modification(s)' })]);

  // Next year, a new campaign.
  setClock('2027-08-25T07:00:00+02:00');
  await env.rt.deps.jobs.runNow('dossiers.open-renewals', {});
  expect((await db.query(`SELECT campaign_year FROM household_renewals ORDER BY 1`)).rows.map((x) => x.campaign_year)).toEqual([2026, 2027]);
});
