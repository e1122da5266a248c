/**
 * Every use case of the aids that changes data, tried by who must not: another family, an
 * agent without the family's mandate, a partner, a family on the agents' side. Each is
 * refused with its code, and nothing is written (no state change, no decision, no fund
 * entry, no audit entry). The allowed paths and their audit entries are in the other files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx, SessionUser } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { ctxOf as ctxOfUser, family as familyWithFile, pdf, type Who } from './aides.testing';
import { installAidFiles, previewAid, saveVersion } from './catalogue.service';
import * as catalogue from './catalogue.store';
import * as decisions from './decisions.service';
import { recordMandate, revokeMandate } from './mandates.service';
import * as requests from './requests.service';
import * as store from './requests.store';

let env: TestEnv;
const ctxOf = (user: SessionUser): Ctx => ctxOfUser(env, user);

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await tx(env.rt.deps.db, (t) => installAidFiles(t, env.clock.now(), 2026));
});
afterAll(() => env.close());

/** What a refused call must leave behind: nothing (no aids audit entry — logins aside —, no decision, no fund entry, no request event). */
async function written(mark: number) {
  const db = env.rt.deps.db;
  const audit = (await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE id > $1 AND action LIKE 'aides/%'`, [mark])).rows.map((r) => r.action);
  const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  return { audit, decisions: await count('aid_decisions'), fundEntries: await count('aid_fund_entries'), events: await count('aid_request_events') };
}

const forbidden = { code: 'auth/forbidden' };
const notFound = { code: 'aides/request-not-found' };

describe('who must not, for every change', () => {
  it('a request: filed, submitted, documented, answered, messaged only by its family (or an agent under its mandate)', async () => {
    const { parent } = await familyWithFile(env);
    const other = await familyWithFile(env);
    const agent = (await env.as('agent')) as Who;
    const partner = (await env.as('partner')) as Who;
    const draft = await requests.createRequest(ctxOf(parent.user), {
      aidId: 'fonds-educatif',
      fields: { cost_cents: 20000, purpose: 'Sortie scolaire' },
      submit: false,
    });
    const mark = await env.auditMark();
    const before = await written(mark);

    for (const [who, expected] of [
      [other.parent, notFound],
      [agent, { code: 'aides/mandate-required' }],
      [partner, forbidden],
    ] as const) {
      await expect(requests.submitRequest(ctxOf(who.user), draft.id), who.user.role).rejects.toMatchObject(expected);
      await expect(
        requests.addDocument(ctxOf(who.user), draft.id, { kind: 'autre', name: 'x.pdf', mimeType: 'application/pdf', base64: pdf }),
        who.user.role,
      ).rejects.toMatchObject(expected);
    }
    // Filing for another family: a partner never, an agent only under a mandate.
    await expect(requests.createRequest(ctxOf(partner.user), { aidId: 'cheque-sante', fields: {}, submit: true })).rejects.toMatchObject(forbidden);
    await expect(requests.createRequest(ctxOf(agent.user), { aidId: 'cheque-sante', fields: {}, submit: true })).rejects.toMatchObject({
      code: 'aides/mandate-required',
    });
    // The thread: another family does not see it, a partner does not write in it.
    await expect(requests.postMessage(ctxOf(other.parent.user), draft.id, { body: 'Bonjour', internal: false })).rejects.toMatchObject(notFound);
    await expect(requests.postMessage(ctxOf(partner.user), draft.id, { body: 'Bonjour', internal: false })).rejects.toMatchObject(forbidden);

    expect((await store.getRequest(env.rt.deps.db, draft.id))!.status).toBe('brouillon');
    expect(await written(mark)).toEqual({ ...before, audit: [] });
  });

  it('instruction and decisions: agents only — never the family, another family or a partner', async () => {
    const { parent } = await familyWithFile(env);
    const other = await familyWithFile(env);
    const partner = (await env.as('partner')) as Who;
    const agent = (await env.as('agent')) as Who;
    const r = await requests.createRequest(ctxOf(parent.user), {
      aidId: 'fonds-educatif',
      fields: { cost_cents: 20000, purpose: 'Sortie scolaire' },
      submit: true,
    });
    // A second one granted, to try paying it.
    const g = await requests.createRequest(ctxOf(parent.user), { aidId: 'pret-honneur', fields: { amount_cents: 50000, purpose: 'Permis' }, submit: true });
    await requests.takeRequest(ctxOf(agent.user), g.id);
    await decisions.grantRequest(ctxOf(agent.user), g.id, { amountCents: 50000 });
    const mark = await env.auditMark();
    const before = await written(mark);

    for (const who of [parent, other.parent, partner]) {
      const c = ctxOf(who.user);
      await expect(requests.takeRequest(c, r.id), who.user.role).rejects.toMatchObject(forbidden);
      await expect(requests.askCorrection(c, r.id, { reason: 'incomplete', documents: ['devis'], fields: [], message: '' })).rejects.toMatchObject(forbidden);
      await expect(requests.assignRequest(c, r.id, agent.user.id)).rejects.toMatchObject(forbidden);
      await expect(decisions.grantRequest(c, r.id, { amountCents: 100 })).rejects.toMatchObject(forbidden);
      await expect(decisions.refuseRequest(c, r.id, { motif: 'conditions', text: 'Non.' })).rejects.toMatchObject(forbidden);
      await expect(decisions.closeRequest(c, r.id, { text: 'Sans suite.' })).rejects.toMatchObject(forbidden);
      await expect(decisions.correctGrant(c, g.id, { amountCents: 40000, text: 'Correction' })).rejects.toMatchObject(forbidden);
      await expect(decisions.payRequest(c, g.id)).rejects.toMatchObject(forbidden);
    }
    // A private annotation between agents: not the family's to write.
    await expect(requests.postMessage(ctxOf(parent.user), r.id, { body: 'Note', internal: true })).rejects.toMatchObject(notFound);

    expect((await store.getRequest(env.rt.deps.db, r.id))!.status).toBe('deposee');
    expect((await store.getRequest(env.rt.deps.db, g.id))!.status).toBe('accordee');
    expect(await written(mark)).toEqual({ ...before, audit: [] });
  });

  it('mandates: recorded by an agent only; revoked by the family whose mandate it is only', async () => {
    const { parent, householdId } = await familyWithFile(env);
    const other = await familyWithFile(env);
    const agent = (await env.as('agent')) as Who;
    const partner = (await env.as('partner')) as Who;
    const m = await recordMandate(ctxOf(agent.user), { householdId, aidId: null, purpose: 'Demandes au guichet', days: 30, reason: 'Accueil au guichet' });
    const mark = await env.auditMark();

    for (const who of [parent, partner]) {
      await expect(
        recordMandate(ctxOf(who.user), { householdId, aidId: null, purpose: 'Demandes', days: 30, reason: 'Accueil' }),
        who.user.role,
      ).rejects.toMatchObject(forbidden);
    }
    await expect(revokeMandate(ctxOf(other.parent.user), m.id)).rejects.toMatchObject({ code: 'aides/mandate-not-found' });
    await expect(revokeMandate(ctxOf(agent.user), m.id)).rejects.toMatchObject(forbidden);
    await expect(revokeMandate(ctxOf(partner.user), m.id)).rejects.toMatchObject(forbidden);

    const { rows } = await env.rt.deps.db.query(`SELECT revoked_at FROM aid_mandates WHERE id = $1`, [m.id]);
    expect(rows[0].revoked_at).toBeNull();
    expect((await written(mark)).audit).toEqual([]);
    // The family itself can: audited.
    await revokeMandate(ctxOf(parent.user), m.id);
    await env.expectAudit('aides/mandate-revoked', m.id, { actorId: parent.user.id, householdId });
  });

  it('the aids themselves: previewed and versioned by the town’s administrators only', async () => {
    const current = (await catalogue.versionOf(env.rt.deps.db, 'cheque-sante'))!;
    const mark = await env.auditMark();
    for (const role of ['parent', 'agent', 'partner'] as const) {
      const who = (await env.as(role)) as Who;
      await expect(previewAid(ctxOf(who.user), current.definition), role).rejects.toMatchObject(forbidden);
      await expect(saveVersion(ctxOf(who.user), current.definition, current.version, 'x'), role).rejects.toMatchObject(forbidden);
    }
    expect((await catalogue.versionOf(env.rt.deps.db, 'cheque-sante'))!.version).toBe(current.version);
    expect((await written(mark)).audit).toEqual([]);
  });
});
