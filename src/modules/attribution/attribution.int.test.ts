import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { registerAttributionCli } from './attribution.cli';
import { campaignBody, newFamily } from './attribution.fixture';
import { applicationsIndicator, singleParentAdmittedIndicator } from './attribution.indicators';

let env: TestEnv;
const setClock = (iso: string) => (env.clock as unknown as { set(v: string): void }).set(iso);
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

const family = () => newFamily(env);

describe('a campaign from rules to places', () => {
  let campaignId: string;
  let groups: { id: string; label: string }[];
  let coordinator: Awaited<ReturnType<TestEnv['as']>>;

  it('staff create and open a campaign; families and anonymous visitors may not; the rules are public once open', async () => {
    coordinator = await env.as('coordinator');
    const parent = await env.as('parent');
    expect((await parent.post('/api/attribution/campaigns', campaignBody())).statusCode).toBe(403);
    expect((await env.client().post('/api/attribution/campaigns', campaignBody())).statusCode).toBe(401);
    const bad = await coordinator.post('/api/attribution/campaigns', campaignBody({ closesAt: '2026-02-01T00:00:00+01:00' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('closesAt');
    const res = await coordinator.post('/api/attribution/campaigns', campaignBody());
    expect(res.statusCode).toBe(201);
    campaignId = res.json().id;
    await env.expectAudit('attribution/campaign-created', campaignId, { actorId: coordinator.user.id });
    expect((await env.client().get(`/api/attribution/public/campaigns/${campaignId}`)).statusCode).toBe(404); // a draft is not public
    expect((await coordinator.post(`/api/attribution/campaigns/${campaignId}/status`, { status: 'open' })).statusCode).toBe(200);
    await env.expectAudit('attribution/campaign-status', campaignId);
    const rules = (await env.client().get(`/api/attribution/public/campaigns/${campaignId}`)).json();
    expect(rules.criteria.map((c: any) => c.code)).toContain('monoparentalite');
    expect(rules.criteria.find((c: any) => c.code === 'qf_tranche_1')).toMatchObject({ weight: 15, proof: 'Attestation de quotient familial de la CAF' });
    expect(rules.tieBreak).toMatch(/À score égal/);
    groups = rules.groups;
  });

  it('a family applies from its file (values prefilled, corrections kept), for its own children only', async () => {
    const f = await family();
    const form = await f.parent.get(`/api/attribution/campaigns/${campaignId}/form`);
    expect(form.statusCode).toBe(200);
    // QF = (11 400 / 12 + 400) / 3 = 450
    expect(form.json().prefilled).toMatchObject({ monoparentalite: 1, qf_tranche_1: 1, qf_tranche_2: 0, contrainte_emploi: 1, handicap: null });
    expect(
      form
        .json()
        .children.map((c: any) => c.age)
        .sort(),
    ).toEqual([6, 9]);
    expect(JSON.stringify(form.json())).not.toContain('Benali');

    const other = await family();
    const foreign = await f.parent.post(`/api/attribution/campaigns/${campaignId}/applications`, {
      children: [other.children[0]!.id],
      choices: [groups[0]!.id],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.fields[0].path).toBe('children.0');
    const tooYoung = await f.parent.post(`/api/attribution/campaigns/${campaignId}/applications`, {
      children: f.children.map((c) => c.id),
      choices: [groups[2]!.id],
    });
    expect(tooYoung.statusCode).toBe(422);
    expect(tooYoung.json().error.code).toBe('attribution/age-band');
    expect(
      (await coordinator.post(`/api/attribution/campaigns/${campaignId}/applications`, { children: [f.children[0]!.id], choices: [groups[0]!.id] })).statusCode,
    ).toBe(403);

    const res = await f.parent.post(`/api/attribution/campaigns/${campaignId}/applications`, {
      children: f.children.map((c) => c.id),
      keepTogether: true,
      choices: [groups[0]!.id, groups[1]!.id],
      declared: { handicap: 1 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().ids).toHaveLength(2);
    await env.expectAudit('attribution/applied', campaignId, { actorId: f.parent.user.id, householdId: f.householdId });
    const again = await f.parent.post(`/api/attribution/campaigns/${campaignId}/applications`, { children: [f.children[0]!.id], choices: [groups[0]!.id] });
    expect(again.json().error.code).toBe('attribution/already-applied');

    const mine = (await f.parent.get('/api/attribution/me/applications')).json().applications;
    expect(mine).toHaveLength(2);
    expect(form.json().proofs).toMatchObject({ monoparentalite: false, qf_tranche_1: false, handicap: false, fratrie: null });
    const values = Object.fromEntries(mine[0].criteria.map((c: any) => [c.code, [c.value, c.source]]));
    expect(values).toMatchObject({
      monoparentalite: [1, 'prefilled'],
      fratrie: [1, 'prefilled'],
      handicap: [1, 'declared'],
      orientation_sociale: [0, 'declared'],
    });
    expect(mine[0].result).toBeNull();
  });

  it('three more families apply; an agent verifies a criterion on its proof', async () => {
    const solo = await family();
    await solo.parent.patch('/api/dossiers/me', { otherParent: { custody: 'alternate' }, quotient: { entered: 700 } });
    expect(
      (
        await solo.parent.post(`/api/attribution/campaigns/${campaignId}/applications`, {
          children: [solo.children[0]!.id],
          choices: [groups[1]!.id, groups[0]!.id],
          keepTogether: false,
        })
      ).statusCode,
    ).toBe(201);
    const referred = await family();
    const ids = (
      await referred.parent.post(`/api/attribution/campaigns/${campaignId}/applications`, { children: [referred.children[1]!.id], choices: [groups[0]!.id] })
    ).json().ids;
    const agent = await env.as('agent');
    const parent = await env.as('parent');
    expect((await parent.put(`/api/attribution/applications/${ids[0]}/criteria/orientation_sociale`, { value: 1 })).statusCode).toBe(403);
    expect((await agent.put(`/api/attribution/applications/${ids[0]}/criteria/orientation_sociale`, { value: 2 })).statusCode).toBe(400);
    // the proof is in the family's file: the agent opens it first, with a reason
    const closed = await agent.put(`/api/attribution/applications/${ids[0]}/criteria/orientation_sociale`, { value: 1 });
    expect(closed.json().error.code).toBe('dossiers/reason-required');
    expect(
      (await agent.post(`/api/dossiers/households/${referred.householdId}/open`, { reason: 'Vérifier les justificatifs de la demande de place' })).statusCode,
    ).toBe(200);
    expect((await agent.put(`/api/attribution/applications/${ids[0]}/criteria/orientation_sociale`, { value: 1 })).statusCode).toBe(200);
    await env.expectAudit('attribution/criterion-verified', ids[0], { actorId: agent.user.id });
    const list = (await agent.get(`/api/attribution/campaigns/${campaignId}/applications`)).json().applications;
    expect(list).toHaveLength(4);
    expect(list.find((a: any) => a.id === ids[0]).criteria.orientation_sociale).toEqual({ value: 1, source: 'verified' });
    expect(JSON.stringify(list)).not.toMatch(/Samia|Benali|Lina|Yanis/);

    // a family withdraws before the results (and only its own application), then may apply again
    const late = await family();
    const lateIds = (
      await late.parent.post(`/api/attribution/campaigns/${campaignId}/applications`, { children: [late.children[0]!.id], choices: [groups[1]!.id] })
    ).json().ids;
    expect((await referred.parent.post(`/api/attribution/me/applications/${lateIds[0]}/withdraw`, {})).statusCode).toBe(404);
    expect((await late.parent.post(`/api/attribution/me/applications/${lateIds[0]}/withdraw`, {})).statusCode).toBe(200);
    await env.expectAudit('attribution/withdrawn', lateIds[0], { actorId: late.parent.user.id });
    expect((await agent.get(`/api/attribution/campaigns/${campaignId}/applications`)).json().applications).toHaveLength(4);
    expect((await late.parent.get('/api/attribution/me/applications')).json().applications[0].status).toBe('withdrawn');
  });

  it('what-if: a weight changed shows which families change status and why, nothing stored', async () => {
    const parent = await env.as('parent');
    expect((await parent.post(`/api/attribution/campaigns/${campaignId}/simulate`, {})).statusCode).toBe(403);
    const unknown = await coordinator.post(`/api/attribution/campaigns/${campaignId}/simulate`, { weights: { astrologie: 3 } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].path).toBe('weights.astrologie');
    const same = (await coordinator.post(`/api/attribution/campaigns/${campaignId}/simulate`, {})).json();
    expect(same.changes).toEqual([]);
    expect(same.current.admitted).toBe(3);
    // The siblings (mono 20, qf1 15, work 10, siblings 5, handicap 10 = 60) fill July;
    // the referred child (mono 20 + qf1 15 + work 10 + referral 10 = 55) wants July only; the shared-custody child (mono 10, qf2 8, work 10 = 28) gets August.
    const sim = (
      await coordinator.post(`/api/attribution/campaigns/${campaignId}/simulate`, { weights: { handicap: 0 }, capacities: { [groups[0]!.id]: 1 } })
    ).json();
    expect(sim.families).toBeGreaterThan(0);
    const change = sim.changes[0];
    expect(change.before.status).toBe('admitted');
    await env.expectAudit('attribution/simulated', campaignId, { actorId: coordinator.user.id });
    const w = (await env.client().get(`/api/attribution/public/campaigns/${campaignId}`)).json().criteria.find((c: any) => c.code === 'handicap').weight;
    expect(w).toBe(10);
  });

  it('publication stores the allocation, offers places, and each family reads its score, rank and the last admitted score', async () => {
    const res = await coordinator.post(`/api/attribution/campaigns/${campaignId}/publish`, { weights: { monoparentalite: 30 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ admitted: 3, waitlist: 1, offers: 3 });
    await env.expectAudit('attribution/published', campaignId, { actorId: coordinator.user.id });
    expect((await coordinator.post(`/api/attribution/campaigns/${campaignId}/publish`, {})).json().error.code).toBe('attribution/already-published');
    const rules = (await env.client().get(`/api/attribution/public/campaigns/${campaignId}`)).json();
    expect(rules.status).toBe('published');
    expect(rules.criteria.find((c: any) => c.code === 'monoparentalite').weight).toBe(30);
    expect(rules.groups[0].lastAdmittedScore).toBe(70);

    const { rows } = await env.rt.deps.db.query(`SELECT household_id FROM attribution_applications WHERE campaign_id = $1 ORDER BY number LIMIT 1`, [
      campaignId,
    ]);
    const staffList = (await coordinator.get(`/api/attribution/campaigns/${campaignId}/applications`)).json().applications;
    expect(staffList.filter((a: any) => a.offer?.status === 'offered')).toHaveLength(3);
    expect(rows[0].household_id).toBeTruthy();

    // the action plan's indicators: every application is located in no neighbourhood here (the files have none), all admitted claimed single parenthood but one
    const period = { from: new Date('2026-03-01T00:00:00+01:00'), to: new Date('2026-04-01T00:00:00+02:00') };
    expect(await applicationsIndicator.compute(env.rt.deps.db, period)).toEqual([{ neighbourhood: null, value: 4 }]);
    const share = await singleParentAdmittedIndicator.compute(env.rt.deps.db, period);
    expect(share).toEqual([{ neighbourhood: null, value: 100 }]);
  });
});

describe('concurrency', () => {
  it('two publications at once: one wins, the other is told it is already published', async () => {
    const coordinator = await env.as('coordinator');
    const c = (await coordinator.post('/api/attribution/campaigns', campaignBody({ opensAt: null, closesAt: null }))).json().id;
    await coordinator.post(`/api/attribution/campaigns/${c}/status`, { status: 'open' });
    const g = (await coordinator.get(`/api/attribution/campaigns/${c}`)).json().groups[0].id;
    for (let i = 0; i < 3; i++) {
      const f = await family();
      await f.parent.post(`/api/attribution/campaigns/${c}/applications`, { children: [f.children[1]!.id], choices: [g] });
    }
    const [a, b] = await Promise.all([
      coordinator.post(`/api/attribution/campaigns/${c}/publish`, {}),
      coordinator.post(`/api/attribution/campaigns/${c}/publish`, {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const { rows } = await env.rt.deps.db.query(
      `SELECT count(*)::int AS n FROM attribution_offers o JOIN attribution_applications a ON a.id = o.application_id WHERE a.campaign_id = $1`,
      [c],
    );
    expect(rows[0].n).toBe(2);
  });
});

describe('who may not', () => {
  it('families and partners reach no staff route; staff and partners reach no family route', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const staffRoutes: [string, string][] = [
      ['GET', '/api/attribution/campaigns'],
      ['POST', '/api/attribution/campaigns'],
      ['GET', `/api/attribution/campaigns/${id}`],
      ['PUT', `/api/attribution/campaigns/${id}`],
      ['POST', `/api/attribution/campaigns/${id}/status`],
      ['GET', `/api/attribution/campaigns/${id}/applications`],
      ['PUT', `/api/attribution/applications/${id}/criteria/monoparentalite`],
      ['POST', `/api/attribution/campaigns/${id}/simulate`],
      ['POST', `/api/attribution/campaigns/${id}/publish`],
      ['GET', `/api/attribution/campaigns/${id}/forecast`],
      ['GET', `/api/attribution/campaigns/${id}/results`],
    ];
    const familyRoutes: [string, string][] = [
      ['GET', `/api/attribution/campaigns/${id}/form`],
      ['POST', `/api/attribution/campaigns/${id}/applications`],
      ['GET', '/api/attribution/me/applications'],
      ['POST', `/api/attribution/offers/${id}/confirm`],
      ['POST', `/api/attribution/offers/${id}/refuse`],
      ['POST', `/api/attribution/me/applications/${id}/withdraw`],
      ['POST', `/api/attribution/campaigns/${id}/documents`],
      ['DELETE', `/api/attribution/campaigns/${id}/documents/${id}`],
    ];
    const call = (c: Awaited<ReturnType<TestEnv['as']>>, [m, u]: [string, string]) =>
      m === 'GET' ? c.get(u) : m === 'PUT' ? c.put(u, {}) : m === 'DELETE' ? c.delete(u) : c.post(u, {});
    const parent = await env.as('parent');
    const partner = await env.as('partner');
    const agent = await env.as('agent');
    for (const r of staffRoutes) {
      expect((await call(parent, r)).statusCode, r.join(' ')).toBe(403);
      expect((await call(partner, r)).statusCode, r.join(' ')).toBe(403);
    }
    for (const r of familyRoutes) {
      expect((await call(agent, r)).statusCode, r.join(' ')).toBe(403);
      expect((await call(partner, r)).statusCode, r.join(' ')).toBe(403);
    }
    // a parent without a file cannot apply
    const noFile = await env.as('parent');
    expect((await noFile.get(`/api/attribution/campaigns/${id}/form`)).json().error.code).toBe('attribution/no-household');
  });
});

describe('offers', () => {
  it('a refused offer passes to the next family and counts in its next campaign; an unanswered one expires by the job', async () => {
    setClock('2026-05-01T10:00:00+02:00');
    const coordinator = await env.as('coordinator');
    const c = (
      await coordinator.post(
        '/api/attribution/campaigns',
        campaignBody({ opensAt: null, closesAt: null, groups: [{ label: 'Mercredis', capacity: 1 }], kind: 'mercredis' }),
      )
    ).json().id;
    await coordinator.post(`/api/attribution/campaigns/${c}/status`, { status: 'open' });
    const g = (await coordinator.get(`/api/attribution/campaigns/${c}`)).json().groups[0].id;
    const first = await family();
    const second = await family();
    const third = await family();
    await first.parent.post(`/api/attribution/campaigns/${c}/applications`, { children: [first.children[0]!.id], choices: [g], declared: { handicap: 1 } });
    await second.parent.post(`/api/attribution/campaigns/${c}/applications`, {
      children: [second.children[0]!.id],
      choices: [g],
      declared: { orientation_sociale: 0.5 },
    });
    await third.parent.post(`/api/attribution/campaigns/${c}/applications`, { children: [third.children[0]!.id], choices: [g] });
    // The second family reads its account in English: its messages come in English.
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [second.parent.user.id]);
    await coordinator.post(`/api/attribution/campaigns/${c}/publish`, {});

    const mine = (await first.parent.get('/api/attribution/me/applications')).json().applications[0];
    expect(mine.result).toMatchObject({ rank: 1, total: 3, outcome: { status: 'admitted', groupLabel: 'Mercredis' } });
    expect(mine.result.breakdown.find((b: any) => b.code === 'handicap')).toMatchObject({ points: 10, label: 'Enfant ou parent en situation de handicap' });
    expect(mine.result.breakdown.reduce((s: number, b: any) => s + b.points, 0)).toBeCloseTo(mine.result.score, 2);
    expect(mine.choices[0].lastAdmittedScore).toBe(mine.result.score);
    const offerId = mine.offer.id;
    // someone else's offer is not theirs
    expect((await second.parent.post(`/api/attribution/offers/${offerId}/refuse`, {})).statusCode).toBe(404);
    const refused = await first.parent.post(`/api/attribution/offers/${offerId}/refuse`, {});
    expect(refused.json()).toEqual({ status: 'refused', passedOn: 1 });
    await env.expectAudit('attribution/offer-refused', offerId, { actorId: first.parent.user.id });
    expect((await first.parent.post(`/api/attribution/offers/${offerId}/confirm`, {})).json().error.code).toBe('attribution/offer-closed');

    const secondOffer = (await second.parent.get('/api/attribution/me/applications')).json().applications[0].offer;
    expect(secondOffer.status).toBe('offered');
    // the families were told: results for all three, then a freed place for the second
    const { rows: sent } = await env.rt.deps.db.query(
      `SELECT recipient, template FROM notifications WHERE template LIKE 'attribution.%' AND user_id = ANY($1::uuid[]) ORDER BY template`,
      [[first.parent.user.id, second.parent.user.id, third.parent.user.id]],
    );
    expect(sent.map((n: any) => n.template).sort()).toEqual(['attribution.offer', 'attribution.results', 'attribution.results', 'attribution.results']);
    expect(sent.find((n: any) => n.template === 'attribution.offer').recipient).toBe(second.parent.user.email);
    const { rows: english } = await env.rt.deps.db.query(
      `SELECT template, subject, body, locale FROM notifications WHERE user_id = $1 AND template LIKE 'attribution.%' ORDER BY template`,
      [second.parent.user.id],
    );
    expect(english.map((n: any) => [n.template, n.locale, n.subject])).toEqual([
      ['attribution.offer', 'en', 'A place is offered to you: Séjours de répit — été'],
      ['attribution.results', 'en', 'Results: Séjours de répit — été'],
    ]);
    // its deadline in English and in Paris time: offered on 1 May at 10:00, 5 days to answer
    expect(english[0].body).toContain('confirm or refuse it before 6 May at 10:00');
    expect(english[1].body).not.toContain('A place is offered');
    const { rows: french } = await env.rt.deps.db.query(`SELECT subject, body FROM notifications WHERE user_id = $1 AND template = 'attribution.results'`, [
      first.parent.user.id,
    ]);
    expect(french[0].subject).toBe('Résultats : Séjours de répit — été');
    expect(french[0].body).toContain('confirmez-la ou refusez-la avant le 6 mai à 10:00');
    // a second live offer in a full group is refused by the database itself
    const { rows } = await env.rt.deps.db.query(`SELECT id FROM attribution_applications WHERE campaign_id = $1 AND household_id = $2`, [c, third.householdId]);
    await expect(
      env.rt.deps.db.query(`INSERT INTO attribution_offers (application_id, group_id, created_at, expires_at) VALUES ($1, $2, now(), now())`, [rows[0].id, g]),
    ).rejects.toThrow(/full/);

    setClock('2026-05-09T10:00:00+02:00');
    await env.rt.deps.jobs.runNow('attribution.expire-offers', {});
    expect((await second.parent.get('/api/attribution/me/applications')).json().applications[0].offer.status).toBe('expired');
    expect((await third.parent.get('/api/attribution/me/applications')).json().applications[0].offer.status).toBe('offered');

    // staff follow the place from offer to offer: refused, passed on and expired, passed on again
    const results = await coordinator.get(`/api/attribution/campaigns/${c}/results`);
    expect(results.statusCode).toBe(200);
    const group = results.json().groups[0];
    expect(group.offers.map((o: any) => [o.number, o.status, o.passedOn])).toEqual([
      [1, 'refused', false],
      [2, 'expired', true],
      [3, 'offered', true],
    ]);
    expect(group.admitted.map((a: any) => a.number)).toEqual([1]);
    expect(group.waitlist.map((a: any) => [a.position, a.number, a.offer.status, a.offer.groupLabel])).toEqual([
      [1, 2, 'expired', 'Mercredis'],
      [2, 3, 'offered', 'Mercredis'],
    ]);
    expect(results.json().offers).toEqual({ offered: 1, confirmed: 0, refused: 1, expired: 1 });
    const firstResult = results.json().applications.find((a: any) => a.number === 1);
    expect(firstResult.breakdown.reduce((sum: number, b: any) => sum + b.points, 0)).toBeCloseTo(firstResult.score, 2);
    expect(JSON.stringify(results.json())).not.toContain('Benali');

    // the refusal counts in the family's next campaign
    const next = (
      await coordinator.post(
        '/api/attribution/campaigns',
        campaignBody({ opensAt: null, closesAt: null, groups: [{ label: 'Mercredis', capacity: 3 }], kind: 'mercredis' }),
      )
    ).json().id;
    await coordinator.post(`/api/attribution/campaigns/${next}/status`, { status: 'open' });
    expect((await first.parent.get(`/api/attribution/campaigns/${next}/form`)).json().prefilled).toMatchObject({ refus: 1, campagne_perdue: 0 });
    const forecast = (await coordinator.get(`/api/attribution/campaigns/${next}/forecast`)).json();
    expect(forecast.periods).toHaveLength(1);
    expect(forecast.periods[0].groups[0]).toMatchObject({ label: 'Mercredis', history: [{ campaignId: c, demand: 3, capacity: 1 }], forecast: 3, current: 0 });

    // A renamed group meets nothing until a coordinator maps it to the earlier one (an agent may not); audited.
    const renamed = (
      await coordinator.post(
        '/api/attribution/campaigns',
        campaignBody({ opensAt: null, closesAt: null, groups: [{ label: 'Mercredis récréatifs', capacity: 3 }], kind: 'mercredis' }),
      )
    ).json().id;
    const unmapped = (await coordinator.get(`/api/attribution/campaigns/${renamed}/forecast`)).json();
    const renamedGroup = unmapped.periods[0].groups[0];
    expect(renamedGroup).toMatchObject({ matched: false, forecast: null, mappedTo: null });
    const target = unmapped.mappable.find((m: any) => m.label === 'Mercredis');
    expect(target).toBeTruthy();
    const agent = await env.as('agent');
    expect((await agent.put(`/api/attribution/campaigns/${renamed}/groups/${renamedGroup.id}/forecast-key`, { key: target.key })).statusCode).toBe(403);
    const bad = await coordinator.put(`/api/attribution/campaigns/${renamed}/groups/${renamedGroup.id}/forecast-key`, { key: 'nulle-part' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('key');
    const mark = await env.auditMark();
    expect((await coordinator.put(`/api/attribution/campaigns/${renamed}/groups/${renamedGroup.id}/forecast-key`, { key: target.key })).statusCode).toBe(200);
    await env.expectAudit('attribution/group-mapped', renamed, { actorId: coordinator.user.id, after: mark });
    const mapped = (await coordinator.get(`/api/attribution/campaigns/${renamed}/forecast`)).json().periods[0].groups[0];
    expect(mapped).toMatchObject({ matched: true, forecast: 3, mappedTo: target.key });
  });
});

describe("the family's file", () => {
  it('export includes the applications; erasure anonymises them', async () => {
    setClock('2026-03-10T10:00:00+01:00');
    const coordinator = await env.as('coordinator');
    const c = (await coordinator.post('/api/attribution/campaigns', campaignBody({ opensAt: null, closesAt: null }))).json().id;
    await coordinator.post(`/api/attribution/campaigns/${c}/status`, { status: 'open' });
    const g = (await coordinator.get(`/api/attribution/campaigns/${c}`)).json().groups[0].id;
    const f = await family();
    await f.parent.post(`/api/attribution/campaigns/${c}/applications`, { children: [f.children[1]!.id], choices: [g] });
    const exp = (await f.parent.get('/api/dossiers/me/export.json')).json();
    expect(exp.stored.attribution_applications).toHaveLength(1);
    expect(exp.stored.attribution_applications[0]).toMatchObject({ campaign: 'Séjours de répit — été', choices: ['Juillet 6-11 ans'] });
    expect((await f.parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    const { rows } = await env.rt.deps.db.query(`SELECT household_id, child_first_name, anonymised FROM attribution_applications WHERE campaign_id = $1`, [c]);
    expect(rows).toEqual([{ household_id: null, child_first_name: null, anonymised: true }]);
  });
});

describe('CLI: relais attribution run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attribution-'));
  const write = (name: string, v: unknown) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, JSON.stringify(v));
    return p;
  };
  const file = {
    groups: [{ id: 'ete-6-11', capacity: 1 }],
    criteria: [
      { id: 'monoparentalite', weight: 20 },
      { id: 'qf_tranche_1', weight: 25 },
    ],
    applications: [
      { id: 'a-1', family: 'f-1', submitted_at: '2026-03-02T09:14:00+01:00', criteria: { monoparentalite: 1 }, choices: ['ete-6-11'] },
      { id: 'a-2', family: 'f-2', submitted_at: '2026-03-02T09:15:00+01:00', criteria: { qf_tranche_1: 1 }, choices: ['ete-6-11'] },
    ],
  };
  async function cli(...args: string[]): Promise<{ out: string; err: string; code: number }> {
    process.exitCode = 0;
    const program = new Command().exitOverride();
    registerAttributionCli(program, async () => ({ ...env.rt, close: async () => {} }));
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
    const error = vi.spyOn(console, 'error').mockImplementation((m: string) => void err.push(m));
    try {
      await program.parseAsync(['node', 'relais', 'attribution', ...args]);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { out: out.join('\n'), err: err.join('\n'), code };
  }

  it('prints the allocation; --weights replaces weights; --dry-run stores nothing', async () => {
    const count = async () => Number((await env.rt.deps.db.query(`SELECT count(*) FROM attribution_campaigns WHERE external_id IS NOT NULL`)).rows[0].count);
    const r = await cli('run', write('c.json', file), '--dry-run');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      applications: [
        { id: 'a-2', score: 25, breakdown: { monoparentalite: 0, qf_tranche_1: 25 }, rank: 1, outcome: { status: 'admitted', group: 'ete-6-11' } },
        { id: 'a-1', score: 20, breakdown: { monoparentalite: 20, qf_tranche_1: 0 }, rank: 2, outcome: { status: 'waitlist', position: 1 } },
      ],
      groups: [{ id: 'ete-6-11', admitted: 1, last_admitted_score: 25 }],
    });
    expect(await count()).toBe(0);
    const w = await cli('run', write('c.json', file), '--dry-run', '--weights', write('w.json', { monoparentalite: 30 }));
    expect(JSON.parse(w.out).applications[0]).toMatchObject({ id: 'a-1', score: 30 });
    const stored = await cli('run', write('c.json', file));
    expect(stored.code).toBe(0);
    expect(await count()).toBe(1);
    const { rows } = await env.rt.deps.db.query(
      `SELECT a.external_id, r.rank, r.status FROM attribution_results r JOIN attribution_applications a ON a.id = r.application_id JOIN attribution_campaigns c ON c.id = a.campaign_id
        WHERE c.external_id IS NOT NULL ORDER BY r.rank`,
    );
    expect(rows).toEqual([
      { external_id: 'a-2', rank: 1, status: 'admitted' },
      { external_id: 'a-1', rank: 2, status: 'waitlist' },
    ]);
    await cli('run', write('c.json', file));
    expect(await count()).toBe(1); // the same file is not stored twice
    // staff see it; it is not on the public pages (its criteria are the file's codes, not published rules)
    const coordinator = await env.as('coordinator');
    const imported = (await coordinator.get('/api/attribution/campaigns')).json().campaigns.find((c: any) => c.title === 'Campagne importée (c.json)');
    expect(imported).toMatchObject({ status: 'published', applications: 2, places: 1 });
    expect((await env.client().get(`/api/attribution/public/campaigns/${imported.id}`)).statusCode).toBe(404);
  });

  it('refuses a bad file with exit 2 and the exact path of each error', async () => {
    const bad = {
      ...file,
      applications: [
        { ...file.applications[0], criteria: { astrologie: 1, monoparentalite: 2 } },
        { ...file.applications[1], id: 'a-1', choices: ['nulle-part'] },
      ],
    };
    const r = await cli('run', write('bad.json', bad), '--dry-run');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).errors.map((e: any) => e.path)).toEqual([
      'applications[0].criteria.astrologie',
      'applications[0].criteria.monoparentalite',
      'applications[1].id',
      'applications[1].choices[0]',
    ]);
    expect(r.err).toContain('applications[0].criteria.astrologie : critère inconnu');
    const w = await cli('run', write('c.json', file), '--dry-run', '--weights', write('w2.json', { nope: 3 }));
    expect(w.code).toBe(2);
    expect(w.err).toContain('nope : critère inconnu');
  });
});

describe('demo', () => {
  it('seeds a demo respite campaign, open, with demo applications and earlier summers for the forecast', async () => {
    await env.seedDemo();
    const list = (await env.client().get('/api/attribution/public/campaigns')).json().campaigns.filter((c: any) => c.isDemo);
    expect(list.map((c: any) => c.status).sort()).toEqual(['closed', 'closed', 'open']);
    const open = list.find((c: any) => c.status === 'open');
    expect(open.title).toMatch(/démonstration/);
    expect(open.applications).toBe(9);
    const coordinator = await env.as('coordinator');
    const f = (await coordinator.get(`/api/attribution/campaigns/${open.id}/forecast`)).json();
    expect(f.periods.map((p: any) => p.period)).toEqual(['Juillet', 'Août']);
    expect(f.periods.flatMap((p: any) => p.groups.map((g: any) => g.forecast))).toEqual([7, 15, 10]);
  });
});
