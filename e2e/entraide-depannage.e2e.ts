/**
 * Journey of the garde de dépannage: a parent adds a neighbour she exchanged contact details
 * with to her trusted parents, asks for a backup childcare for a sick child; the neighbour
 * accepts; each sees the other's phone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourney, type Journey, fillDate } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('entraide-depannage', { now: '2026-03-10T10:00:00+01:00', viewport: { width: 360, height: 800 } });
}, 120_000);
afterAll(() => j?.close());

async function family(firstName: string, phone: string) {
  const identifier = `${firstName.toLowerCase()}.depannage@example.fr`;
  const parent = await j.env.as('parent', { identifier });
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Voisin', birthDate: '1986-07-07', phone, email: identifier },
    children: [{ firstName: 'Inès', birthDate: '2019-01-01' }],
    address: { line: `${firstName === 'Amel' ? 4 : 6} rue du Marais`, postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  });
  expect(res.statusCode).toBe(201);
  return { parent, identifier, householdId: res.json().household.id as string };
}

it('a parent asks her trusted neighbours for a backup childcare; the first to accept takes it', async () => {
  const { page, url } = j;
  const amel = await family('Amel', '0612121212');
  const karim = await family('Karim', '0634343434');
  const post = await amel.parent.post('/api/entraide/posts', {
    kind: 'request',
    category: 'ecoute',
    neighbourhoodId: 'etouvie',
    title: 'Un café entre parents',
    description: '',
    startsAt: '2026-03-11T10:00:00+01:00',
  });
  const conv = (await karim.parent.post(`/api/entraide/posts/${post.json().id}/answers`, { message: 'Avec plaisir !' })).json().id;
  await amel.parent.post(`/api/entraide/conversations/${conv}/share-contact`);
  await karim.parent.post(`/api/entraide/conversations/${conv}/share-contact`);
  expect((await (await j.env.as('agent')).post(`/api/entraide/households/${karim.householdId}/validation`)).statusCode).toBe(200);

  await j.loginAs(amel.identifier);
  await page.goto(`${url}/entraide/conversation?id=${conv}`);
  await page.getByRole('button', { name: 'Ajouter à mes parents de confiance (dépannage)' }).click();
  await expect.poll(() => page.getByText(/Ajouté à vos parents de confiance/).count()).toBe(1);
  await j.step('confiance-ajoutee');

  await page.getByRole('link', { name: 'Dépannage' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Retirer Karim' }).count()).toBe(1);
  await page.getByLabel('Pourquoi ?').selectOption('enfant-malade');
  await fillDate(page, 'À partir de', '2026-03-11T08:00');
  await fillDate(page, 'Jusqu’à', '2026-03-11T18:00');
  await page.getByLabel('Un mot pour vos parents de confiance').fill('Inès a de la fièvre et je travaille demain.');
  await page.getByRole('button', { name: 'Envoyer à tous mes parents de confiance' }).click();
  await expect.poll(() => page.getByText('Demande envoyée à 1 parent(s) de confiance.').count()).toBe(1);
  await expect.poll(() => page.getByText('Envoyée à vos parents de confiance, en attente d’une réponse').count()).toBe(1);
  await j.step('demande-envoyee', { fullPage: true });
  const sent = await j.env.rt.deps.db.query("SELECT recipient FROM notifications WHERE template = 'entraide.backup'");
  expect(sent.rows.map((r) => r.recipient)).toEqual([karim.identifier]);

  await j.loginAs(karim.identifier);
  await page.goto(`${url}/entraide/depannage`);
  await expect.poll(() => page.getByText('Amel a besoin d’un dépannage.').count()).toBe(1);
  await page.getByRole('button', { name: 'J’accepte, je m’en charge' }).click();
  await expect.poll(() => page.getByText(/Vous vous en chargez/).count()).toBe(1);
  await expect.poll(() => page.getByText(/4 rue du Marais/).count()).toBe(1);
  await j.step('voisin-accepte');

  await j.loginAs(amel.identifier);
  await page.goto(`${url}/entraide/depannage`);
  await expect.poll(() => page.getByText('Un parent vient :').count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: '0634343434' }).count()).toBeGreaterThan(0);
  await j.step('parent-vient');
});
