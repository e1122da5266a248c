/** Journey: an agent orients a family to one service of a structure found in the directory by name; consent given at the desk. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('dossiers-orientation-service', { seed: true });
});
afterAll(() => j?.close());

it('orients a demo family to a precise service of a structure of the directory, with the consent the family gives at the desk', async () => {
  const { page, url, env } = j;
  const { rows } = await env.rt.deps.db.query(`SELECT id FROM households ORDER BY created_at LIMIT 1`);
  // A structure of the demo directory with services that the family has not shared with.
  const chosen = (
    await env.rt.deps.db.query(
      `SELECT st.id, st.nom, s.nom AS service FROM annuaire_structures st JOIN annuaire_services s ON s.structure_id = st.id
        WHERE NOT EXISTS (SELECT 1 FROM household_consents c WHERE c.structure_id = st.id) ORDER BY st.nom, s.nom LIMIT 1`,
    )
  ).rows[0] as { id: string; nom: string; service: string };
  await j.login('agent');
  await page.goto(`${url}/dossier/agent/familles/${rows[0].id}`);
  await page.getByLabel(/Motif de la consultation/).fill('Rendez-vous accès aux droits');
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await page.locator('input[name="orient-q"]').fill(chosen.nom);
  await page.locator('form[role="search"]').first().getByRole('button', { name: 'Chercher dans l’annuaire' }).click();
  const structure = page.locator('select[name="orient-structure"]');
  await expect.poll(() => structure.locator('option').count()).toBeGreaterThan(0);
  await structure.selectOption({ value: chosen.id });
  const service = page.locator('select[name="orient-service"]');
  await expect.poll(() => service.locator('option').count()).toBeGreaterThan(1);
  await service.selectOption({ label: chosen.service });
  await page.locator('label.check', { hasText: 'Enfants' }).first().click();
  await page.getByText('La famille, présente, donne son accord maintenant, au guichet').click();
  await page.getByLabel(/Message pour la structure/).fill('Orientation vers un service précis');
  await j.step('choix-du-service');
  await page.getByRole('button', { name: 'Orienter', exact: true }).click();
  await expect.poll(() => page.getByText('Orientation envoyée à la structure.').count()).toBe(1);
  const o = await env.rt.deps.db.query(
    `SELECT o.status, s.nom FROM household_orientations o JOIN annuaire_services s ON s.id = o.service_id ORDER BY o.created_at DESC LIMIT 1`,
  );
  expect(o.rows[0]).toEqual({ status: 'sent', nom: chosen.service });
  const c = await env.rt.deps.db.query(`SELECT recorded_at_desk, parts FROM household_consents WHERE structure_id = $1`, [chosen.id]);
  expect(c.rows).toEqual([{ recorded_at_desk: true, parts: ['identity', 'children'] }]);
  await expect.poll(() => page.getByText(/a donné son accord au guichet le/).count()).toBeGreaterThan(0);
  await j.step('orientation-envoyee');
});
