/**
 * Requests sent with their documents in one call (all or nothing), aids paid in vouchers
 * credited to the family's chèques account once, the CLI reading the stored versions, on
 * real PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx, SessionUser } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { ctxOf as ctxOfUser, family as familyWithFile, pdf, type Who } from './aides.testing';
import { runEligibility } from './aides.cli';
import { installAidFiles, openAids, saveVersion, simulate } from './catalogue.service';
import * as catalogue from './catalogue.store';
import * as decisions from './decisions.service';
import { fundTotals } from './funds.store';
import * as requests from './requests.service';
import * as store from './requests.store';

let env: TestEnv;
const ctxOf = (user: SessionUser): Ctx => ctxOfUser(env, user);
const family = () => familyWithFile(env);
const dir = () => path.join(env.rt.deps.config.dataDir, 'uploads', 'aides');
const stored = () => (fs.existsSync(dir()) ? fs.readdirSync(dir()) : []);
/** The audit actions written after a mark (a refused call writes none). */
const auditedSince = async (mark: number) =>
  (await env.rt.deps.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE id > $1 ORDER BY id`, [mark])).rows.map((r) => r.action);
const exe = Buffer.from('MZ\x90\x00 pas un PDF').toString('base64');

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await tx(env.rt.deps.db, (t) => installAidFiles(t, env.clock.now(), 2026));
});
afterAll(() => env.close());

describe('a request and its documents in one submission', () => {
  it('records the request with its new documents in one transaction', async () => {
    const { parent, householdId } = await family();
    const created = await requests.createRequest(ctxOf(parent.user), {
      aidId: 'aide-permis',
      fields: { cost_cents: 150000, driving_school: 'Auto-école du Nord' },
      answers: { residenceMonths: 24 },
      submit: true,
      documents: [{ kind: 'devis', name: 'devis.pdf', mimeType: 'application/pdf', base64: pdf }],
    });
    expect(created).toMatchObject({ status: 'deposee', attached: ['avis-imposition'], uploaded: ['devis'] });
    await env.expectAudit('aides/request-created', created.id, { actorId: parent.user.id });
    const docs = await store.documentsOf(env.rt.deps.db, created.id);
    expect(docs.map((d) => d.kind).sort()).toEqual(['avis-imposition', 'devis']);
    const upload = docs.find((d) => d.kind === 'devis')!;
    expect(stored()).toContain(upload.storageName);
    expect((await store.getRequest(env.rt.deps.db, created.id))!.householdId).toBe(householdId);
  });

  it('writes nothing when one document is refused: no request, no file, no audit entry', async () => {
    const { parent, householdId } = await family();
    const mark = await env.auditMark();
    const before = stored().length;
    await expect(
      requests.createRequest(ctxOf(parent.user), {
        aidId: 'aide-permis',
        fields: { cost_cents: 150000, driving_school: 'Auto-école du Nord' },
        submit: true,
        documents: [
          { kind: 'devis', name: 'devis.pdf', mimeType: 'application/pdf', base64: pdf },
          { kind: 'autre', name: 'virus.pdf', mimeType: 'application/pdf', base64: exe },
        ],
      }),
    ).rejects.toMatchObject({ code: 'aides/file-type', fields: [{ path: 'documents.1.mimeType', message: expect.any(String) }] });
    await expect(
      requests.createRequest(ctxOf(parent.user), {
        aidId: 'aide-permis',
        fields: { cost_cents: 150000, driving_school: 'Auto-école du Nord' },
        submit: true,
        documents: [{ kind: 'bulletin-salaire', name: 'b.pdf', mimeType: 'application/pdf', base64: pdf }],
      }),
    ).rejects.toMatchObject({ code: 'aides/invalid-fields', fields: [{ path: 'documents.0.kind', message: expect.any(String) }] });
    expect(await store.requestsOfHousehold(env.rt.deps.db, householdId)).toEqual([]);
    expect(stored().length).toBe(before);
    expect(await auditedSince(mark)).toEqual([]);
  });

  it('over HTTP: one POST carries the files; the form answers the field at fault', async () => {
    const { parent } = await family();
    const res = await parent.post('/api/aides/demandes', {
      aidId: 'aide-permis',
      fields: { cost_cents: 150000, driving_school: 'Auto-école du Nord' },
      answers: { residenceMonths: 24 },
      documents: [{ kind: 'devis', name: 'devis.pdf', mimeType: 'application/pdf', base64: pdf }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'deposee', uploaded: ['devis'] });
    const bad = await parent.post('/api/aides/demandes', {
      aidId: 'aide-permis',
      fields: { cost_cents: 150000, driving_school: 'Auto-école du Nord' },
      documents: [{ kind: 'devis', name: 'devis.gif', mimeType: 'image/gif', base64: pdf }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('documents.0.mimeType');
  });

  it('an answer to a correction carries its documents too', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const r = await requests.createRequest(ctxOf(parent.user), {
      aidId: 'aide-permis',
      fields: { cost_cents: 150000, driving_school: 'Auto-école du Nord' },
      submit: true,
    });
    await requests.takeRequest(ctxOf(agent.user), r.id);
    await requests.askCorrection(ctxOf(agent.user), r.id, { reason: 'incomplete', documents: ['devis'], fields: [], message: '' });
    await requests.answerCorrection(ctxOf(parent.user), r.id, {
      message: 'Voici le devis.',
      documents: [{ kind: 'devis', name: 'devis.pdf', mimeType: 'application/pdf', base64: pdf }],
    });
    await env.expectAudit('aides/correction-answered', r.id, { actorId: parent.user.id });
    expect((await store.getRequest(env.rt.deps.db, r.id))!.status).toBe('en_instruction');
    expect((await store.documentsOf(env.rt.deps.db, r.id)).map((d) => d.kind)).toContain('devis');
  });
});

describe('an aid paid in vouchers', () => {
  it('credits the family’s chèques account when granted, once; the amount is then corrected on that account', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const a = ctxOf(agent.user);
    const r = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheque-sante', fields: {}, submit: true });
    await requests.takeRequest(a, r.id);
    const [fundBefore] = await fundTotals(env.rt.deps.db, 2026, 'fonds-sante');
    await decisions.grantRequest(a, r.id, { amountCents: 15000 });
    await env.expectAudit('aides/request-granted', r.id, { actorId: agent.user.id });
    const mine = await parent.get('/api/cheques/me');
    expect(mine.statusCode).toBe(200);
    const sante = mine.json().accounts.find((x: { kind: string }) => x.kind === 'sante');
    expect(sante.balanceCents).toBe(15000);
    expect(mine.json().history.filter((h: { label: string }) => h.label === 'Aide accordée par la ville')).toHaveLength(1);
    const [fundAfter] = await fundTotals(env.rt.deps.db, 2026, 'fonds-sante');
    expect(fundBefore.remainderCents - fundAfter.remainderCents).toBe(15000);

    // A second grant of the same request is refused and credits nothing.
    await expect(decisions.grantRequest(a, r.id, { amountCents: 15000 })).rejects.toMatchObject({ code: 'aides/transition-not-allowed' });
    await expect(decisions.correctGrant(a, r.id, { amountCents: 10000, text: 'x' })).rejects.toMatchObject({ code: 'aides/vouchers-credited' });
    const again = (await parent.get('/api/cheques/me')).json();
    expect(again.accounts.find((x: { kind: string }) => x.kind === 'sante').balanceCents).toBe(15000);
    const bodies = (await env.rt.deps.db.query(`SELECT body FROM notifications WHERE template = 'aides.status' ORDER BY created_at`)).rows.map((x) => x.body);
    expect(bodies.some((b: string) => b.includes('crédités sur votre compte « Chèque santé »'))).toBe(true);
  });

  it('an aid not paid in vouchers leaves the chèques alone', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const r = await requests.createRequest(ctxOf(parent.user), { aidId: 'fonds-educatif', fields: { cost_cents: 20000, purpose: 'Sortie' }, submit: true });
    await requests.takeRequest(ctxOf(agent.user), r.id);
    await decisions.grantRequest(ctxOf(agent.user), r.id, { amountCents: 20000 });
    expect((await parent.get('/api/cheques/me')).json().accounts.every((x: { balanceCents: number }) => x.balanceCents === 0)).toBe(true);
  });
});

describe('relais aides eligibilite reads the stored versions', () => {
  it('evaluates the version an admin saved, with the answer the server gives', async () => {
    const household = {
      id: 'f1',
      period: '2026-03',
      parent: { age: 34, salaire_net_mensuel: 900, activite: 'chomeur' },
      children: [{ age: 4 }],
      housing: { statut: 'locataire_hlm', loyer_mensuel: 450 },
      commune: 'Amiens',
      quotient_familial: 812,
      anciennete_residence_mois: 12,
      aides_recues_cette_annee: [],
    };
    const run = async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aides-cli-'));
      fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(household));
      const out: string[] = [];
      const code = await runEligibility(
        path.join(dir, 'in.json'),
        { date: '2026-03-10' },
        env.rt.deps.town,
        async (date) => (await openAids(env.rt.deps.db, date)).map((v) => v.definition),
        (l) => out.push(l),
        () => {},
      );
      fs.rmSync(dir, { recursive: true });
      expect(code).toBe(0);
      return JSON.parse(out[0]).results as { aid: string; status: string; reasons: string[] }[];
    };
    expect((await run()).find((r) => r.aid === 'cheque-sante')).toMatchObject({ status: 'not_eligible' });

    const admin = (await env.as('admin')) as Who;
    const current = (await catalogue.versionOf(env.rt.deps.db, 'cheque-sante'))!;
    const edited = structuredClone(current.definition);
    edited.conditions = edited.conditions.map((c) => (c.kind === 'quotient_familial' ? { ...c, max_cents: 90000 } : c));
    await saveVersion(ctxOf(admin.user), edited, current.version, 'Plafond relevé à 900 €');
    const after = await run();
    expect(after.find((r) => r.aid === 'cheque-sante')).toMatchObject({ status: 'eligible' });
    // The server's public simulator answers the same for the same household.
    env.clock.set('2026-03-10T10:00:00+01:00');
    const server = await simulate(ctxOf(admin.user), household);
    expect(server.map((r) => [r.aid, r.status])).toEqual(after.map((r) => [r.aid, r.status]));
  });
});

describe('the local aids where the family already looks', () => {
  it("on the family's file: the aids it can get or should check, each with where to ask", async () => {
    const { parent } = await family();
    const res = await parent.get('/api/dossiers/me/offres');
    expect(res.statusCode).toBe(200);
    const aides = res.json().sections.find((s: { module: string }) => s.module === 'aides');
    expect(aides.title).toBe('Les aides de la ville');
    const permis = aides.items.find((i: { key: string }) => i.key === 'aide-permis');
    expect(permis).toMatchObject({ href: '/aides/demander/aide-permis', gives: '80 % du coût, au plus 1 200 €' });
    for (const i of aides.items) expect(['yes', 'maybe']).toContain(i.likelihood);
    // Eligible first.
    const order = aides.items.map((i: { likelihood: string }) => i.likelihood);
    expect(order).toEqual([...order].sort((a: string, b: string) => (a === b ? 0 : a === 'yes' ? -1 : 1)));
  });

  it("in the rights simulator's results, beside the national benefits, with the margin of a refusal", async () => {
    const res = await env.client().post('/api/droits/complements', {
      period: '2026-03',
      parent: { age: 34, salaire_net_mensuel: 900, activite: 'chomeur' },
      children: [{ age: 4 }],
      housing: { statut: 'locataire_hlm', loyer_mensuel: 450, depcom: '80021' },
      quotient_familial: 950, // above the ceiling, even the one raised above
    });
    expect(res.statusCode).toBe(200);
    const aides = res.json().sections.find((s: { module: string }) => s.module === 'aides');
    const sante = aides.items.find((i: { key: string }) => i.key === 'cheque-sante');
    expect(sante).toMatchObject({ likelihood: 'no', href: '/aides#aide-cheque-sante' });
    expect(sante.why[0]).toMatch(/^quotient familial 950 € > 900 €, soit 50 € au-dessus$/);
    // Without the quotient familial the answer is a question, never "eligible".
    const bare = await env.client().post('/api/droits/complements', {
      period: '2026-03',
      parent: { age: 34, salaire_net_mensuel: 900, activite: 'chomeur' },
      children: [{ age: 4 }],
      housing: { statut: 'locataire_hlm', loyer_mensuel: 450, depcom: '80021' },
    });
    const santeBare = bare
      .json()
      .sections.find((s: { module: string }) => s.module === 'aides')
      .items.find((i: { key: string }) => i.key === 'cheque-sante');
    expect(santeBare.likelihood).toBe('maybe');
    expect(santeBare.why.join(' ')).toMatch(/quotient familial/);
  });
});

describe('assignment', () => {
  it('an agent assigns a request to an instructor (or takes it); the queue lists by assignee and status', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const colleague = (await env.as('agent')) as Who;
    const r1 = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheques-services', fields: {}, submit: true });
    const r2 = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheques-garde', fields: {}, submit: true });
    const list = await agent.get('/api/aides/instructeurs');
    expect(list.statusCode).toBe(200);
    expect(list.json().agents.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([agent.user.id, colleague.user.id]));
    expect(list.json().agents.map((a: { id: string }) => a.id)).not.toContain(parent.user.id);
    expect((await parent.get('/api/aides/instructeurs')).statusCode).toBe(403);

    expect((await agent.post(`/api/aides/demandes/${r1.id}/assign`, { agentId: colleague.user.id })).statusCode).toBe(200);
    await env.expectAudit('aides/request-assigned', r1.id, { actorId: agent.user.id });
    expect((await agent.post(`/api/aides/demandes/${r2.id}/take`, {})).statusCode).toBe(200);
    const byColleague = (await agent.get(`/api/aides/instruction?assigned=${colleague.user.id}`)).json().requests;
    expect(byColleague.map((x: { id: string }) => x.id)).toEqual([r1.id]);
    expect(byColleague[0].assignedName).toBe(colleague.user.displayName);
    const mine = (await agent.get('/api/aides/instruction?assigned=me&status=en_instruction')).json().requests;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([r2.id]);
    expect((await agent.get('/api/aides/instruction?assigned=quelqu-un')).statusCode).toBe(400);
    // The agent's view names the assignee; the family's does not.
    expect((await agent.get(`/api/aides/demandes/${r1.id}`)).json()).toMatchObject({ assignedTo: colleague.user.id, assignedName: expect.any(String) });
    expect((await parent.get(`/api/aides/demandes/${r1.id}`)).json()).toMatchObject({ assignedTo: null, assignedName: null });
  });
});

describe('when an aid ends, the families are told', () => {
  const noticesOf = async (householdId: string) =>
    (await env.rt.deps.db.query(`SELECT aid_id, reason, period FROM aid_end_notices WHERE household_id = $1 ORDER BY sent_at`, [householdId])).rows;

  it('an end date near: the families asking for it are told once; in December, a yearly aid granted this year is to ask again', async () => {
    env.clock.set('2026-03-10T10:00:00+01:00');
    const { parent, householdId } = await family();
    const agent = (await env.as('agent')) as Who;
    const admin = (await env.as('admin')) as Who;
    const asked = await requests.createRequest(ctxOf(parent.user), { aidId: 'fonds-educatif', fields: { cost_cents: 20000, purpose: 'Sortie' }, submit: true });
    const sante = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheque-sante', fields: {}, submit: true });
    await requests.takeRequest(ctxOf(agent.user), sante.id);
    await decisions.grantRequest(ctxOf(agent.user), sante.id, { amountCents: 15000 });

    const current = (await catalogue.versionOf(env.rt.deps.db, 'fonds-educatif'))!;
    await saveVersion(ctxOf(admin.user), { ...current.definition, end_date: '2026-03-31' }, current.version, 'Fin du fonds');
    const mark = await env.auditMark();
    await env.rt.deps.jobs.runNow('aides.notify-ending', {});
    expect(await noticesOf(householdId)).toEqual([{ aid_id: 'fonds-educatif', reason: 'aid-ended', period: '2026-03-31' }]);
    await env.expectAudit('aides/end-notice-sent', 'fonds-educatif', { after: mark });
    const audited = await env.rt.deps.db.query(`SELECT household_id FROM audit_log WHERE action = 'aides/end-notice-sent' AND id > $1`, [mark]);
    expect(audited.rows.map((r) => r.household_id)).toContain(householdId);
    const sent = (await env.rt.deps.db.query(`SELECT subject, body FROM notifications WHERE template = 'aides.ending' AND user_id = $1`, [parent.user.id]))
      .rows;
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe("L'aide « Fonds éducatif d'urgence » prend fin le 31 mars 2026");
    expect(sent[0].body).toMatch(/Votre demande en cours reste instruite/);
    // Run again (the next day): nothing twice.
    await env.rt.deps.jobs.runNow('aides.notify-ending', {});
    expect(await noticesOf(householdId)).toHaveLength(1);
    expect(asked.status).toBe('deposee');

    // December: the chèque santé granted in 2026 ends on December 31st.
    env.clock.set('2026-12-01T08:00:00+01:00');
    await env.rt.deps.jobs.runNow('aides.notify-ending', {});
    expect((await noticesOf(householdId)).map((n) => [n.aid_id, n.reason, n.period])).toContainEqual(['cheque-sante', 'renewal', '2026']);
    const renewal = (
      await env.rt.deps.db.query(`SELECT body FROM notifications WHERE template = 'aides.ending' AND user_id = $1 ORDER BY created_at`, [parent.user.id])
    ).rows.at(-1)!;
    expect(renewal.body).toMatch(
      /Chèque santé » qui vous a été accordée pour 2026 prend fin le 31 décembre 2026\. Vous pourrez la demander à nouveau à partir du 1er janvier 2027/,
    );
    await env.rt.deps.jobs.runNow('aides.notify-ending', {});
    expect((await noticesOf(householdId)).filter((n) => n.reason === 'renewal')).toHaveLength(1);
    env.clock.set('2026-03-10T10:00:00+01:00');
  });
});
