/** The aides API through HTTP (inject), the hooks into the household file, the jobs and the indicators, on real PostgreSQL. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { getIndicator } from '../../platform/indicators';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { installAidFiles } from './catalogue.service';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };

const filePatch = {
  parent: { firstName: 'Nadia', lastName: 'Roche', birthDate: '1988-01-12', email: 'nadia@example.fr' },
  children: [{ firstName: 'Tom', birthDate: '2016-04-01' }],
  address: { line: '4 rue Vulfran', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  situation: { activity: 'chomeur', unemploymentNetMonthlyCents: 85000, annualIncomeCents: 900_000, familyBenefitsMonthlyCents: 20_000 },
  housing: { status: 'locataire_hlm', rentMonthlyCents: 40000 },
};
const pdf = Buffer.from('%PDF-1.7\n% devis\n').toString('base64');

async function family(): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', filePatch);
  expect(res.statusCode).toBe(201);
  return { parent, householdId: res.json().household.id };
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await tx(env.rt.deps.db, (t) => installAidFiles(t, env.clock.now(), 2026));
});
afterAll(() => env.close());
beforeEach(() => env.clock.set('2026-03-10T10:00:00+01:00'));

describe('public catalogue and simulator (no account)', () => {
  it('lists every aid with its conditions in plain French', async () => {
    const res = await env.client().get('/api/aides');
    expect(res.statusCode).toBe(200);
    const aids = res.json().aids as { definition: { id: string }; conditionsText: string[]; benefitText: string }[];
    expect(aids).toHaveLength(10);
    const sante = aids.find((a) => a.definition.id === 'cheque-sante')!;
    expect(sante.conditionsText).toEqual([
      'Habiter Amiens',
      'Élever seul·e ses enfants',
      'Quotient familial de 700 € ou moins',
      'Ne pas l’avoir déjà reçue cette année',
    ]);
    expect(sante.benefitText).toBe('150 € en chèques par an');
    const one = await env.client().get('/api/aides/catalogue/aide-permis');
    expect(one.json().versions).toHaveLength(1);
    expect((await env.client().get('/api/aides/catalogue/inconnue')).json().error.code).toBe('aides/aid-not-found');
  });

  it('simulates a household described by hand, and names the bad field', async () => {
    const ok = await env.client().post('/api/aides/simulations', {
      period: '2026-03',
      parent: { age: 30 },
      housing: { statut: 'locataire_vide' },
      commune: 'Amiens',
      quotient_familial: 812,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().results.find((r: { aid: string }) => r.aid === 'cheque-sante').reasons).toEqual(['quotient familial 812 € > 700 €, soit 112 € au-dessus']);
    const bad = await env
      .client()
      .post('/api/aides/simulations', { period: '2026-03', parent: { age: 30 }, housing: { statut: 'locataire_vide' }, situation_emploi: 'astronaute' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('situation_emploi');
  });

  it('the page’s form: what is not answered is asked, never assumed (no housing, no ages, no month)', async () => {
    const sim = (body: unknown) => env.client().post('/api/aides/simulations', body);
    const unknown = await sim({ parent: {}, children: [{}], housing: {}, commune: 'Amiens', quotient_familial: 450 });
    expect(unknown.statusCode, unknown.body).toBe(200);
    const by = (id: string) => unknown.json().results.find((r: { aid: string }) => r.aid === id);
    // The services' chèques read the children's ages and what was received this year: both still to ask.
    expect(by('cheques-services')).toMatchObject({ status: 'to_check' });
    expect(by('cheques-services').questions.map((q: { key: string }) => q.key)).toEqual(expect.arrayContaining(['children', 'received_this_year']));
    expect(by('pass-famille-solo')).toMatchObject({ status: 'eligible', askable: false });
    const answered = await sim({
      parent: { salaire_net_mensuel: 900 },
      children: [{ age: 4 }],
      housing: { statut: 'locataire_hlm' },
      commune: 'Amiens',
      quotient_familial: 450,
      situation_emploi: 'demandeur_emploi',
      anciennete_residence_mois: 24,
      aides_recues_cette_annee: [],
    });
    expect(answered.json().results.find((r: { aid: string }) => r.aid === 'cheques-services')).toMatchObject({ status: 'eligible', askable: true });
    expect(answered.json().results.every((r: { status: string }) => r.status !== 'to_check')).toBe(true);
    const elsewhere = await sim({ parent: {}, housing: {}, commune: 'autre', quotient_familial: 450 });
    expect(elsewhere.json().results.find((r: { aid: string }) => r.aid === 'pass-famille-solo')).toMatchObject({ status: 'not_eligible' });
  });
});

describe('a family and an agent through the API', () => {
  it('eligibility from the file, the form with only this aid’s fields, asking, instructing, the CSV', async () => {
    const { parent } = await family();
    const elig = await parent.get('/api/aides/me/eligibilite?residenceMonths=24');
    expect(elig.statusCode).toBe(200);
    expect(
      elig.json().results.find((r: { aid: string }) => r.aid === 'aide-permis'),
      JSON.stringify(elig.json().results[0]),
    ).toMatchObject({ status: 'eligible', priority: true });
    const form = await parent.get('/api/aides/me/formulaire/aide-permis');
    expect(form.statusCode).toBe(200);
    expect(form.json().fileFields.map((f: { key: string }) => f.key)).toEqual([
      'parent.firstName',
      'parent.lastName',
      'address.line',
      'address.postalCode',
      'address.city',
      'situation.activity',
      'quotient.value',
    ]);
    expect(
      form
        .json()
        .fileFields.slice(0, 2)
        .map((f: { display: string }) => f.display),
    ).toEqual(['Nadia', 'Roche']);
    expect(form.json().fileFields.find((f: { key: string }) => f.key === 'situation.activity')).toMatchObject({
      label: 'Activité',
      display: "En recherche d'emploi",
    });
    expect(JSON.stringify(form.json())).not.toContain('2016-04-01'); // never more than this aid's fields

    const bad = await parent.post('/api/aides/demandes', { aidId: 'aide-permis', fields: { cost_cents: 'cher' } });
    expect(bad.statusCode).toBe(422);
    const created = await parent.post('/api/aides/demandes', {
      aidId: 'aide-permis',
      fields: { cost_cents: 120000, driving_school: 'Auto-école Étouvie' },
      answers: { residenceMonths: 24 },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const up = await parent.post(`/api/aides/demandes/${id}/documents`, { kind: 'devis', name: 'devis.pdf', mimeType: 'application/pdf', base64: pdf });
    expect(up.statusCode).toBe(201);
    const file = await parent.get(`/api/aides/demandes/${id}/documents/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const agent = (await env.as('agent')) as Who;
    const other = await family();
    expect((await other.parent.get(`/api/aides/demandes/${id}`)).statusCode).toBe(404);
    expect((await other.parent.get(`/api/aides/demandes/${id}/documents/${up.json().id}`)).statusCode).toBe(404);
    expect((await parent.get('/api/aides/instruction')).statusCode).toBe(403);
    expect((await env.client().get('/api/aides/me/demandes')).statusCode).toBe(401);

    const q = await agent.get('/api/aides/instruction?fund=fonds-mobilite&status=deposee');
    expect(q.statusCode).toBe(200);
    expect(q.json().requests.map((r: { id: string }) => r.id)).toContain(id);
    expect((await agent.post(`/api/aides/demandes/${id}/take`, {})).statusCode).toBe(200);
    const g = await agent.post(`/api/aides/demandes/${id}/grant`, { amountCents: 96000 });
    expect(g.statusCode).toBe(200);
    expect((await agent.post(`/api/aides/demandes/${id}/grant`, { amountCents: 1.5 })).json().error.fields[0].path).toBe('amountCents');

    const view = (await parent.get(`/api/aides/demandes/${id}`)).json();
    expect(view.status).toBe('accordee');
    expect(view.decisions[0].amountCents).toBe(96000);
    expect(view.documents.map((d: { label: string }) => d.label)).toEqual(["Devis de l'auto-école"]);
    expect((await parent.get('/api/aides/me/demandes')).json().requests[0]).toMatchObject({ id, statusLabel: 'Accordée' });

    env.clock.set('2026-03-25T10:00:00+01:00');
    const later = (await env.as('agent')) as Who; // sessions do not last 15 days
    const csv = await later.get('/api/aides/instruction.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toMatch(/^\ufeffNuméro;Aide;Fonds;Statut/);
    expect(csv.body).toContain('Aide au permis de conduire;Fonds mobilité du CCAS;Accordée;Étouvie;10/03/2026');
    expect(csv.body).not.toMatch(/Nadia|Roche/);

    const funds = await later.get('/api/aides/fonds');
    const mob = funds.json().funds.find((f: { fundId: string }) => f.fundId === 'fonds-mobilite');
    expect(mob).toMatchObject({ budgetCents: 2000000, committedCents: 96000, remainderCents: 1904000, remainderText: '19 040 €' });
    expect(funds.json().byNeighbourhood).toContainEqual(
      expect.objectContaining({ fundId: 'fonds-mobilite', neighbourhoodName: 'Étouvie', committedCents: 96000 }),
    );
    env.clock.set('2026-03-10T10:00:00+01:00');
    expect((await parent.get('/api/aides/fonds')).statusCode).toBe(403);
  });

  it('the household file: timeline, export, erasure of the requests (the fund keeps its amounts)', async () => {
    const { parent, householdId } = await family();
    const created = await parent.post('/api/aides/demandes', { aidId: 'cheque-sante', fields: {} });
    expect(created.statusCode).toBe(201);
    const exp = await parent.get('/api/dossiers/me/export.json');
    expect(exp.statusCode).toBe(200);
    expect(JSON.stringify(exp.json())).toContain(created.json().id);
    const agent = (await env.as('agent')) as Who;
    expect((await agent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Instruction de la demande d’aide' })).statusCode).toBe(200);
    const tl = await agent.get(`/api/dossiers/households/${householdId}/timeline`);
    if (tl.statusCode === 200) expect(JSON.stringify(tl.json())).toContain('Chèque santé');
    const erase = await parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' });
    expect(erase.statusCode).toBeLessThan(300);
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM aid_requests WHERE household_id = $1`, [householdId]);
    expect(rows[0].n).toBe(0);
  });

  it('an agent records a mandate at the desk and files under it; the family sees the mandate', async () => {
    const { parent, householdId } = await family();
    const agent = (await env.as('agent')) as Who;
    const m = await agent.post('/api/aides/mandats', {
      householdId,
      aidId: null,
      purpose: 'Demandes d’aides au guichet',
      days: 30,
      reason: 'Accueil au guichet du CCAS',
    });
    expect(m.statusCode).toBe(201);
    const r = await agent.post('/api/aides/demandes', { aidId: 'cheque-sante', fields: {}, mandateId: m.json().id });
    expect(r.statusCode).toBe(201);
    const mine = await parent.get('/api/aides/me/mandats');
    expect(mine.json().mandates[0]).toMatchObject({ purpose: 'Demandes d’aides au guichet', revokedAt: null });
    const view = (await parent.get(`/api/aides/demandes/${r.json().id}`)).json();
    expect(view.byMandate).toBe(true);
    expect(view.events.every((e: { byMandate: boolean }) => e.byMandate)).toBe(true);
    expect((await agent.post('/api/aides/demandes', { aidId: 'cheque-sante', fields: {} })).json().error.code).toBe('aides/mandate-required');
  });
});

describe('jobs and indicators', () => {
  it('reminds the assigned agent of requests waiting for more than 10 days', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const id = (await parent.post('/api/aides/demandes', { aidId: 'cheque-sante', fields: {} })).json().id;
    await agent.post(`/api/aides/demandes/${id}/take`, {});
    env.clock.set('2026-03-25T10:00:00+01:00');
    await env.rt.deps.jobs.runNow('aides.remind-waiting', {});
    const { rows } = await env.rt.deps.db.query(`SELECT subject FROM notifications WHERE template = 'aides.remind-waiting' AND user_id = $1`, [agent.user.id]);
    expect(rows[0].subject).toMatch(/^1 demande d'aide en attente depuis plus de 10 jours$/);
    const later = (await env.as('agent')) as Who;
    const waiting = await later.get('/api/aides/instruction?olderThanDays=10');
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json().requests.map((r: { id: string }) => r.id)).toContain(id);
    expect((await later.get('/api/aides/instruction?olderThanDays=20')).json().requests.map((r: { id: string }) => r.id)).not.toContain(id);
    await env.rt.deps.jobs.runNow('aides.purge-uploads', {});
    env.clock.set('2026-03-10T10:00:00+01:00');
  });

  it('gives pilotage the aids requested, granted, paid and the instruction time, by neighbourhood', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const id = (await parent.post('/api/aides/demandes', { aidId: 'cheque-sante', fields: {} })).json().id;
    await agent.post(`/api/aides/demandes/${id}/take`, {});
    env.clock.set('2026-03-14T10:00:00+01:00');
    await agent.post(`/api/aides/demandes/${id}/grant`, { amountCents: 15000 });
    await agent.post(`/api/aides/demandes/${id}/pay`, {});
    env.clock.set('2026-03-10T10:00:00+01:00');
    const period = { from: new Date('2026-03-01T00:00:00+01:00'), to: new Date('2026-04-01T00:00:00+02:00') };
    const val = async (ind: string) => (await getIndicator(ind)!.compute(env.rt.deps.db, period)).find((v) => v.neighbourhood === 'etouvie')?.value;
    expect(await val('aides.requested')).toBeGreaterThanOrEqual(1);
    expect(await val('aides.granted')).toBeGreaterThanOrEqual(1);
    expect(await val('aides.paid')).toBeGreaterThanOrEqual(150);
    expect(await val('aides.instruction-days')).toBeGreaterThan(0);
  });
});
