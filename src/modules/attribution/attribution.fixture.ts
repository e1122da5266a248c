/** What the attribution tests start from: a family's file and a campaign's body. */
import { expect } from 'vitest';
import type { TestEnv } from '../../platform/testing';

export const filePatch = {
  parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12' },
  otherParent: { custody: 'visiting' },
  children: [
    { firstName: 'Lina', birthDate: '2019-09-01' },
    { firstName: 'Yanis', birthDate: '2017-02-20' },
  ],
  situation: { activity: 'actif', annualIncomeCents: 1_140_000, familyBenefitsMonthlyCents: 40_000 },
};

export const campaignBody = (over: Record<string, unknown> = {}) => ({
  kind: 'repit',
  title: 'Séjours de répit — été',
  opensAt: '2026-03-01T00:00:00+01:00',
  closesAt: '2026-04-01T00:00:00+02:00',
  offerDays: 5,
  groups: [
    { label: 'Juillet 6-11 ans', capacity: 2, ageMin: 6, ageMax: 11, period: 'Juillet 2026' },
    { label: 'Août 6-11 ans', capacity: 1, ageMin: 6, ageMax: 11, period: 'Août 2026' },
    { label: 'Juillet 3-5 ans', capacity: 1, ageMin: 3, ageMax: 5, period: 'Juillet 2026' },
  ],
  ...over,
});

/** A parent with a household file: two children, visiting rights only for the other parent, QF 450 €. */
export async function newFamily(env: TestEnv) {
  const parent = await env.as('parent');
  const created = await parent.post('/api/dossiers/me', filePatch);
  expect(created.statusCode).toBe(201);
  const h = created.json().household;
  return { parent, householdId: h.id as string, children: h.children as { id: string; firstName: string }[] };
}
