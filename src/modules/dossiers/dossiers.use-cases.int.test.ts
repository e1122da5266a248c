/**
 * Every use case of the file, at the service layer (below the routes, where other
 * modules call it too):
 * - done by whom it is for, it ends with its audit entry (expectAudit);
 * - tried on another family's file by a parent, or by a partner without the family's
 *   consent, it is refused and changes nothing. The list of use cases is checked against
 *   what the service files export, so a new one cannot be forgotten.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx, type Ctx, type SessionUser } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import * as accessFns from './access';
import * as agentFns from './agent.service';
import * as consentFns from './consent.service';
import * as householdFns from './household.service';
import * as orientationFns from './orientation.service';
import * as prefillFns from './prefill';
import * as renewalFns from './renewal.service';
import * as rightsFns from './rights.service';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await env.structure(OTHER_STRUCTURE);
});
afterAll(() => env.close());

const ctxOf = (user: SessionUser): Ctx => makeCtx(env.rt.deps, user, `test-${crypto.randomUUID()}`, '127.0.0.1');

const STRUCTURE = '55555555-5555-4555-8555-555555555555';
const OTHER_STRUCTURE = '77777777-7777-4777-8777-777777777777';

const filePatch = {
  parent: { firstName: 'Zoéprenom', lastName: 'Zoéfamille', birthDate: '1987-02-03', phone: '06 11 22 33 44' },
  children: [{ firstName: 'Zoéenfant', birthDate: '2016-05-06', schoolName: 'École Zoéecole' }],
  address: { line: '1 allée Zoéadresse', postalCode: '80000', neighbourhoodId: 'nord' },
  situation: { activity: 'actif' as const, salaryNetMonthlyCents: 120000 },
};
const VALUES = ['Zoéprenom', 'Zoéfamille', 'Zoéenfant', 'Zoéecole', 'Zoéadresse'];

interface World {
  parent: SessionUser;
  agent: SessionUser;
  coordinator: SessionUser;
  partner: SessionUser;
  householdId: string;
  documentId: string;
  consentId: string;
  /** Accepted, then closed with an outcome. */
  closedOrientationId: string;
  /** Still waiting for the partner. */
  sentOrientationId: string;
  taskId: string;
}
let w: World;

