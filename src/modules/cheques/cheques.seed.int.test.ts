/** The demo data on real PostgreSQL: what `npm start` shows the demo family, the demo partner and the town. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../platform/demo';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await env.seedDemo();
});
afterAll(() => env.close());

async function demo(identifier: string) {
  const c = env.client();
  expect((await c.login(identifier, DEMO_PASSWORD)).statusCode).toBe(200);
  return c;
}

it('the demo family holds three chèques with payments at partners and a pass; every record says demo', async () => {
  const parent = await demo('parent@demo.relais.fr');
  const me = (await parent.get('/api/cheques/me')).json();
  expect(me.accounts.map((a: { kind: string; availableCents: number }) => [a.kind, a.availableCents])).toEqual([
    ['alimentaire', 4720],
    ['sante', 9660],
    ['services', 8500],
  ]);
  expect(me.history.filter((h: { type: string }) => h.type === 'debit').map((h: { label: string }) => h.label)).toEqual([
    "Paiement chez Cabinet dentaire d'Étouvie (démo)",
    "Paiement chez Épicerie solidaire d'Étouvie (démo)",
    "Paiement chez Centre social d'Étouvie (démo)",
    "Paiement chez Pharmacie d'Elbeuf (démo)",
  ]);
  expect((await parent.get('/api/cheques/me/pass')).json().pass).toMatchObject({ firstName: 'Samia', status: 'valid', validUntil: '2027-03-09' });
  const { rows } = await env.rt.deps.db.query(
    `SELECT (SELECT bool_and(is_demo) FROM cheques_accounts) AS accounts, (SELECT bool_and(is_demo) FROM cheques_passes) AS passes,
            (SELECT bool_and(title LIKE '%(démo)') FROM cheques_pass_offers) AS offers, (SELECT count(*)::int FROM cheques_pass_offers) AS n`,
  );
  expect(rows[0]).toEqual({ accounts: true, passes: true, offers: true, n: 4 });
});

it('the demo partner takes services and the carte alimentaire; the town has last month to reimburse; families browse offers', async () => {
  const partner = await demo('partenaire@demo.relais.fr');
  expect((await partner.get('/api/cheques/counter')).json().kinds).toEqual(['alimentaire', 'services']);
  const town = await demo('coordination@demo.relais.fr');
  const month = (await town.get('/api/cheques/settlements?period=2026-02')).json();
  expect(month.partners.map((p: { structureName: string; totalCents: number }) => [p.structureName, p.totalCents]).sort()).toEqual([
    ["Centre social d'Étouvie (démo)", 1500],
    ["Pharmacie d'Elbeuf (démo)", 2340],
  ]);
  const offers = (await partner.get('/api/cheques/pass/offers?theme=sport')).json().offers;
  expect(offers.map((o: { structureName: string; benefitLabel: string }) => `${o.structureName} : ${o.benefitLabel}`).sort()).toEqual([
    'Club omnisports du Sud (démo) : Entrée gratuite',
    'Piscine du Nord (démo) : Entrée gratuite',
  ]);
});
