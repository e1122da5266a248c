/**
 * Staff pages speak to staff (issue 18): at the desk an agent records what the family says
 * (a consent, a withdrawal), never in its place; an orientation to any structure or service
 * of the directory asks the family's consent as part of it (nothing shared until then); the
 * family's access log names the real structure and service, and reads one visit as one line.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';

let env: TestEnv;
let parent: TestClient & { user: { id: string } };
let agent: TestClient & { user: { id: string; displayName?: string } };
let householdId: string;
const CENTRE = crypto.randomUUID();
const SERVICE = crypto.randomUUID();
const OTHER = crypto.randomUUID();

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-12-04T10:00:00+01:00' });
  const db = env.rt.deps.db;
  await env.structure(CENTRE);
  await env.structure(OTHER);
  await db.query(`UPDATE annuaire_structures SET nom = 'Centre social des Tilleuls (test)' WHERE id = $1`, [CENTRE]);
  await db.query(`UPDATE annuaire_structures SET nom = 'Maison des familles (test)' WHERE id = $1`, [OTHER]);
  await db.query(
    `INSERT INTO annuaire_services (id, structure_id, source, di_id, nom, description, raw) VALUES ($1, $2, 'test', $3, 'Permanence logement (test)', 'Aide au logement', '{}')`,
    [SERVICE, CENTRE, SERVICE],
  );
  parent = await env.as('parent');
  agent = await env.as('agent', { displayName: 'Claire Agent' });
  householdId = (await parent.post('/api/dossiers/me', { parent: { firstName: 'Awa', lastName: 'Diallo' } })).json().household.id;
  expect((await agent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Rendez-vous logement' })).statusCode).toBe(200);
});
afterAll(() => env.close());

describe('consents at the desk', () => {
  it('an agent records a consent only as the family’s own statement, with its name in the audit', async () => {
    const body = { structureId: OTHER, purpose: 'orientation', parts: ['identity', 'children'] };
    const refused = await agent.post(`/api/dossiers/households/${householdId}/consents`, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual([{ path: 'familyStatement', message: expect.stringContaining('au guichet') }]);
    const mark = await env.auditMark();
    const res = await agent.post(`/api/dossiers/households/${householdId}/consents`, { ...body, familyStatement: true });
    expect(res.statusCode).toBe(201);
    const entry = await env.expectAudit('dossiers/consent-granted', res.json().id, { after: mark, actorId: agent.user.id, householdId });
    expect(entry.details).toMatchObject({ atDesk: true, structureId: OTHER });
    const listed = (await agent.get(`/api/dossiers/households/${householdId}/consents`)).json();
    expect(listed.familyName).toBe('Awa Diallo');
    expect(listed.consents[0]).toMatchObject({ structureName: 'Maison des familles (test)', recordedAtDesk: true, recordedByName: 'Claire Agent', live: true });
  });

  it('a withdrawal the family asks for at the desk is recorded as such', async () => {
    const { consents } = (await agent.get(`/api/dossiers/households/${householdId}/consents`)).json();
    const id = consents[0].id;
    const refused = await agent.post(`/api/dossiers/households/${householdId}/consents/${id}/revoke`, {});
    expect(refused.statusCode).toBe(422);
    const mark = await env.auditMark();
    expect((await agent.post(`/api/dossiers/households/${householdId}/consents/${id}/revoke`, { familyStatement: true })).statusCode).toBe(200);
    const entry = await env.expectAudit('dossiers/consent-revoked', id, { after: mark, actorId: agent.user.id, householdId });
    expect(entry.details).toMatchObject({ atDesk: true });
    const after = (await agent.get(`/api/dossiers/households/${householdId}/consents`)).json().consents[0];
    expect(after).toMatchObject({ live: false, revokedAtDesk: true, revokedByName: 'Claire Agent' });
  });

  it('a parent, a partner or a coordinator without the file opened cannot use the desk routes', async () => {
    const body = { structureId: OTHER, purpose: 'orientation', parts: ['identity'], familyStatement: true };
    expect((await parent.post(`/api/dossiers/households/${householdId}/consents`, body)).statusCode).toBe(403);
    const partner = await env.as('partner', { structureId: OTHER });
    expect((await partner.post(`/api/dossiers/households/${householdId}/consents`, body)).statusCode).toBe(403);
    expect((await partner.get(`/api/dossiers/directory?q=centre`)).statusCode).toBe(403);
    const coordinator = await env.as('coordinator');
    expect((await coordinator.post(`/api/dossiers/households/${householdId}/consents`, body)).json().error.code).toBe('dossiers/reason-required');
  });
});

describe('Mes familles', () => {
  it('lists the files the agent opened recently, with the motif; nobody else reads that list', async () => {
    const recent = (await agent.get('/api/dossiers/caseload/recent')).json();
    expect(recent).toMatchObject([{ id: householdId, firstName: 'Awa', lastName: 'Diallo', reason: 'Rendez-vous logement' }]);
    expect((await parent.get('/api/dossiers/caseload/recent')).statusCode).toBe(403);
    expect((await (await env.as('agent')).get('/api/dossiers/caseload/recent')).json()).toEqual([]);
  });
});

describe('orientation with consent', () => {
  it('finds any structure of the directory by its name or a service’s name', async () => {
    const found = (await agent.get(`/api/dossiers/directory?q=${encodeURIComponent('permanence logement')}`)).json();
    expect(found).toEqual([
      { id: CENTRE, nom: 'Centre social des Tilleuls (test)', commune: null, services: [{ id: SERVICE, nom: 'Permanence logement (test)' }] },
    ]);
    expect((await agent.get(`/api/dossiers/directory?q=a`)).statusCode).toBe(400);
  });

  it('asks how the family consents; waiting for the family, nothing reaches the structure', async () => {
    const base = { structureId: CENTRE, serviceId: SERVICE, note: 'Recherche de logement' };
    const missing = await agent.post(`/api/dossiers/households/${householdId}/orientations`, base);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields[0].path).toBe('consent');
    const mark = await env.auditMark();
    const res = await agent.post(`/api/dossiers/households/${householdId}/orientations`, {
      ...base,
      parts: ['identity', 'resources'],
      consent: 'family-confirms',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('awaiting_consent');
    await env.expectAudit('dossiers/oriented', res.json().id, { after: mark, actorId: agent.user.id, householdId });

    const partner = await env.as('partner', { structureId: CENTRE });
    expect((await partner.get('/api/dossiers/partner/orientations')).json()).toEqual([]);
    expect((await partner.get(`/api/dossiers/partner/orientations/${res.json().id}`)).statusCode).toBe(404);

    const requests = (await parent.get('/api/dossiers/me/orientation-requests')).json();
    expect(requests).toMatchObject([
      {
        id: res.json().id,
        structureName: 'Centre social des Tilleuls (test)',
        serviceName: 'Permanence logement (test)',
        agentName: 'Claire Agent',
        partLabels: [expect.any(String), expect.any(String)],
      },
    ]);
    // Another parent cannot answer it; the agent cannot answer in the family's place.
    const other = await env.as('parent');
    await other.post('/api/dossiers/me', { parent: { firstName: 'Voisine' } });
    expect((await other.post(`/api/dossiers/me/orientation-requests/${res.json().id}/answer`, { accept: true })).statusCode).toBe(404);
    expect((await agent.post(`/api/dossiers/me/orientation-requests/${res.json().id}/answer`, { accept: true })).statusCode).toBe(403);

    const answerMark = await env.auditMark();
    const answered = await parent.post(`/api/dossiers/me/orientation-requests/${res.json().id}/answer`, { accept: true });
    expect(answered.json()).toEqual({ status: 'sent' });
    await env.expectAudit('dossiers/orientation-consent-confirmed', res.json().id, { after: answerMark, actorId: parent.user.id, householdId });
    const consent = await env.expectAudit('dossiers/consent-granted', null, { after: answerMark, actorId: parent.user.id, householdId });
    expect(consent.details).toMatchObject({ structureId: CENTRE, parts: ['identity', 'resources'], atDesk: false });
    expect((await partner.get('/api/dossiers/partner/orientations')).json()).toHaveLength(1);
    expect((await parent.post(`/api/dossiers/me/orientation-requests/${res.json().id}/answer`, { accept: true })).statusCode).toBe(404);
  });

  it('a family that refuses: the orientation is closed and nothing is shared', async () => {
    const res = await agent.post(`/api/dossiers/households/${householdId}/orientations`, {
      structureId: OTHER,
      note: 'Groupe de parents',
      parts: ['identity'],
      consent: 'family-confirms',
    });
    const mark = await env.auditMark();
    expect((await parent.post(`/api/dossiers/me/orientation-requests/${res.json().id}/answer`, { accept: false })).json()).toEqual({
      status: 'refused_by_family',
    });
    await env.expectAudit('dossiers/orientation-refused-by-family', res.json().id, { after: mark, actorId: parent.user.id });
    const partner = await env.as('partner', { structureId: OTHER });
    expect((await partner.get('/api/dossiers/partner/orientations')).json()).toEqual([]);
  });

  it('consent given at the desk: recorded as the family’s statement, the orientation goes at once', async () => {
    const mark = await env.auditMark();
    const res = await agent.post(`/api/dossiers/households/${householdId}/orientations`, {
      structureId: OTHER,
      note: 'Atelier parents',
      parts: ['identity', 'children'],
      consent: 'at-desk',
    });
    expect(res.json().status).toBe('sent');
    const consent = await env.expectAudit('dossiers/consent-granted', null, { after: mark, actorId: agent.user.id, householdId });
    expect(consent.details).toMatchObject({ atDesk: true, orientationId: res.json().id });
    const partner = await env.as('partner', { structureId: OTHER });
    const list = (await partner.get('/api/dossiers/partner/orientations')).json();
    expect(list.map((o: { id: string }) => o.id)).toEqual([res.json().id]);
  });
});

describe('the family’s access log: one truth', () => {
  it('names the structure that read, the precise service of an orientation, and one visit as one line', async () => {
    for (let i = 0; i < 11; i++) expect((await agent.get(`/api/dossiers/households/${householdId}`)).statusCode).toBe(200);
    const partner = await env.as('partner', { structureId: CENTRE, displayName: 'Compte partenaire (test)' });
    const [o] = (await partner.get('/api/dossiers/partner/orientations')).json();
    await partner.post(`/api/dossiers/partner/orientations/${o.id}/accept`, { accept: true });
    expect((await partner.get(`/api/dossiers/partner/orientations/${o.id}`)).statusCode).toBe(200);

    const log = (await parent.get('/api/dossiers/me/audit')).json() as { action: string; label: string; actorName: string | null; reason: string | null }[];
    const visits = log.filter((l) => l.action === 'dossiers/opened' || l.action === 'dossiers/accessed');
    expect(visits).toHaveLength(1);
    expect(visits[0].label).toMatch(/^Dossier ouvert par un agent \(\d+ consultations en moins d'une minute\)$/);
    expect(visits[0]).toMatchObject({ actorName: 'Claire Agent', reason: 'Rendez-vous logement' });
    const { rows } = await env.rt.deps.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE household_id = $1 AND action IN ('dossiers/opened', 'dossiers/accessed')`,
      [householdId],
    );
    expect(Number(visits[0].label.match(/\((\d+)/)![1])).toBe(rows[0].n);

    const byPartner = log.filter((l) => l.action === 'dossiers/partner-access' || l.action === 'dossiers/orientation-accepted');
    expect(byPartner.length).toBeGreaterThan(0);
    for (const l of byPartner) expect(l.actorName).toBe('Centre social des Tilleuls (test)');
    expect(log.find((l) => l.action === 'dossiers/oriented' && l.label.includes('Permanence'))?.label).toBe(
      'Orientation vers Centre social des Tilleuls (test), service « Permanence logement (test) »',
    );
  });
});
