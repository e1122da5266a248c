/** What the aides integration tests share: a family with a file, a context for a user. Tests only. */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { makeCtx, type Ctx, type SessionUser } from '../../platform/context';
import type { TestClient, TestEnv } from '../../platform/testing';

export type Who = TestClient & { user: SessionUser };

export const ctxOf = (env: TestEnv, user: SessionUser): Ctx => makeCtx(env.rt.deps, user, `test-${crypto.randomUUID()}`, '127.0.0.1');

export const filePatch = {
  parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12', email: 'samia@example.fr' },
  children: [{ firstName: 'Lina', birthDate: '2019-09-01' }],
  address: { line: '12 rue des Lilas', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'nord' },
  situation: {
    activity: 'chomeur',
    unemploymentNetMonthlyCents: 90000,
    alimonyReceivedMonthlyCents: 0,
    annualIncomeCents: 1_000_000,
    familyBenefitsMonthlyCents: 20_000,
  },
  housing: { status: 'locataire_hlm', rentMonthlyCents: 45000 },
};

/** A small, real PDF (its first bytes are what the upload check reads), in base64. */
export const pdf = Buffer.from('%PDF-1.7\n% un justificatif de test\n').toString('base64');

/** A parent with a household file and a valid tax notice in it. */
export async function family(env: TestEnv): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', filePatch);
  expect(res.statusCode).toBe(201);
  const householdId = res.json().household.id as string;
  const doc = await parent.post('/api/dossiers/me/documents', { kind: 'avis-imposition', validFrom: '2025-09-01', validUntil: '2026-08-31' });
  expect(doc.statusCode).toBe(201);
  return { parent, householdId };
}
