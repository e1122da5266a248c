/** Criteria edited by staff (added, removed, each with its proof), proofs attached by families from the form and read by staff (audited), results only once published. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { campaignBody, newFamily } from './attribution.fixture';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n').toString('base64');
const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');

type Client = Awaited<ReturnType<TestEnv['as']>>;
const attach = (parent: Client, body: { criterion: string; name: string; mimeType: string; base64: string; validUntil?: string }) =>
  parent.post(`/api/attribution/campaigns/${campaignId}/documents`, body);
let coordinator: Client;
let campaignId: string;

async function put(campaign: Record<string, any>, criteria: unknown[]) {
  const { id: _id, status: _s, isDemo: _d, applications: _a, externalId: _e, publishedAt: _p, groups, ...rest } = campaign;
  return coordinator.put(`/api/attribution/campaigns/${campaignId}`, {
    ...rest,
    groups: groups.map((g: any) => ({ id: g.id, label: g.label, capacity: g.capacity, ageMin: g.ageMin, ageMax: g.ageMax, site: g.site, period: g.period })),
    criteria,
  });
}

describe('criteria edited by staff', () => {
  it('a coordinator adds a criterion (its code from its label) and removes another; the published rules show them with their proof', async () => {
    coordinator = await env.as('coordinator');
    campaignId = (await coordinator.post('/api/attribution/campaigns', campaignBody())).json().id;
    const before = (await coordinator.get(`/api/attribution/campaigns/${campaignId}`)).json();
    const kept = before.criteria.filter((c: any) => c.code !== 'orientation_sociale');
    const added = {
      label: 'Fratrie déjà accueillie',
      weight: 4,
      description: 'Un frère ou une sœur est déjà accueilli(e) cet été.',
      proof: 'Attestation d’inscription du frère ou de la sœur',
      proofDocument: 'autre',
      derive: null,
    };
    const mark = await env.auditMark();
    const res = await put(before, [...kept, added]);
    expect(res.statusCode).toBe(200);
    await env.expectAudit('attribution/campaign-updated', campaignId, { actorId: coordinator.user.id, after: mark });
    await coordinator.post(`/api/attribution/campaigns/${campaignId}/status`, { status: 'open' });
    const rules = (await env.client().get(`/api/attribution/public/campaigns/${campaignId}`)).json();
    expect(rules.criteria.map((c: any) => c.code)).not.toContain('orientation_sociale');
    expect(rules.criteria.at(-1)).toMatchObject({ ...added, code: 'fratrie_deja_accueillie' });
    expect(rules.criteria.find((c: any) => c.code === 'monoparentalite')).toMatchObject({ proofDocument: 'jugement-garde', derive: 'single_parent' });
  });

  it('refuses an unknown kind of proof, a reading rule it does not know, and a family or a partner editing', async () => {
    const c = (await coordinator.get(`/api/attribution/campaigns/${campaignId}`)).json();
    const badDoc = await put(c, [{ label: 'X', weight: 1, proofDocument: 'horoscope' }]);
    expect(badDoc.statusCode).toBe(400);
    expect(badDoc.json().error.fields[0].path).toBe('criteria.0.proofDocument');
    const badRead = await put(c, [{ label: 'X', weight: 1, derive: 'astrologie' }]);
    expect(badRead.statusCode).toBe(400);
    expect(badRead.json().error.fields[0].path).toBe('criteria.0.derive');
    for (const role of ['parent', 'partner'] as const) {
      const other = await env.as(role);
      expect((await other.put(`/api/attribution/campaigns/${campaignId}`, { ...campaignBody(), criteria: [] })).statusCode).toBe(403);
    }
    expect((await coordinator.get(`/api/attribution/campaigns/${campaignId}`)).json().criteria).toHaveLength(c.criteria.length);
  });
});

describe('proofs attached from the application form', () => {
  let f: Awaited<ReturnType<typeof newFamily>>;
  let documentId: string;

  it('a family attaches the proof of a criterion; the form says it is there', async () => {
    f = await newFamily(env);
    const res = await attach(f.parent, { criterion: 'handicap', name: 'notification-mdph.pdf', mimeType: 'application/pdf', base64: PDF });
    expect(res.statusCode).toBe(201);
    documentId = res.json().id;
    await env.expectAudit('attribution/document-attached', campaignId, { actorId: f.parent.user.id, householdId: f.householdId });
    const form = (await f.parent.get(`/api/attribution/campaigns/${campaignId}/form`)).json();
    expect(form.attached).toMatchObject([{ id: documentId, criterion: 'handicap', name: 'notification-mdph.pdf' }]);
    expect(form.proofs.handicap).toBe(true);
    const own = await f.parent.get(`/api/attribution/campaigns/${campaignId}/documents/${documentId}/file`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    // It is a document of the family's file: in its documents list, named by what it proves.
    const file = (await f.parent.get('/api/dossiers/me')).json().household;
    expect(file.documents).toEqual([expect.objectContaining({ kind: 'autre', originalName: 'notification-mdph.pdf' })]);
    expect(file.documents[0].label).toBeTruthy();
  });

  it('a proof already out of date is refused; a dated one keeps its validity in the file', async () => {
    const old = await attach(f.parent, {
      criterion: 'monoparentalite',
      name: 'jugement.pdf',
      mimeType: 'application/pdf',
      base64: PDF,
      validUntil: '2026-01-31',
    });
    expect(old.statusCode).toBe(422);
    expect(old.json().error).toMatchObject({ code: 'attribution/proof-expired', fields: [{ path: 'validUntil' }] });
    const dated = await attach(f.parent, { criterion: 'qf_tranche_1', name: 'caf.pdf', mimeType: 'application/pdf', base64: PDF, validUntil: '2026-12-31' });
    expect(dated.statusCode).toBe(201);
    const docs = (await f.parent.get('/api/dossiers/me')).json().household.documents;
    expect(docs).toContainEqual(expect.objectContaining({ kind: 'attestation-caf', validUntil: '2026-12-31', originalName: 'caf.pdf' }));
    expect((await f.parent.get(`/api/attribution/campaigns/${campaignId}/form`)).json().proofs.qf_tranche_1).toBe(true);
    // Unlinked from the campaign, it stays in the family's file.
    expect((await f.parent.delete(`/api/attribution/campaigns/${campaignId}/documents/${dated.json().id}`)).statusCode).toBe(200);
    expect((await f.parent.get('/api/dossiers/me')).json().household.documents).toHaveLength(2);
  });

  it('refuses a file that is not what it says, an unknown criterion, nothing stored', async () => {
    const fake = await attach(f.parent, {
      criterion: 'handicap',
      name: 'page.pdf',
      mimeType: 'application/pdf',
      base64: Buffer.from('<html>not a pdf</html>').toString('base64'),
    });
    expect(fake.statusCode).toBe(422);
    expect(fake.json().error.fields[0].path).toBe('base64');
    const wrongType = await attach(f.parent, { criterion: 'handicap', name: 'scan.png', mimeType: 'image/png', base64: PDF });
    expect(wrongType.json().error.code).toBe('attribution/file-content');
    const unknown = await attach(f.parent, { criterion: 'astrologie', name: 'carte.png', mimeType: 'image/png', base64: PNG_HEADER });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].path).toBe('criterion');
    const html = await attach(f.parent, { criterion: 'handicap', name: 'x.html', mimeType: 'text/html', base64: PDF });
    expect(html.statusCode).toBe(400);
    expect(html.json().error.fields[0].path).toBe('mimeType');
    const form = (await f.parent.get(`/api/attribution/campaigns/${campaignId}/form`)).json();
    expect(form.attached.map((d: any) => d.id)).toEqual([documentId]);
  });

  it('another family neither reads nor removes it; staff read it, each read audited with the family', async () => {
    const other = await newFamily(env);
    expect((await other.parent.get(`/api/attribution/campaigns/${campaignId}/documents/${documentId}/file`)).statusCode).toBe(404);
    expect((await other.parent.delete(`/api/attribution/campaigns/${campaignId}/documents/${documentId}`)).statusCode).toBe(404);
    const partner = await env.as('partner');
    expect((await partner.get(`/api/attribution/campaigns/${campaignId}/documents/${documentId}/file`)).statusCode).toBe(403);

    await f.parent.post(`/api/attribution/campaigns/${campaignId}/applications`, {
      children: [f.children[1]!.id],
      choices: [(await coordinator.get(`/api/attribution/campaigns/${campaignId}`)).json().groups[0].id],
      declared: { handicap: 1 },
    });
    const agent = await env.as('agent');
    const listed = (await agent.get(`/api/attribution/campaigns/${campaignId}/applications`)).json().applications;
    expect(listed[0].documents).toMatchObject([{ id: documentId, criterion: 'handicap', name: 'notification-mdph.pdf', mimeType: 'application/pdf' }]);
    // A staff read goes through the family's file: without a reason, refused and not recorded as read.
    let mark = await env.auditMark();
    const closed = await agent.get(`/api/attribution/campaigns/${campaignId}/documents/${documentId}/file`);
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.code).toBe('dossiers/reason-required');
    const { rows: none } = await env.rt.deps.db.query(`SELECT 1 FROM audit_log WHERE action = 'attribution/document-read' AND id > $1`, [mark]);
    expect(none).toEqual([]);
    const read = await agent.get(
      `/api/attribution/campaigns/${campaignId}/documents/${documentId}/file?reason=${encodeURIComponent('Vérifier le justificatif de la demande')}`,
    );
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await env.expectAudit('dossiers/opened', f.householdId, { actorId: agent.user.id, after: mark });
    await env.expectAudit('attribution/document-read', campaignId, { actorId: agent.user.id, householdId: f.householdId, after: mark });
    // The file now open (its reason given), the next read is audited as an access with that reason.
    mark = await env.auditMark();
    expect((await agent.get(`/api/attribution/campaigns/${campaignId}/documents/${documentId}/file`)).statusCode).toBe(200);
    await env.expectAudit('dossiers/accessed', f.householdId, { actorId: agent.user.id, after: mark });
  });

  it('a family replaces then removes its proof; after publication proofs no longer change; the results page opens then', async () => {
    const again = await attach(f.parent, { criterion: 'handicap', name: 'notification-2.png', mimeType: 'image/png', base64: PNG_HEADER });
    expect(again.statusCode).toBe(201);
    const form = (await f.parent.get(`/api/attribution/campaigns/${campaignId}/form`)).json();
    expect(form.attached.map((d: any) => d.name)).toEqual(['notification-2.png']);
    const removed = await f.parent.delete(`/api/attribution/campaigns/${campaignId}/documents/${again.json().id}`);
    expect(removed.statusCode).toBe(200);
    await env.expectAudit('attribution/document-removed', campaignId, { actorId: f.parent.user.id, householdId: f.householdId });
    expect((await f.parent.get(`/api/attribution/campaigns/${campaignId}/form`)).json().attached).toEqual([]);

    expect((await coordinator.get(`/api/attribution/campaigns/${campaignId}/results`)).json().error.code).toBe('attribution/not-published');
    expect((await coordinator.post(`/api/attribution/campaigns/${campaignId}/publish`, {})).statusCode).toBe(200);
    const late = await attach(f.parent, { criterion: 'handicap', name: 'tard.pdf', mimeType: 'application/pdf', base64: PDF });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('attribution/proofs-closed');
    const results = (await coordinator.get(`/api/attribution/campaigns/${campaignId}/results`)).json();
    expect(results.total).toBe(1);
    expect(results.groups[0].admitted).toMatchObject([{ number: 1, rank: 1 }]);
    expect(results.groups[0].lastAdmittedScore).toBe(results.applications[0].score);
  });

  it("erasing the family's file deletes its proofs", async () => {
    const { rows: before } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM attribution_documents WHERE household_id = $1`, [f.householdId]);
    const other = await newFamily(env);
    await env.rt.deps.db.query(
      `INSERT INTO attribution_documents (campaign_id, household_id, criterion_code, original_name, mime_type, size_bytes, content, uploaded_at)
       VALUES ($1, $2, 'handicap', 'a.pdf', 'application/pdf', 5, '\\x255044462d', now())`,
      [campaignId, other.householdId],
    );
    expect((await other.parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    const { rows } = await env.rt.deps.db.query(`SELECT household_id FROM attribution_documents WHERE household_id = ANY($1::uuid[])`, [
      [other.householdId, f.householdId],
    ]);
    expect(rows.filter((r: any) => r.household_id === other.householdId)).toHaveLength(0);
    expect(rows.filter((r: any) => r.household_id === f.householdId)).toHaveLength(before[0].n);
  });
});
