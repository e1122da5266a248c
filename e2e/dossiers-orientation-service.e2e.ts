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
  // The first structure offered that has services in the directory, asked to the API the
  // page uses (as the agent), rather than tried in turn against a short wait.
  const offered = (await (await page.request.get(`${url}/api/dossiers/structures`)).json()) as { structureId: string; name: string }[];
  let chosen: { name: string; services: { nom: string }[] } | undefined;
  for (const s of offered) {
    const listing = (await (await page.request.get(`${url}/api/annuaire/structures/${s.structureId}`)).json()) as { services?: { nom: string }[] };
    if (listing.services?.length) {
      chosen = { name: s.name, services: listing.services };
      break;
    }
  }
  expect(chosen, 'a demo structure with services').toBeDefined();
  await structure.selectOption({ label: chosen!.name });
  const service = page.getByLabel('Service précis (facultatif)');
  await expect.poll(() => service.locator('option').count()).toBe(chosen!.services.length + 1);
  const serviceName = (await service.locator('option').nth(1).textContent())!;
  expect(serviceName).toBe(chosen!.services[0]!.nom);
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
