/**
 * What a family file points at must exist and hold together: consents and orientations
 * name a structure of the directory (and one of its own services); an uploaded file is
 * of the type it declares; a document's validity starts before it ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
let services: { id: string; structureId: string }[];
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await env.seedDemo();
  const { rows } = await env.rt.deps.db.query<{ id: string; structureId: string }>(
    `SELECT DISTINCT ON (structure_id) id, structure_id AS "structureId" FROM annuaire_services ORDER BY structure_id, id LIMIT 2`,
  );
  services = rows;
});
afterAll(() => env.close());

const UNKNOWN = '0bad0bad-0bad-4bad-8bad-0bad0bad0bad';

async function family() {
  const parent = await env.as('parent');
  const hid = (await parent.post('/api/dossiers/me', { parent: { firstName: 'Awa', lastName: 'Diallo' } })).json().household.id as string;
  return { parent, hid };
}

describe('consents and orientations name what exists', () => {
  it('refuses a consent to a structure the directory does not have', async () => {
    const { parent } = await family();
    const res = await parent.post('/api/dossiers/me/consents', { structureId: UNKNOWN, purpose: 'orientation', parts: ['children'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'dossiers/unknown-structure', fields: [{ path: 'structureId' }] });
    const ok = await parent.post('/api/dossiers/me/consents', { structureId: services[0]!.structureId, purpose: 'orientation', parts: ['children'] });
    expect(ok.statusCode).toBe(201);
  });

  it("refuses an orientation to an unknown structure, an unknown service, or another structure's service", async () => {
    expect(services.length).toBe(2);
    const [a, b] = services as [{ id: string; structureId: string }, { id: string; structureId: string }];
    const { hid } = await family();
    const agent = await env.as('agent');
    await agent.post(`/api/dossiers/households/${hid}/open`, { reason: 'Orientation' });
    const orient = (body: object) =>
      agent.post(`/api/dossiers/households/${hid}/orientations`, { note: 'Soutien', parts: ['identity'], consent: 'at-desk', ...body });
    const cases: [object, string, string][] = [
      [{ structureId: UNKNOWN }, 'dossiers/unknown-structure', 'structureId'],
      [{ structureId: a.structureId, serviceId: UNKNOWN }, 'dossiers/unknown-service', 'serviceId'],
      [{ structureId: a.structureId, serviceId: b.id }, 'dossiers/service-not-of-structure', 'serviceId'],
    ];
    for (const [body, code, path] of cases) {
      const res = await orient(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error).toMatchObject({ code, fields: [{ path }] });
    }
    expect((await orient({ structureId: a.structureId, serviceId: a.id })).statusCode).toBe(201);
    expect((await orient({ structureId: b.structureId })).statusCode).toBe(201);
  });
});

describe('documents', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');

  it('refuses content that is not of the declared type', async () => {
    const { parent } = await family();
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const bad = await parent.post('/api/dossiers/me/documents', { kind: 'autre', file: { name: 'x.png', mimeType: 'image/png', base64: html } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'dossiers/file-content', fields: [{ path: 'file.base64' }] });
    const good = await parent.post('/api/dossiers/me/documents', { kind: 'autre', file: { name: 'x.png', mimeType: 'image/png', base64: png } });
    expect(good.statusCode).toBe(201);
  });

  it('refuses a validity that ends before it starts, at creation and by a later change', async () => {
    const { parent } = await family();
    const bad = await parent.post('/api/dossiers/me/documents', { kind: 'autre', validFrom: '2026-03-01', validUntil: '2026-02-01' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'dossiers/invalid-period', fields: [{ path: 'validUntil' }] });
    const doc = await parent.post('/api/dossiers/me/documents', { kind: 'autre', validFrom: '2026-03-01', validUntil: '2026-12-31' });
    expect(doc.statusCode).toBe(201);
    const id = doc.json().id;
    const later = await parent.patch(`/api/dossiers/me/documents/${id}`, { validUntil: '2026-01-01' });
    expect(later.statusCode).toBe(422);
    expect(later.json().error.code).toBe('dossiers/invalid-period');
    expect((await parent.patch(`/api/dossiers/me/documents/${id}`, { validUntil: '2027-01-01' })).statusCode).toBe(200);
  });
});
