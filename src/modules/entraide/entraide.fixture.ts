/** Test helper of the entraide's integration tests: a parent with a household file in a neighbourhood. */
import type { SessionUser } from '../../platform/context';
import type { TestClient, TestEnv } from '../../platform/testing';

export type Who = TestClient & { user: SessionUser };
let n = 0;

export async function family(
  env: TestEnv,
  neighbourhoodId = 'etouvie',
  opts: { firstName?: string; birthDate?: string } = {},
): Promise<{ parent: Who; householdId: string; firstName: string }> {
  const parent = (await env.as('parent')) as Who;
  n++;
  const firstName = opts.firstName ?? `Parent${n}`;
  const res = await parent.post('/api/dossiers/me', {
    parent: {
      firstName,
      lastName: 'Voisin',
      birthDate: opts.birthDate ?? '1988-01-12',
      email: `famille${n}@example.fr`,
      phone: `06123400${String(n % 100).padStart(2, '0')}`,
    },
    children: [{ firstName: 'Léo', birthDate: '2017-04-01' }],
    address: { line: `${n} rue des Tilleuls`, postalCode: '80000', inseeCode: '80021', neighbourhoodId },
  });
  if (res.statusCode !== 201) throw new Error(`household not created: ${res.statusCode} ${res.body}`);
  return { parent, householdId: res.json().household.id, firstName };
}
