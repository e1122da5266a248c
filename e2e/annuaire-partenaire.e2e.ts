/**
 * Journey (issue 18, partners): a partner volunteer finds « Ma fiche dans l’annuaire » in the menu
 * and on the home page, and edits the opening hours day by day on a phone (time pickers, a second
 * range for the lunch break, the same hours as the day before); the OSM syntax is stored, never typed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDate, startJourney, type Journey } from './harness';

let j: Journey;
const ETOUVIE = '00000000-0000-4000-8000-00000000a001';
beforeAll(async () => {
  j = await startJourney('annuaire-partenaire', { seed: true, viewport: { width: 360, height: 800 } });
});
afterAll(() => j?.close());

const stored = async () =>
  (await j.env.rt.deps.db.query<{ h: string }>(`SELECT horaires_accueil AS h FROM annuaire_structures WHERE id = $1`, [ETOUVIE])).rows[0].h;

it('a partner reaches its listing from the home page and reads its hours day by day', async () => {
  const { page, url } = j;
  await j.login('partner', { displayName: 'Bénévole du centre social' });
  await page.goto(url);
  await page
    .getByRole('link', { name: /Ma fiche dans l’annuaire/ })
    .last()
    .click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ma fiche dans l’annuaire');
  const hours = page.locator('fieldset#f-horaires_accueil');
  const time = (name: string) => hours.getByRole('group', { name, exact: true }).locator('[data-type="hour"], [data-type="minute"]').allTextContents();
  await expect.poll(() => time('Lundi, plage 2 — Fermeture')).toEqual(['18', '00']);
  expect(await hours.getByRole('checkbox', { name: 'Ouvert le dimanche' }).isChecked()).toBe(false);
  expect(await page.getByText(/Mo-Fr|OpenStreetMap/).count()).toBe(0);
  await j.step('horaires-jour-par-jour');
});

it('opens on Sunday morning, closes Wednesday afternoon, copies Tuesday onto Thursday: stored as OSM', async () => {
  const { page } = j;
  const hours = page.locator('fieldset#f-horaires_accueil');
  await hours.locator('label.check', { hasText: 'Ouvert le dimanche' }).click();
  await fillDate(hours, 'Dimanche, plage 1 — Ouverture', '10:00');
  await fillDate(hours, 'Dimanche, plage 1 — Fermeture', '12:30');
  await hours.getByRole('button', { name: /Retirer la plage 2 du mercredi/ }).click();
  await fillDate(hours, 'Jeudi, plage 2 — Fermeture', '19:00');
  // Overlapping ranges are named on their day before anything is sent.
  await fillDate(hours, 'Vendredi, plage 2 — Ouverture', '11:00');
  await expect.poll(() => hours.getByText('Deux plages horaires se chevauchent.').count()).toBe(1);
  await hours.getByRole('button', { name: /Mêmes horaires que le jeudi/ }).click();
  await j.step('horaires-modifies');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect.poll(() => page.getByText('Fiche enregistrée').count()).toBe(1);
  expect(await stored()).toBe('Mo-Tu 09:00-12:00,13:30-18:00; We,Sa 09:00-12:00; Th-Fr 09:00-12:00,13:30-19:00; Su 10:00-12:30');
  await j.env.expectAudit('annuaire/listing-updated', ETOUVIE);
  await j.step('horaires-enregistres');
});

it('the public listing shows the new hours in words', async () => {
  const { page, url } = j;
  await page.goto(`${url}/annuaire/structures/${ETOUVIE}`);
  // A service's week is folded (its table is made when unfolded): unfold the first one.
  await page.locator('details.annuaire-hours > summary').first().click();
  await expect.poll(() => page.getByText(/dimanche/i).count()).toBeGreaterThan(0);
  await j.step('fiche-publique');
});
