/**
 * Journey of the staff's follow-up of the entraide: an agent adds an item to the
 * parentothèque's stock, hands it to the family that reserved it, records its return, and
 * removes a reported post from the moderation queue.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('entraide-suivi', { now: '2026-03-10T10:00:00+01:00', viewport: { width: 360, height: 800 } });
}, 120_000);
afterAll(() => j?.close());

async function family(firstName: string) {
  const parent = await j.env.as('parent');
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Voisin', birthDate: '1990-02-02', phone: '0600000000' },
    children: [{ firstName: 'Tom', birthDate: '2018-05-05' }],
    address: { line: '1 rue du Marais', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'nord' },
  });
  expect(res.statusCode).toBe(201);
  return parent;
}

it('an agent follows the entraide: stock, loans, moderation', async () => {
  const { page, url } = j;
  await j.login('agent');
  await page.goto(`${url}/entraide/voisins`);
  await page.waitForURL(/\/entraide\/suivi$/);
  await expect.poll(() => page.getByRole('heading', { name: 'Stock de la parentothèque' }).count()).toBe(1);
  await page.getByLabel(/Nom de l’objet/).fill('Lit parapluie');
  await page.getByLabel('Catégorie').selectOption('lit');
  await page.getByLabel('Nom du donateur (facultatif)').fill('Association Les Petits Pas');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect.poll(() => page.getByText('Objet ajouté au stock.').count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: 'Lit parapluie' }).count()).toBe(1);
  await j.step('stock');

  // Its photo: a PNG carrying a text chunk with a GPS position (the server strips it, see entraide.int.test.ts).
  const onePixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const text = Buffer.from('Comment\0GPS 49.8941N 2.2958E', 'latin1');
  const chunk = Buffer.concat([Buffer.from([0, 0, 0, text.length]), Buffer.from('tEXt'), text, Buffer.from([0, 0, 0, 0])]);
  const png = Buffer.concat([onePixel.subarray(0, 33), chunk, onePixel.subarray(33)]);
  await page.getByLabel('Photo de « Lit parapluie »').setInputFiles({ name: 'lit.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Envoyer la photo : Lit parapluie' }).click();
  await expect.poll(() => page.getByRole('img', { name: 'Photo : Lit parapluie' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('img', { name: 'Photo : Lit parapluie' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await j.step('stock-photo');

  // A family reserves it; another reports a post.
  const sarah = await family('Sarah');
  const items = (await sarah.get('/api/entraide/items')).json().items;
  expect((await sarah.post(`/api/entraide/items/${items[0].id}/ask`)).statusCode).toBe(201);
  const post = await sarah.post('/api/entraide/posts', {
    kind: 'offer',
    category: 'courses',
    neighbourhoodId: 'nord',
    title: 'Vente de vêtements',
    description: 'Je vends des habits',
    startsAt: '2026-03-12T10:00:00+01:00',
  });
  const other = await family('Lucie');
  expect((await other.post('/api/entraide/reports', { postId: post.json().id, reason: 'Ce n’est pas de l’entraide, c’est une vente.' })).statusCode).toBe(201);

  await page.reload();
  await expect.poll(() => page.getByText(/Réservé par une famille le 10 mars 2026/).count()).toBe(1);
  await expect.poll(() => page.getByText(/c’est une vente/).count()).toBe(1);
  await j.step('a-traiter', { fullPage: true });
  await page.getByRole('button', { name: 'Accepter et remettre : Lit parapluie' }).click();
  await expect.poll(() => page.getByText('Prêté, à rendre avant le 9 avril 2026').count()).toBe(1);
  await page.getByRole('button', { name: 'Retirer l’annonce' }).click();
  await expect.poll(() => page.getByText('Aucun signalement en attente.').count()).toBe(1);
  await page.getByRole('button', { name: 'Objet rendu : Lit parapluie' }).click();
  await expect.poll(() => page.getByText('Aucune réservation ni aucun prêt en cours.').count()).toBe(1);
  expect((await sarah.get('/api/entraide/board/nord')).json().posts).toEqual([]);
  await expect.poll(() => page.getByText('Toutes les annonces de ce quartier ont reçu une réponse.').count()).toBe(1);
  await page.setViewportSize({ width: 1280, height: 900 });
  await j.step('traite-bureau', { fullPage: true });
});
