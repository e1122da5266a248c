/** Requests, their instruction and the funds, on real PostgreSQL (service level). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx, SessionUser } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { ctxOf as ctxOfUser, family as familyWithFile, pdf, type Who } from './aides.testing';
import { installAidFiles, saveVersion } from './catalogue.service';
import * as catalogue from './catalogue.store';
import { fundTotals, setBudget, upsertFund } from './funds.store';
import { recordMandate, revokeMandate } from './mandates.service';
import * as decisions from './decisions.service';
import * as requests from './requests.service';
import * as store from './requests.store';

let env: TestEnv;
const ctxOf = (user: SessionUser): Ctx => ctxOfUser(env, user);
const family = () => familyWithFile(env);

async function notices(template = 'aides.status'): Promise<{ body: string; recipient: string }[]> {
  const { rows } = await env.rt.deps.db.query(`SELECT body, recipient FROM notifications WHERE template = $1 ORDER BY created_at, id`, [template]);
  return rows;
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await tx(env.rt.deps.db, (t) => installAidFiles(t, env.clock.now(), 2026));
});
afterAll(() => env.close());

describe('asking for an aid and its instruction', () => {
  it('a family that reads English is told in English: each new status, and the agent’s own words marked as French', async () => {
    const { parent } = await family();
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [parent.user.id]);
    const agent = (await env.as('agent')) as Who;
    const r = await requests.createRequest(ctxOf(parent.user), { aidId: 'fonds-educatif', fields: { cost_cents: 20000, purpose: 'Sortie' }, submit: true });
    await requests.takeRequest(ctxOf(agent.user), r.id);
    await requests.askCorrection(ctxOf(agent.user), r.id, { reason: 'incomplete', documents: [], fields: [], message: 'Merci de préciser la sortie.' });
    const { rows } = await env.rt.deps.db.query(
      `SELECT subject, body, locale FROM notifications WHERE template = 'aides.status' AND user_id = $1 ORDER BY created_at, id`,
      [parent.user.id],
    );
    expect(rows.map((x) => x.locale)).toEqual(['en', 'en', 'en']);
    expect(rows[0]).toMatchObject({ subject: 'Your aid request: filed' });
    expect(rows[0].body).toMatch(/^Your request “Fonds éducatif d.urgence” has been filed\./);
    expect(rows[2].subject).toBe('Your aid request: to be corrected');
    expect(rows[2].body).toMatch(/A document or a piece of information is missing\.\n\nThe agent’s message \(in French\): Merci de préciser la sortie\./);
    for (const x of rows) expect(x.body).not.toMatch(/Votre|Retrouvez|Montant/);
  });

  it('the whole journey: asked with the file, corrected, granted, paid; the fund follows, the family is told', async () => {
    const { parent, householdId } = await family();
    const agent = (await env.as('agent')) as Who;
    const p = ctxOf(parent.user);
    const a = ctxOf(agent.user);

    const created = await requests.createRequest(p, {
      aidId: 'aide-permis',
      fields: { cost_cents: 150000, driving_school: 'Auto-école du Nord' },
      answers: { residenceMonths: 24 },
      submit: true,
    });
    expect(created.status).toBe('deposee');
    expect(created.attached).toEqual(['avis-imposition']); // the file's valid document, not asked again
    await env.expectAudit('aides/request-created', created.id, { actorId: parent.user.id });
    const row = (await store.getRequest(env.rt.deps.db, created.id))!;
    expect(row).toMatchObject({ householdId, aidVersion: 1, fundId: 'fonds-mobilite', neighbourhood: 'nord' });
    expect((row.eligibility as { status: string }).status).toBe('eligible');

    await requests.takeRequest(a, created.id);
    await env.expectAudit('aides/request-taken', created.id, { actorId: agent.user.id });
    await requests.askCorrection(a, created.id, { reason: 'incomplete', documents: ['devis'], fields: [], message: 'Merci de joindre le devis.' });
    await env.expectAudit('aides/correction-asked', created.id, { actorId: agent.user.id });
    expect((await store.getRequest(env.rt.deps.db, created.id))!.status).toBe('a_corriger');
    // Instruction pauses: the agent cannot decide until the family answers.
    await expect(decisions.grantRequest(a, created.id, { amountCents: 100000 })).rejects.toMatchObject({ code: 'aides/transition-not-allowed' });

    env.clock.set('2026-03-12T10:00:00+01:00');
    const doc = await requests.addDocument(p, created.id, { kind: 'devis', name: 'devis.pdf', mimeType: 'application/pdf', base64: pdf });
    await env.expectAudit('aides/document-added', created.id, { actorId: parent.user.id });
    expect(doc.id).toBeTruthy();
    await requests.answerCorrection(p, created.id, { message: 'Voici le devis.' });
    await env.expectAudit('aides/correction-answered', created.id, { actorId: parent.user.id });
    const resumed = (await store.getRequest(env.rt.deps.db, created.id))!;
    expect(resumed.status).toBe('en_instruction');
    expect(resumed.pausedSeconds).toBe(2 * 86400);

    const [before] = await fundTotals(env.rt.deps.db, 2026, 'fonds-mobilite');
    await expect(decisions.grantRequest(a, created.id, { amountCents: 130000 })).rejects.toMatchObject({ code: 'aides/amount-too-high' }); // 80 % of 1 500 € = 1 200 €
    const g = await decisions.grantRequest(a, created.id, { amountCents: 120000 });
    await env.expectAudit('aides/request-granted', created.id, { actorId: agent.user.id });
    const [after] = await fundTotals(env.rt.deps.db, 2026, 'fonds-mobilite');
    expect(after.remainderCents).toBe(before.remainderCents - 120000);
    expect(g.remainderCents).toBe(after.remainderCents);
    expect(after.committedCents - before.committedCents).toBe(120000);

    await decisions.payRequest(a, created.id);
    await env.expectAudit('aides/request-paid', created.id, { actorId: agent.user.id });
    const [paid] = await fundTotals(env.rt.deps.db, 2026, 'fonds-mobilite');
    expect(paid.paidCents - before.paidCents).toBe(120000);
    expect(paid.remainderCents).toBe(after.remainderCents);

    const events = await store.eventsOf(env.rt.deps.db, created.id);
    expect(events.map((e) => e.toStatus).filter(Boolean)).toEqual([
      'brouillon',
      'deposee',
      'en_instruction',
      'a_corriger',
      'en_instruction',
      'accordee',
      'versee',
    ]);
    const bodies = (await notices()).filter((n) => n.recipient === 'samia@example.fr').map((n) => n.body);
    expect(bodies.some((b) => b.includes('est bien déposée'))).toBe(true);
    expect(bodies.some((b) => b.includes("besoin d'un complément") && b.includes("Devis de l'auto-école"))).toBe(true);
    expect(bodies.some((b) => b.includes('est accordée') && b.includes('1 200 €'))).toBe(true);
    for (const b of bodies) expect(b).not.toMatch(/aide-permis|accordee|en_instruction|cents/);
    // The same aid this year again: the file now says "already received".
    const again = await requests.createRequest(p, {
      aidId: 'aide-permis',
      fields: { cost_cents: 100000, driving_school: 'X' },
      answers: { residenceMonths: 24 },
      submit: false,
    });
    expect(((await store.getRequest(env.rt.deps.db, again.id))!.eligibility as { reasons: string[] }).reasons).toContain('déjà reçue cette année');
  });

  it('refuses who must not act', async () => {
    const { parent } = await family();
    const other = await family();
    const agent = (await env.as('agent')) as Who;
    const r = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheque-sante', fields: {}, submit: true });
    // Another family: not found, never "forbidden" (no hint it exists).
    await expect(
      requests.addDocument(ctxOf(other.parent.user), r.id, { kind: 'autre', name: 'x.pdf', mimeType: 'application/pdf', base64: pdf }),
    ).rejects.toMatchObject({ code: 'aides/request-not-found' });
    await expect(requests.answerCorrection(ctxOf(other.parent.user), r.id, {})).rejects.toMatchObject({ code: 'aides/request-not-found' });
    // A family does not instruct; an agent does not ask for a family without its mandate.
    await expect(requests.takeRequest(ctxOf(parent.user), r.id)).rejects.toMatchObject({ code: 'auth/forbidden' });
    await expect(decisions.grantRequest(ctxOf(parent.user), r.id, { amountCents: 100 })).rejects.toMatchObject({ code: 'auth/forbidden' });
    await expect(requests.createRequest(ctxOf(agent.user), { aidId: 'cheque-sante', fields: {}, submit: true })).rejects.toMatchObject({
      code: 'aides/mandate-required',
    });
    await expect(
      requests.addDocument(ctxOf(agent.user), r.id, { kind: 'autre', name: 'x.pdf', mimeType: 'application/pdf', base64: pdf }),
    ).rejects.toMatchObject({ code: 'aides/mandate-required' });
    // A family cannot write a private annotation.
    await expect(requests.postMessage(ctxOf(parent.user), r.id, { body: 'x', internal: true })).rejects.toMatchObject({ code: 'aides/request-not-found' });
  });

  it('checks the fields and the uploaded file', async () => {
    const { parent } = await family();
    const p = ctxOf(parent.user);
    await expect(requests.createRequest(p, { aidId: 'aide-permis', fields: { cost_cents: -5 }, submit: true })).rejects.toMatchObject({
      code: 'aides/invalid-fields',
      fields: expect.arrayContaining([expect.objectContaining({ path: 'fields.cost_cents' }), expect.objectContaining({ path: 'fields.driving_school' })]),
    });
    await expect(requests.createRequest(p, { aidId: 'inconnue', fields: {}, submit: true })).rejects.toMatchObject({ code: 'aides/aid-not-found' });
    const r = await requests.createRequest(p, { aidId: 'cheque-sante', fields: {}, submit: false });
    const exe = Buffer.from('MZ\x90\x00 pas un PDF').toString('base64');
    await expect(requests.addDocument(p, r.id, { kind: 'autre', name: 'x.pdf', mimeType: 'application/pdf', base64: exe })).rejects.toMatchObject({
      code: 'aides/file-type',
    });
    await expect(requests.addDocument(p, r.id, { kind: 'autre', name: 'x.pdf', mimeType: 'application/pdf', base64: '' })).rejects.toMatchObject({
      code: 'aides/file-empty',
    });
    await requests.submitRequest(p, r.id);
    await env.expectAudit('aides/request-submitted', r.id, { actorId: parent.user.id });
    await expect(requests.submitRequest(p, r.id)).rejects.toMatchObject({ code: 'aides/transition-not-allowed' });
  });

  it('refuses with a motif and the way to contest; closes without follow-up; decisions are never edited', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const a = ctxOf(agent.user);
    const r1 = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheque-sante', fields: {}, submit: true });
    await requests.takeRequest(a, r1.id);
    const d = await decisions.refuseRequest(a, r1.id, { motif: 'conditions', text: 'Quotient familial trop élevé.' });
    await env.expectAudit('aides/request-refused', r1.id, { actorId: agent.user.id });
    const [decision] = await store.decisionsOf(env.rt.deps.db, r1.id);
    expect(decision).toMatchObject({ id: d.decisionId, kind: 'refusee', motif: 'conditions' });
    expect(decision.contest).toMatch(/contester/);
    expect((await notices()).at(-1)!.body).toMatch(/n'a pas été accordée[\s\S]*Motif : Les conditions[\s\S]*contester/);
    await expect(env.rt.deps.db.query(`UPDATE aid_decisions SET motif = 'autre' WHERE id = $1`, [d.decisionId])).rejects.toThrow(/append-only/);

    const r2 = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheques-services', fields: {}, submit: true });
    await decisions.closeRequest(a, r2.id, { text: 'Demande en double.' });
    await env.expectAudit('aides/request-closed', r2.id, { actorId: agent.user.id });
    expect((await store.getRequest(env.rt.deps.db, r2.id))!.status).toBe('classee');
  });

  it('messages with the family and private annotations between agents; assignment', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const colleague = (await env.as('agent')) as Who;
    const r = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheque-sante', fields: {}, submit: true });
    await requests.postMessage(ctxOf(agent.user), r.id, { body: 'Bonjour, nous étudions votre demande.', internal: false });
    await env.expectAudit('aides/message-posted', r.id, { actorId: agent.user.id });
    await requests.postMessage(ctxOf(agent.user), r.id, { body: 'Vérifier le QF avec la CAF.', internal: true });
    await env.expectAudit('aides/annotation-added', r.id, { actorId: agent.user.id });
    await requests.postMessage(ctxOf(parent.user), r.id, { body: 'Merci !', internal: false });
    expect((await store.messagesOf(env.rt.deps.db, r.id, false)).map((m) => m.body)).toEqual(['Bonjour, nous étudions votre demande.', 'Merci !']);
    expect(await store.messagesOf(env.rt.deps.db, r.id, true)).toHaveLength(3);
    await requests.assignRequest(ctxOf(agent.user), r.id, colleague.user.id);
    await env.expectAudit('aides/request-assigned', r.id, { actorId: agent.user.id });
    expect((await store.getRequest(env.rt.deps.db, r.id))!.assignedTo).toBe(colleague.user.id);
    await expect(requests.assignRequest(ctxOf(agent.user), r.id, parent.user.id)).rejects.toMatchObject({ code: 'aides/invalid-fields' });
    await expect(requests.assignRequest(ctxOf(parent.user), r.id, agent.user.id)).rejects.toMatchObject({ code: 'auth/forbidden' });
  });
});

describe('a decision is never edited', () => {
  it('a corrected grant is a new decision superseding the last; the fund releases and commits', async () => {
    const { parent } = await family();
    const agent = (await env.as('agent')) as Who;
    const a = ctxOf(agent.user);
    const r = await requests.createRequest(ctxOf(parent.user), {
      aidId: 'fonds-educatif',
      fields: { cost_cents: 25000, purpose: 'Classe de neige' },
      submit: true,
    });
    await requests.takeRequest(a, r.id);
    const first = await decisions.grantRequest(a, r.id, { amountCents: 25000 });
    const [before] = await fundTotals(env.rt.deps.db, 2026, 'fonds-educatif');
    await expect(decisions.correctGrant(ctxOf(parent.user), r.id, { amountCents: 20000, text: 'x' })).rejects.toMatchObject({ code: 'auth/forbidden' });
    await expect(decisions.correctGrant(a, r.id, { amountCents: 40000, text: 'x' })).rejects.toMatchObject({ code: 'aides/amount-too-high' });
    const second = await decisions.correctGrant(a, r.id, { amountCents: 20000, text: 'Le voyage coûte moins cher.' });
    await env.expectAudit('aides/decision-corrected', r.id, { actorId: agent.user.id });
    const taken = await store.decisionsOf(env.rt.deps.db, r.id);
    expect(taken.map((d) => [d.id, d.amountCents, d.supersedes])).toEqual([
      [first.decisionId, 25000, null],
      [second.decisionId, 20000, first.decisionId],
    ]);
    const [after] = await fundTotals(env.rt.deps.db, 2026, 'fonds-educatif');
    expect(after.remainderCents - before.remainderCents).toBe(5000);
    expect(second.remainderCents).toBe(after.remainderCents);
  });
});

describe('mandates', () => {
  it('an agent files at the desk under a mandate the family gave; every action marked; the family revokes it', async () => {
    const { parent, householdId } = await family();
    const agent = (await env.as('agent')) as Who;
    const a = ctxOf(agent.user);
    await expect(recordMandate(ctxOf(parent.user), { householdId, aidId: null, purpose: 'Demandes au guichet', days: 30 })).rejects.toMatchObject({
      code: 'auth/forbidden',
    });
    await expect(recordMandate(a, { householdId, aidId: null, purpose: 'Demandes au guichet', days: 365, reason: 'Accueil au guichet' })).rejects.toMatchObject(
      { code: 'aides/invalid-fields' },
    );
    const m = await recordMandate(a, {
      householdId,
      aidId: 'cheque-sante',
      purpose: 'Demande du chèque santé au guichet',
      days: 30,
      reason: 'Accueil au guichet',
    });
    await env.expectAudit('aides/mandate-recorded', m.id, { actorId: agent.user.id });

    const r = await requests.createRequest(a, { aidId: 'cheque-sante', fields: {}, submit: true, mandateId: m.id });
    await env.expectAudit('aides/request-created', r.id, { actorId: agent.user.id });
    expect((await store.getRequest(env.rt.deps.db, r.id))!.householdId).toBe(householdId);
    expect((await store.eventsOf(env.rt.deps.db, r.id)).every((e) => e.byMandate)).toBe(true);
    expect((await notices()).at(-1)!.body).toMatch(/déposée pour vous par un agent du CCAS, avec votre mandat/);
    // Limited in purpose: another aid is not covered.
    await expect(requests.createRequest(a, { aidId: 'cheques-services', fields: {}, submit: true, mandateId: m.id })).rejects.toMatchObject({
      code: 'aides/mandate-required',
    });
    // Another agent cannot use it.
    const other = (await env.as('agent')) as Who;
    await expect(requests.createRequest(ctxOf(other.user), { aidId: 'cheque-sante', fields: {}, submit: true, mandateId: m.id })).rejects.toMatchObject({
      code: 'aides/mandate-required',
    });

    expect((await store.mandatesOf(env.rt.deps.db, householdId)).map((x) => x.purpose)).toEqual(['Demande du chèque santé au guichet']);
    await revokeMandate(ctxOf(parent.user), m.id);
    await env.expectAudit('aides/mandate-revoked', m.id, { actorId: parent.user.id });
    await expect(requests.createRequest(a, { aidId: 'cheque-sante', fields: {}, submit: false, mandateId: m.id })).rejects.toMatchObject({
      code: 'aides/mandate-required',
    });

    // Limited in time.
    const m2 = await recordMandate(a, { householdId, aidId: null, purpose: 'Demandes au guichet', days: 1, reason: 'Accueil au guichet' });
    env.clock.set('2026-03-20T10:00:00+01:00');
    await expect(requests.createRequest(a, { aidId: 'cheque-sante', fields: {}, submit: false, mandateId: m2.id })).rejects.toMatchObject({
      code: 'aides/mandate-required',
    });
    env.clock.set('2026-03-10T10:00:00+01:00');
  });
});

describe('funds', () => {
  it('50 agents granting at the same instant on a fund with room for 10: exactly 10 granted', async () => {
    const db = env.rt.deps.db;
    await upsertFund(db, { id: 'fonds-test', title: 'Fonds de test', isDemo: false }, env.clock.now());
    await setBudget(db, 'fonds-test', 2026, 10 * 10000, env.clock.now());
    const { householdId } = await family();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const id = await store.insertRequest(
        db,
        {
          householdId,
          // Not a yearly voucher aid (that one credits a household once a year): a zero-rate loan.
          aidId: 'pret-honneur',
          aidVersion: 1,
          fundId: 'fonds-test',
          neighbourhood: 'nord',
          fields: {},
          eligibility: {},
          mandateId: null,
          createdBy: null,
          isDemo: false,
        },
        env.clock.now(),
      );
      await store.setStatus(db, id, 'en_instruction', env.clock.now());
      ids.push(id);
    }
    const agents = await Promise.all(Array.from({ length: 5 }, () => env.as('agent') as Promise<Who>));
    const results = await Promise.allSettled(ids.map((id, i) => decisions.grantRequest(ctxOf(agents[i % 5].user), id, { amountCents: 10000 })));
    const granted = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    expect(granted).toBe(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'aides/fund-exhausted' });
    const [t] = await fundTotals(db, 2026, 'fonds-test');
    expect(t).toMatchObject({ budgetCents: 100000, committedCents: 100000, remainderCents: 0 });
  });

  it('the database itself refuses an over-commitment and any edit of the ledger', async () => {
    const db = env.rt.deps.db;
    await upsertFund(db, { id: 'fonds-petit', title: 'Petit fonds', isDemo: false }, env.clock.now());
    await setBudget(db, 'fonds-petit', 2026, 5000, env.clock.now());
    const insert = (amount: number) =>
      db.query(`INSERT INTO aid_fund_entries (fund_id, year, kind, amount_cents, created_at) VALUES ('fonds-petit', 2026, 'commitment', $1, now())`, [amount]);
    await insert(4000);
    await expect(insert(1001)).rejects.toMatchObject({ constraint: 'aid_fund_not_overcommitted' });
    await insert(1000);
    await expect(db.query(`UPDATE aid_fund_entries SET amount_cents = 1 WHERE fund_id = 'fonds-petit'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM aid_fund_entries WHERE fund_id = 'fonds-petit'`)).rejects.toThrow(/append-only/);
  });
});

describe('aid versions', () => {
  it('an edit is a new dated version; requests keep the version they were judged by; a stale edit is refused', async () => {
    const admin = (await env.as('admin')) as Who;
    const { parent } = await family();
    const r = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheque-sante', fields: {}, submit: true });
    const v1 = (await catalogue.versionOf(env.rt.deps.db, 'cheque-sante'))!;
    const edited = { ...v1.definition, conditions: v1.definition.conditions.map((c) => (c.kind === 'quotient_familial' ? { ...c, max_cents: 75000 } : c)) };
    const base = v1.version;
    const saved = await saveVersion(ctxOf(admin.user), edited, base, 'Seuil relevé à 750 €');
    expect(saved.version).toBe(base + 1);
    await env.expectAudit('aides/aid-version-saved', 'cheque-sante', { actorId: admin.user.id });
    await expect(saveVersion(ctxOf(admin.user), edited, base, null)).rejects.toMatchObject({ code: 'aides/version-conflict' });
    await expect(saveVersion(ctxOf(parent.user), edited, saved.version, null)).rejects.toMatchObject({ code: 'auth/forbidden' });
    await expect(saveVersion(ctxOf(admin.user), { ...edited, fund: 'nope' }, saved.version, null)).rejects.toMatchObject({ code: 'aides/invalid-aid' });
    expect((await store.getRequest(env.rt.deps.db, r.id))!.aidVersion).toBe(base);
    expect((await catalogue.versionsOf(env.rt.deps.db, 'cheque-sante')).map((v) => v.version)).toEqual([base + 1, base]);
    await expect(env.rt.deps.db.query(`UPDATE aid_versions SET note = 'x' WHERE aid_id = 'cheque-sante'`)).rejects.toThrow(/append-only/);
  });
});