describe('done by whom it is for, every change ends with its audit entry', () => {
  it('the family creates, corrects, documents and shares its file', async () => {
    const parent = (await env.as('parent')).user;
    const agent = (await env.as('agent')).user;
    const coordinator = (await env.as('coordinator')).user;
    const partner = (await env.as('partner', { structureId: STRUCTURE })).user;
    const p = ctxOf(parent);

    let mark = await env.auditMark();
    const h = await householdFns.createOwnHousehold(p, filePatch);
    await env.expectAudit('dossiers/created', h.id, { after: mark, actorId: parent.id, householdId: h.id });
    await env.expectAudit('dossiers/updated', h.id, { after: mark, actorId: parent.id });

    mark = await env.auditMark();
    const upd = await householdFns.updateHousehold(p, h.id, { address: { line: '2 allée Zoéadresse' } });
    expect(upd.changed).toBe(1);
    const updated = await env.expectAudit('dossiers/updated', h.id, { after: mark, actorId: parent.id, householdId: h.id });
    expect(updated.details).toMatchObject({ source: 'family', fields: ['address.line'] });

    mark = await env.auditMark();
    const doc = await householdFns.addDocument(p, h.id, { kind: 'attestation-caf', label: 'Attestation', validUntil: '2026-12-31' });
    await env.expectAudit('dossiers/updated', h.id, { after: mark, actorId: parent.id });
    mark = await env.auditMark();
    await householdFns.updateDocumentMeta(p, h.id, doc.id, { label: 'Attestation CAF' });
    await env.expectAudit('dossiers/updated', h.id, { after: mark, actorId: parent.id });
    const spare = await householdFns.addDocument(p, h.id, { kind: 'autre', label: 'Brouillon' });
    mark = await env.auditMark();
    await householdFns.removeDocument(p, h.id, spare.id);
    await env.expectAudit('dossiers/updated', h.id, { after: mark, actorId: parent.id });

    mark = await env.auditMark();
    const consent = await consentFns.grantConsent(p, h.id, { structureId: STRUCTURE, purpose: 'orientation', parts: ['children'] });
    await env.expectAudit('dossiers/consent-granted', consent.id, { after: mark, actorId: parent.id, householdId: h.id });
    const early = await consentFns.grantConsent(p, h.id, { structureId: STRUCTURE, purpose: 'early-detection', parts: ['identity'] });
    const caf = await consentFns.grantConsent(p, h.id, { structureId: OTHER_STRUCTURE, purpose: 'caf-contact', parts: ['identity'] });
    mark = await env.auditMark();
    await consentFns.revokeConsent(p, h.id, caf.id);
    await env.expectAudit('dossiers/consent-revoked', caf.id, { after: mark, actorId: parent.id, householdId: h.id });

    mark = await env.auditMark();
    await rightsFns.exportHousehold(p, h.id);
    await env.expectAudit('dossiers/exported', h.id, { after: mark, actorId: parent.id });

    w = { parent, agent, coordinator, partner, householdId: h.id, documentId: doc.id, consentId: consent.id } as World;
    // kept for the partner's early detection below
    expect(early.id).toBeTruthy();
  });

  it('the CCAS opens, follows, annotates, orients; the partner answers; the agent closes the task', async () => {
    const a = ctxOf(w.agent);
    const s = ctxOf(w.partner);
    let mark = await env.auditMark();
    await agentFns.searchHouseholds(a, 'Zoéfamille');
    await env.expectAudit('dossiers/searched', null, { after: mark, actorId: w.agent.id });
    mark = await env.auditMark();
    await agentFns.openHousehold(a, w.householdId, 'Rendez-vous');
    await env.expectAudit('dossiers/opened', w.householdId, { after: mark, actorId: w.agent.id, reason: 'Rendez-vous' });
    mark = await env.auditMark();
    await agentFns.followHousehold(a, w.householdId);
    await env.expectAudit('dossiers/followed', w.householdId, { after: mark, actorId: w.agent.id });
    mark = await env.auditMark();
    const note = await agentFns.addNote(a, w.householdId, 'Premier rendez-vous');
    await env.expectAudit('dossiers/note-added', note.id, { after: mark, actorId: w.agent.id, householdId: w.householdId });
    mark = await env.auditMark();
    await householdFns.updateHousehold(a, w.householdId, { housing: { status: 'locataire_hlm' } });
    expect((await env.expectAudit('dossiers/updated', w.householdId, { after: mark, actorId: w.agent.id })).details).toMatchObject({ source: 'agent' });

    mark = await env.auditMark();
    const o1 = await orientationFns.orientHousehold(a, w.householdId, { structureId: STRUCTURE, note: 'Accompagnement' });
    await env.expectAudit('dossiers/oriented', o1.id, { after: mark, actorId: w.agent.id, householdId: w.householdId });
    const o2 = await orientationFns.orientHousehold(a, w.householdId, { structureId: STRUCTURE, note: 'Deuxième' });
    mark = await env.auditMark();
    await orientationFns.acceptOrientation(s, o1.id, true);
    await env.expectAudit('dossiers/orientation-accepted', o1.id, { after: mark, actorId: w.partner.id });
    mark = await env.auditMark();
    await orientationFns.recordOutcome(s, o1.id, { outcome: 'accompanied' });
    await env.expectAudit('dossiers/orientation-outcome', o1.id, { after: mark, actorId: w.partner.id });
    mark = await env.auditMark();
    const flagged = await orientationFns.flagSituation(s, w.householdId, { note: 'Absences répétées' });
    await env.expectAudit('dossiers/early-detection', flagged.taskId, { after: mark, actorId: w.partner.id, householdId: w.householdId });

    const { rows } = await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM household_tasks WHERE household_id = $1 AND kind = 'orientation_outcome'`, [
      w.householdId,
    ]);
    mark = await env.auditMark();
    await agentFns.completeTask(a, rows[0].id);
    await env.expectAudit('dossiers/task-done', rows[0].id, { after: mark, actorId: w.agent.id, householdId: w.householdId });
    Object.assign(w, { closedOrientationId: o1.id, sentOrientationId: o2.id, taskId: flagged.taskId });

    mark = await env.auditMark();
    const desk = await householdFns.createHouseholdAtDesk(a, { patch: { parent: { firstName: 'Guichet' } }, consentGiven: true, reason: 'Accueil' });
    await env.expectAudit('dossiers/created', desk.id, { after: mark, actorId: w.agent.id, reason: 'Accueil' });

    mark = await env.auditMark();
    await renewalFns.setRenewalDate(ctxOf(w.coordinator), { month: 9, day: 1 });
    await env.expectAudit('dossiers/renewal-date-set', null, { after: mark, actorId: w.coordinator.id });
  });

  it('a family erases its file', async () => {
    const other = (await env.as('parent')).user;
    const h = await householdFns.createOwnHousehold(ctxOf(other), { parent: { firstName: 'Partante' } });
    const mark = await env.auditMark();
    await rightsFns.eraseHousehold(ctxOf(other), h.id);
    await env.expectAudit('dossiers/erased', h.id, { after: mark, actorId: other.id });
  });
});

/** What each use case does when tried on the family's file (or its orientation, task, document, consent). */
type Attempt = (c: Ctx) => Promise<unknown>;
const ATTEMPTS: Record<string, Attempt> = {
  'access.assertCanAccess': (c) => accessFns.assertCanAccess(c, w.householdId, 'dossiers.read'),
  'household.mutate': (c) => householdFns.mutate(c, w.householdId, 'family', async (t) => void (await t.query('SELECT 1'))),
  'household.createOwnHousehold': (c) => householdFns.createOwnHousehold(c, { parent: { firstName: 'Intrus' } }),
  'household.createHouseholdAtDesk': (c) => householdFns.createHouseholdAtDesk(c, { patch: {}, consentGiven: true, reason: 'Intrusion' }),
  'household.ownHouseholdId': (c) => householdFns.ownHouseholdId(c),
  'household.readHousehold': (c) => householdFns.readHousehold(c, w.householdId),
  'household.updateHousehold': (c) => householdFns.updateHousehold(c, w.householdId, { address: { line: 'Intrusion' } }),
  'household.history': (c) => householdFns.history(c, w.householdId),
  'household.addDocument': (c) => householdFns.addDocument(c, w.householdId, { kind: 'autre', label: 'Intrus' }),
  'household.updateDocumentMeta': (c) => householdFns.updateDocumentMeta(c, w.householdId, w.documentId, { label: 'Intrus' }),
  'household.removeDocument': (c) => householdFns.removeDocument(c, w.householdId, w.documentId),
  'household.readDocumentFile': (c) => householdFns.readDocumentFile(c, w.householdId, w.documentId),
  'agent.caseload': (c) => agentFns.caseload(c),
  'agent.recentFamilies': (c) => agentFns.recentFamilies(c),
  'agent.searchHouseholds': (c) => agentFns.searchHouseholds(c, 'Zoéfamille'),
  'agent.openHousehold': (c) => agentFns.openHousehold(c, w.householdId, 'Curiosité'),
  'agent.timeline': (c) => agentFns.timeline(c, w.householdId),
  'agent.addNote': (c) => agentFns.addNote(c, w.householdId, 'Intrus'),
  'agent.completeTask': (c) => agentFns.completeTask(c, w.taskId),
  'agent.followHousehold': (c) => agentFns.followHousehold(c, w.householdId),
  'consent.grantConsent': (c) => consentFns.grantConsent(c, w.householdId, { structureId: OTHER_STRUCTURE, purpose: 'cpam-contact', parts: ['identity'] }),
  'consent.revokeConsent': (c) => consentFns.revokeConsent(c, w.householdId, w.consentId),
  'consent.listConsents': (c) => consentFns.listConsents(c, w.householdId),
  'consent.listDeskConsents': (c) => consentFns.listDeskConsents(c, w.householdId),
  'consent.partnerStructures': (c) => consentFns.partnerStructures(c),
  'consent.partnerHouseholds': (c) => consentFns.partnerHouseholds(c),
  'consent.readSharedHousehold': (c) => consentFns.readSharedHousehold(c, w.householdId, 'orientation'),
  'orientation.orientHousehold': (c) => orientationFns.orientHousehold(c, w.householdId, { structureId: OTHER_STRUCTURE, note: 'Intrus' }),
  'orientation.directoryForOrientation': (c) => orientationFns.directoryForOrientation(c, 'Structure'),
  'orientation.familyOrientationRequests': (c) => orientationFns.familyOrientationRequests(c, w.householdId),
  'orientation.answerOrientationRequest': (c) => orientationFns.answerOrientationRequest(c, w.householdId, w.sentOrientationId, true),
  'orientation.listPartnerOrientations': (c) => orientationFns.listPartnerOrientations(c),
  'orientation.readPartnerOrientation': (c) => orientationFns.readPartnerOrientation(c, w.closedOrientationId),
  'orientation.acceptOrientation': (c) => orientationFns.acceptOrientation(c, w.sentOrientationId, true),
  'orientation.recordOutcome': (c) => orientationFns.recordOutcome(c, w.sentOrientationId, { outcome: 'not_needed' }),
  'orientation.flagSituation': (c) => orientationFns.flagSituation(c, w.householdId, { note: 'Intrus' }),
  'renewal.setRenewalDate': (c) => renewalFns.setRenewalDate(c, { month: 1, day: 2 }),
  'renewal.myRenewal': (c) => renewalFns.myRenewal(c),
  'renewal.confirmRenewal': (c) => renewalFns.confirmRenewal(c, { address: { line: 'Intrusion' } }),
  'rights.householdAudit': (c) => rightsFns.householdAudit(c, w.householdId),
  'rights.exportHousehold': (c) => rightsFns.exportHousehold(c, w.householdId),
  'rights.eraseHousehold': (c) => rightsFns.eraseHousehold(c, w.householdId),
  'rights.retentionSchedule': (c) => rightsFns.retentionSchedule(c),
  'prefill.prefill': (c) => prefillFns.prefill(c, w.householdId, 'droits.simulation'),
  'prefill.getHouseholdForUser': (c) => prefillFns.getHouseholdForUser(c),
  // The caller's own data (no id to aim at another's): the intruder's own export, then its own erasure, last.
  'rights.exportMyData': (c) => rightsFns.exportMyData(c),
  'rights.eraseMyData': (c) => rightsFns.eraseMyData(c),
};

/** Exports that are not use cases acting for a user, and why. */
const NOT_USE_CASES: Record<string, string> = {
  'access.householdStatus': 'helper of assertCanAccess (no user, no personal data)',
  'household.applyPatch': 'runs inside mutate, after its access check',
  'household.sourceOf': 'pure',
  'household.uploadsDir': 'pure',
  'renewal.getRenewalDate': "the town's setting, no personal data",
  'renewal.openDueRenewals': 'job (no user)',
  'rights.purgeExpiredRetention': 'job (no user)',
  'rights.exportHtml': 'pure (renders an export already checked)',
  'rights.actionLabel': 'pure',
  'prefill.readHouseholdAsSystem': 'for jobs of other modules, documented as unchecked',
  'prefill.householdNeighbourhoods': 'bulk neighbourhood ids for indicators, no personal data',
  'prefill.activeHouseholdIds': 'ids of active files for system tasks of other modules (aides preview), no personal data',
};

/** Answers that mean "refused". */
const REFUSALS = [
  'auth/forbidden',
  'auth/required',
  'dossiers/not-found',
  'dossiers/no-consent',
  'dossiers/no-household',
  'dossiers/already-exists',
  'dossiers/no-renewal',
  'dossiers/orientation-not-found',
  'dossiers/task-not-found',
];

/** Use cases that act on the caller's own things: they may answer, with nothing of the family's. */
const MAY_ANSWER = new Set([
  'household.ownHouseholdId',
  'consent.partnerStructures',
  'consent.partnerHouseholds',
  'orientation.listPartnerOrientations',
  'renewal.myRenewal',
  'prefill.getHouseholdForUser',
  'rights.exportMyData',
  'rights.eraseMyData',
]);

async function snapshot() {
  const db = env.rt.deps.db;
  const out: Record<string, unknown> = {};
  out.file = await prefillFns.readHouseholdAsSystem(db, w.householdId, env.clock.now());
  for (const t of ['household_consents', 'household_orientations', 'household_tasks', 'household_notes', 'household_access_grants', 'household_documents']) {
    out[t] = (await db.query(`SELECT * FROM ${t} WHERE household_id = $1 ORDER BY 1`, [w.householdId])).rows;
  }
  out.referent = (await db.query(`SELECT referent_agent_id FROM households WHERE id = $1`, [w.householdId])).rows;
  return JSON.stringify(out);
}

describe('tried on another family’s file, every use case is refused and changes nothing', () => {
  it('the list of attempts covers every use case the services export', () => {
    const modules = {
      access: accessFns,
      household: householdFns,
      agent: agentFns,
      consent: consentFns,
      orientation: orientationFns,
      renewal: renewalFns,
      rights: rightsFns,
      prefill: prefillFns,
    };
    const exported = Object.entries(modules).flatMap(([m, ns]) =>
      Object.entries(ns)
        .filter(([, v]) => typeof v === 'function')
        .map(([k]) => `${m}.${k}`),
    );
    const missing = exported.filter((k) => !(k in ATTEMPTS) && !(k in NOT_USE_CASES));
    expect(missing, 'a use case without a privacy attempt').toEqual([]);
    for (const k of Object.keys(ATTEMPTS)) expect(exported, `stale attempt ${k}`).toContain(k);
  });

  const intruders: [string, () => Promise<SessionUser>][] = [
    [
      "another family's parent",
      async () => {
        const u = (await env.as('parent')).user;
        await householdFns.createOwnHousehold(ctxOf(u), { parent: { firstName: 'Voisine' } });
        return u;
      },
    ],
    ['a partner the family gave no consent', async () => (await env.as('partner', { structureId: OTHER_STRUCTURE })).user],
  ];

  for (const [who, make] of intruders) {
    it(`as ${who}`, async () => {
      const intruder = await make();
      const before = await snapshot();
      const mark = await env.auditMark();
      for (const [name, attempt] of Object.entries(ATTEMPTS)) {
        let result: unknown;
        let error: unknown;
        try {
          result = await attempt(ctxOf(intruder));
        } catch (err) {
          error = err;
        }
        if (error) {
          expect(error, `${name}: ${String(error)}`).toBeInstanceOf(AppError);
          expect(REFUSALS, `${name} answered ${(error as AppError).code}`).toContain((error as AppError).code);
        } else {
          expect(MAY_ANSWER.has(name), `${name} was not refused`).toBe(true);
          const text = JSON.stringify(result ?? null);
          expect(text, `${name} leaked the file's id`).not.toContain(w.householdId);
          for (const v of VALUES) expect(text, `${name} leaked ${v}`).not.toContain(v);
        }
      }
      expect(await snapshot(), 'the family’s file changed').toBe(before);
      const { rows } = await env.rt.deps.db.query(`SELECT action FROM audit_log WHERE id > $1 AND household_id = $2`, [mark, w.householdId]);
      expect(rows, 'an attempt left a trace of access to the file').toEqual([]);
    });
  }

  it('a partner with the family’s consent reads what was shared, and writes nothing', async () => {
    const s = ctxOf(w.partner);
    const read = await orientationFns.readPartnerOrientation(s, w.closedOrientationId);
    expect(read.parts).toEqual(['children']);
    const before = await snapshot();
    for (const name of [
      'household.updateHousehold',
      'household.addDocument',
      'household.removeDocument',
      'consent.grantConsent',
      'rights.exportHousehold',
      'rights.eraseHousehold',
      'household.readHousehold',
    ]) {
      await expect(ATTEMPTS[name](s), name).rejects.toSatisfy((e: unknown) => e instanceof AppError && REFUSALS.includes(e.code));
    }
    expect(await snapshot()).toBe(before);
  });
});
