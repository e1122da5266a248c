/**
 * Drafts of the household file (nothing typed is lost) and the one definition of the rent
 * between the file and the rights simulator (migration 0210).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-12-04T10:00:00+01:00' });
});
afterAll(() => env.close());

const URL = '/api/dossiers/me/brouillons/remplir';
const typed = (step: number, firstName: string, savedAt = '2026-12-04T09:59:00.000Z') => ({
  step,
  savedAt,
  data: { parent: { firstName, lastName: '', birthDate: '1990-0' }, children: [{ firstName: 'Lina', birthDate: '' }], housing: { status: 'locataire_hlm' } },
});

describe('drafts of the household file', () => {
  it('keep what a parent typed, step by step, for that parent only', async () => {
    const parent = await env.as('parent');
    expect((await parent.get(URL)).json()).toEqual({ draft: null });
    const mark = await env.auditMark();
    const first = await parent.put(URL, typed(1, 'Sam'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ applied: true, draft: { form: 'remplir', step: 1, data: { parent: { firstName: 'Sam' } } } });
    await env.expectAudit('dossiers/draft-started', parent.user.id, { after: mark, actorId: parent.user.id, subjectType: 'draft' });
    const second = await parent.put(URL, typed(2, 'Samia', '2026-12-04T09:59:30.000Z'));
    expect(second.json()).toMatchObject({ applied: true, draft: { step: 2 } });
    // The typing itself is not audited again: one entry for the draft.
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossiers/draft-started' AND subject_id = $1`, [
      parent.user.id,
    ]);
    expect(rows[0].n).toBe(1);
    // Read back from anywhere (another device: same account, new session).
    const again = env.client();
    await again.login(parent.user.email!);
    expect((await again.get(URL)).json()).toMatchObject({ draft: { step: 2, data: { parent: { firstName: 'Samia', birthDate: '1990-0' } } } });
    // The other form has its own draft.
    expect((await parent.get('/api/dossiers/me/brouillons/renouvellement')).json()).toEqual({ draft: null });

    // Another parent sees none of it and cannot touch it; staff and partners have no drafts; anonymous: 401.
    const other = await env.as('parent');
    expect((await other.get(URL)).json()).toEqual({ draft: null });
    expect((await other.delete(URL)).statusCode).toBe(204);
    expect((await parent.get(URL)).json().draft.data.parent.firstName).toBe('Samia');
    for (const role of ['agent', 'coordinator', 'partner', 'admin'] as const) {
      const c = await env.as(role);
      expect((await c.get(URL)).statusCode, role).toBe(403);
      expect((await c.put(URL, typed(1, 'X'))).statusCode, role).toBe(403);
    }
    expect((await env.client().get(URL)).statusCode).toBe(401);
  });

  it('an offline save typed before the stored one does not replace it; a clock ahead is brought back to now', async () => {
    const parent = await env.as('parent');
    await parent.put(URL, typed(3, 'Récent', '2026-12-04T08:00:00.000Z'));
    const late = await parent.put(URL, typed(1, 'Ancien', '2026-12-04T07:00:00.000Z'));
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ applied: false, draft: { step: 3, data: { parent: { firstName: 'Récent' } } } });
    const ahead = await parent.put(URL, typed(4, 'Futur', '2027-06-01T00:00:00.000Z'));
    expect(new Date(ahead.json().draft.savedAt).toISOString()).toBe('2026-12-04T09:00:00.000Z');
    // So a save typed now (after the server's now) still wins over it.
    expect((await parent.put(URL, typed(5, 'Maintenant', '2026-12-04T09:00:30.000Z'))).json().applied).toBe(true);
  });

  it('refuses what is not a draft with the field named, never a 500', async () => {
    const parent = await env.as('parent');
    const bad = await parent.put(URL, { ...typed(1, 'A'), step: 99 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('step');
    const long = await parent.put(URL, { ...typed(1, 'A'), data: { parent: { firstName: 'x'.repeat(81) } } });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].path).toBe('data.parent.firstName');
    expect((await parent.put('/api/dossiers/me/brouillons/autre', typed(1, 'A'))).statusCode).toBe(400);
    expect((await parent.put(URL, { ...typed(1, 'A'), savedAt: 'hier' })).statusCode).toBe(400);
    expect((await parent.get(URL)).json()).toEqual({ draft: null });
  });

  it('saving the file deletes its draft; discarding is audited; export and erasure take drafts with the file', async () => {
    const parent = await env.as('parent');
    await parent.put(URL, typed(2, 'Nadia'));
    await parent.put('/api/dossiers/me/brouillons/renouvellement', typed(0, 'Nadia'));
    const created = await parent.post('/api/dossiers/me', { parent: { firstName: 'Nadia' }, children: [{ firstName: 'Lina', birthDate: '2017-03-02' }] });
    expect(created.statusCode).toBe(201);
    expect((await parent.get(URL)).json()).toEqual({ draft: null });
    // A correction typed again, then saved: the draft goes with the save.
    await parent.put(URL, typed(3, 'Nadia B.'));
    expect((await parent.patch('/api/dossiers/me', { parent: { lastName: 'Bensaïd' } })).statusCode).toBe(200);
    expect((await parent.get(URL)).json()).toEqual({ draft: null });

    const exported = (await parent.get('/api/dossiers/me/export.json')).json();
    expect(exported.stored.household_drafts).toHaveLength(1);
    expect(exported.stored.household_drafts[0]).toMatchObject({ form: 'renouvellement', step: 0 });

    const mark = await env.auditMark();
    expect((await parent.delete('/api/dossiers/me/brouillons/renouvellement')).statusCode).toBe(204);
    await env.expectAudit('dossiers/draft-discarded', parent.user.id, { after: mark, actorId: parent.user.id });
    expect((await parent.get('/api/dossiers/me/brouillons/renouvellement')).json()).toEqual({ draft: null });

    await parent.put(URL, typed(1, 'Nadia'));
    expect((await parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM household_drafts WHERE user_id = $1`, [parent.user.id]);
    expect(rows[0].n).toBe(0);
  });
});

describe('the renewal draft', () => {
  it('is deleted when the family confirms its renewal', async () => {
    const parent = await env.as('parent');
    await parent.post('/api/dossiers/me', { parent: { firstName: 'Awa' }, children: [{ firstName: 'Moussa', birthDate: '2017-04-02' }] });
    // Next year's renewal date (1 September by default): the job opens the renewal.
    const clock = env.clock as unknown as { set(v: string): void };
    clock.set('2027-09-02T08:00:00+02:00');
    await env.rt.deps.jobs.runNow('dossiers.open-renewals', {});
    await parent.login(parent.user.email!); // the session expired meanwhile
    expect((await parent.get('/api/dossiers/me/renewal')).json().renewal).not.toBeNull();
    await parent.put('/api/dossiers/me/brouillons/renouvellement', typed(2, 'Awa'));
    await parent.put(URL, typed(1, 'Awa'));
    expect((await parent.post('/api/dossiers/me/renewal/confirm', { parent: { lastName: 'Diallo' } })).statusCode).toBe(200);
    expect((await parent.get('/api/dossiers/me/brouillons/renouvellement')).json()).toEqual({ draft: null });
    // The other form's draft is not this one's business.
    expect((await parent.get(URL)).json().draft).not.toBeNull();
    clock.set('2026-12-04T10:00:00+01:00');
  });
});

describe('one definition of the rent (without charges) between the file and the simulator', () => {
  it('the prefilled simulator reads the rent the file holds, without charges; charges stay apart', async () => {
    const parent = await env.as('parent');
    const r = await parent.post('/api/dossiers/me', {
      parent: { birthDate: '1990-05-12' },
      children: [{ firstName: 'Lina', birthDate: '2017-03-02' }],
      address: { postalCode: '80000' },
      situation: { activity: 'inactif', alimonyReceivedMonthlyCents: 0 },
      housing: { status: 'locataire_vide', rentMonthlyCents: 45000, chargesMonthlyCents: 6000 },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().household.housing).toEqual({
      status: 'locataire_vide',
      rentMonthlyCents: 45000,
      chargesMonthlyCents: 6000,
      rentWithChargesFormerCents: null,
    });
    const input = (await parent.get('/api/dossiers/me/droits-input?period=2026-12')).json();
    expect(input.input.housing.loyer_mensuel).toBe(450);
    // What the simulator is prefilled with (droits' answersFromFile takes loyer_mensuel as the rent, see its test).
    const prefill = (await parent.get('/api/droits/potential/me')).json();
    expect(prefill.household.input.housing.loyer_mensuel * 100).toBe(r.json().household.housing.rentMonthlyCents);
  });

  it('migration 0210: a rent typed "charges comprises" is kept aside, not computed on, until the family gives the rent without charges', async () => {
    const parent = await env.as('parent');
    const created = await parent.post('/api/dossiers/me', {
      parent: { birthDate: '1990-05-12' },
      children: [{ firstName: 'Lina', birthDate: '2017-03-02' }],
      address: { postalCode: '80000' },
      situation: { activity: 'inactif', alimonyReceivedMonthlyCents: 0 },
      housing: { status: 'locataire_hlm', rentMonthlyCents: 52000 },
    });
    const id = created.json().household.id;
    // Run the data step of the migration again on this file, as it ran on files stored before it.
    const sql = fs.readFileSync(path.resolve('db/migrations/0210_dossiers_rent_without_charges.sql'), 'utf8').replace(/--.*$/gm, '');
    const dataSteps = sql
      .split(';')
      .map((s) => s.trim())
      .filter((s) => /^(INSERT|UPDATE)/.test(s));
    expect(dataSteps).toHaveLength(2);
    for (const s of dataSteps) await env.rt.deps.db.query(`${s} AND id = $1`, [id]);

    const mine = (await parent.get('/api/dossiers/me')).json();
    expect(mine.household.housing).toMatchObject({ rentMonthlyCents: null, rentWithChargesFormerCents: 52000 });
    expect(mine.missingForDroits).toContain('housing.rentMonthlyCents');
    const hist = (await parent.get('/api/dossiers/me/history')).json();
    expect(hist.find((c: { field: string }) => c.field === 'housing.rentMonthlyCents')).toMatchObject({ source: 'system', oldValue: 52000, newValue: null });
    // The family gives the rent without charges: the old figure goes.
    const fixed = await parent.patch('/api/dossiers/me', { housing: { rentMonthlyCents: 46000, chargesMonthlyCents: 6000 } });
    expect(fixed.json().household.housing).toEqual({
      status: 'locataire_hlm',
      rentMonthlyCents: 46000,
      chargesMonthlyCents: 6000,
      rentWithChargesFormerCents: null,
    });
    expect((await parent.get('/api/dossiers/me')).json().missingForDroits).not.toContain('housing.rentMonthlyCents');
  });
});
