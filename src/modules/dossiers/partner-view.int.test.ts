/**
 * What a partner receives of a family's file is exactly what `partnerHouseholdOut` and
 * `partnerOrientationOut` allow: even if the projection let an internal field through
 * (simulated here), the response serializer drops it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import * as fields from './fields';
import type { Household } from './household';

// A projection with a bug: internal fields and a whole unconsented group leak into it.
const realProject = fields.projectHousehold;
vi.spyOn(fields, 'projectHousehold').mockImplementation((h: Household, keys) => {
  const p = realProject(h, keys) as Record<string, unknown>;
  return {
    ...p,
    parentUserId: h.parentUserId,
    referentAgentId: 'agent-internal',
    internalNote: 'NOTE-INTERNE',
    children: (p.children as Record<string, unknown>[]).map((c) => ({ ...c, medicalNote: 'NOTE-MEDICALE' })),
    documents: h.documents.map((d) => ({ ...d, storageName: 'STOCKAGE-INTERNE' })),
  } as unknown as fields.ProjectedHousehold;
});

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

function keysOf(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap((x) => keysOf(x, `${prefix}[]`)))];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [`${prefix}${k}`, ...keysOf(x, `${prefix}${k}.`)]);
  return [];
}

describe("a partner's view of a family file", () => {
  it('holds only the keys the schema allows, whatever the projection returns', async () => {
    const parent = await env.as('parent');
    const hid = (
      await parent.post('/api/dossiers/me', {
        parent: { firstName: 'Samia', lastName: 'Benali', phone: '06 01 02 03 04' },
        children: [{ firstName: 'Lina', birthDate: '2019-09-01', schoolName: 'École Jules Verne' }],
      })
    ).json().household.id;
    await parent.post('/api/dossiers/me/documents', { kind: 'attestation-caf', label: 'Attestation', validUntil: '2026-12-31' });
    const partner = await env.as('partner');
    expect(
      (await parent.post('/api/dossiers/me/consents', { structureId: partner.user.structureId, purpose: 'orientation', parts: ['children'] })).statusCode,
    ).toBe(201);

    const res = await partner.get(`/api/dossiers/partner/households/${hid}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const text = res.body;
    for (const leaked of ['NOTE-INTERNE', 'NOTE-MEDICALE', 'STOCKAGE-INTERNE', 'agent-internal', 'parentUserId', 'referentAgentId'])
      expect(text).not.toContain(leaked);
    // Documents are a part of the file the schema knows: only its projected fields (id, kind, label, validUntil) may pass.
    expect(keysOf(body).sort()).toEqual(
      [
        'parts',
        'partLabels',
        'household',
        'household.id',
        'household.children',
        'household.children.[]id',
        'household.children.[]firstName',
        'household.children.[]lastName',
        'household.children.[]birthDate',
        'household.children.[]custody',
        'household.children.[]schoolName',
        'household.children.[]schoolLevel',
        'household.documents',
        'household.documents.[]id',
        'household.documents.[]kind',
        'household.documents.[]label',
        'household.documents.[]validUntil',
      ].sort(),
    );
    expect(body.household.children[0]).toMatchObject({ firstName: 'Lina', schoolName: 'École Jules Verne' });
  });
});
