/**
 * Journey of the tutorat: an agent enters a volunteer tutor; a family asks for a tutor for
 * its child; the agent assigns the tutor the matching proposes; the family sees the tutor's
 * phone and notes a session done.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postFromPage, startJourney, type Journey, fillDate } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('entraide-tutorat', { now: '2026-03-10T10:00:00+01:00', viewport: { width: 360, height: 800 } });
}, 120_000);
afterAll(() => j?.close());

it('a family asks for a tutor; an agent assigns the one proposed; the family notes a session', async () => {
  const { page, url } = j;
  const agent = await j.login('agent');
  await page.goto(`${url}/entraide/suivi`);
  await expect.poll(() => page.getByRole('heading', { name: 'Inscrire un tuteur bénévole' }).count()).toBe(1);
  await page.getByLabel(/Prénom et études/).fill('Léa, licence de mathématiques');
  await page.getByLabel('Téléphone').fill('0700000001');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Inscrire un tuteur bénévole' }) });
  await form.getByText('Mathématiques', { exact: true }).click();
  await form.getByText('collège', { exact: true }).click();
  await form.getByText('mercredi', { exact: true }).click();
  await form.getByLabel('Quartier').selectOption('etouvie');
  await page.getByRole('button', { name: 'Inscrire le tuteur' }).click();
  await expect.poll(() => page.getByText('Tuteur inscrit et validé.').count()).toBe(1);
  await j.step('tuteur-inscrit');

  await page.context().clearCookies();
  const parent = await j.login('parent');
  const res = await postFromPage(page, '/api/dossiers/me', {
    parent: { firstName: 'Nora', lastName: 'Voisin', birthDate: '1985-03-03', phone: '0611111111' },
    children: [{ firstName: 'Adam', birthDate: '2013-09-09' }],
    address: { line: '7 rue de Picardie', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  });
  expect(res.status).toBe(201);
  await page.goto(`${url}/entraide/tutorat`);
  await page.getByLabel(/Prénom de l’enfant/).fill('Adam');
  await page.getByLabel('Matière').selectOption('maths');
  await page.getByLabel('Niveau').selectOption('college');
  await page.getByLabel('Jour de la semaine').selectOption('3');
  await page.getByLabel(/De \(heure\)/).fill('15:00');
  await page.getByLabel(/À \(heure\)/).fill('17:00');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect.poll(() => page.getByText(/un agent cherche un tuteur près de chez vous/).count()).toBe(1);
  await j.step('demande-famille');

  await j.loginAs(agent.identifier);
  await page.goto(`${url}/entraide/suivi`);
  await page.getByRole('button', { name: /Attribuer à Léa, licence de mathématiques \(0 km\)/ }).click();
  await expect.poll(() => page.getByText('Aucune demande en attente.').count()).toBe(1);

  await j.loginAs(parent.identifier);
  await page.goto(`${url}/entraide/tutorat`);
  await expect.poll(() => page.getByRole('link', { name: '0700000001' }).count()).toBe(1);
  await fillDate(page, 'Date de la séance faite', '2026-03-04');
  await page.getByLabel('Durée (minutes)').fill('90');
  await page.getByRole('button', { name: 'Noter la séance' }).click();
  await expect.poll(() => page.getByText('Séances faites : 1 h 30').count()).toBe(1);
  await j.step('seance-notee');
});
