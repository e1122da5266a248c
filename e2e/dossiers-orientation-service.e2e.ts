/** Journey: an agent orients a family to one service of a partner structure, chosen from the directory. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('dossiers-orientation-service', { seed: true });
});
afterAll(() => j?.close());

it('orients a demo family to a precise service of a structure of the directory', async () => {
  const { page, url, env } = j;
  const { rows } = await env.rt.deps.db.query(`SELECT id FROM households ORDER BY created_at LIMIT 1`);
  await j.login('agent');
  await page.goto(`${url}/dossier/agent/familles/${rows[0].id}`);
  await page.getByLabel(/Motif de la consultation/).fill('Rendez-vous accès aux droits');
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  const structure = page.getByLabel('Structure vers laquelle orienter');
  await expect.poll(() => structure.locator('option').count()).toBeGreaterThan(0);
  // pick the first structure that offers services in the directory
  const labels = await structure.locator('option').allTextContents();
  let found = false;
  for (const label of labels) {
    await structure.selectOption({ label });
    found = await page.getByLabel('Service précis (facultatif)').waitFor({ timeout: 1500 }).then(() => true, () => false);
    if (found) break;
  }
  expect(found, 'a demo structure with services').toBe(true);
  const service = page.getByLabel('Service précis (facultatif)');
  const serviceName = (await service.locator('option').nth(1).textContent())!;
  await service.selectOption({ label: serviceName });
  await page.getByLabel(/Message pour la structure/).fill('Orientation vers un service précis');
  await j.step('choix-du-service');
  await page.getByRole('button', { name: 'Orienter' }).click();
  await expect.poll(() => page.getByText('Orientation envoyée.').count()).toBe(1);
  const o = await env.rt.deps.db.query(
    `SELECT o.service_id, s.nom FROM household_orientations o JOIN annuaire_services s ON s.id = o.service_id ORDER BY o.created_at DESC LIMIT 1`,
  );
  expect(o.rows[0]?.nom).toBe(serviceName);
  await j.step('orientation-envoyee');
});
