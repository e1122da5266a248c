/**
 * Journey: nothing typed is lost. A parent fills the household file on a 360 px phone and
 * reloads the page at every step: what was typed and the step come back. One step resumes
 * from the server alone (as on another device), one is typed without a connection and
 * reaches the server when the network is back. The saved file holds the rent without
 * charges, the simulator prefilled from it shows the same rent, and the printable export
 * reads as words and fits the phone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDate, nextStep, startJourney, type Journey } from './harness';

let j: Journey;
let userId = '';

beforeAll(async () => {
  j = await startJourney('dossiers-brouillon', { now: '2026-12-04T10:00:00+01:00', viewport: { width: 360, height: 740 } });
});
afterAll(() => j?.close());

const h2 = () => j.page.locator('#household-form-step').textContent();
const serverDraft = async (): Promise<{ step: number; data: any } | null> => {
  const { rows } = await j.env.rt.deps.db.query(`SELECT step, data FROM household_drafts WHERE user_id = $1 AND form = 'remplir'`, [userId]);
  return rows[0] ?? null;
};
const pendingHere = () => j.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('relais.dossiers.brouillon.')).length);

/** Reload, wait for the form, check it resumed on this step. */
async function reloadOn(step: string) {
  await j.page.reload();
  await expect.poll(h2).toBe(step);
  await expect.poll(() => j.page.getByText(/Nous avons gardé ce que vous aviez saisi le/).count()).toBe(1);
}

it('a reload at every step keeps what was typed and the step', async () => {
  const { page, url } = j;
  const me = await j.login('parent');
  userId = me.id;
  await page.goto(`${url}/dossier/remplir`);
  await expect.poll(h2).toBe('Vous');

  await page.getByLabel('Prénom', { exact: true }).fill('Nadia');
  await page.getByLabel('Nom', { exact: true }).fill('Martin');
  await fillDate(page, 'Date de naissance', '1990-05-12');
  await expect.poll(async () => (await serverDraft())?.data.parent.lastName).toBe('Martin');
  await reloadOn('Vous');
  expect(await page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('Nadia');
  expect(await page.locator('input[type="hidden"][name="parent-birthDate"]').inputValue()).toBe('1990-05-12');
  await j.step('reprise-vous');

  await nextStep(page);
  await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
  await page.getByLabel(/Prénom de l’enfant/).fill('Lina');
  await fillDate(page, /Date de naissance de l’enfant/, '2017-12-03');
  await reloadOn('Vos enfants');
  expect(await page.getByLabel(/Prénom de l’enfant/).inputValue()).toBe('Lina');
  expect(await page.locator('input[type="hidden"][name="child-0-birthDate"]').inputValue()).toBe('2017-12-03');
  await j.step('reprise-enfants');

  await nextStep(page);
  await page.getByLabel('Numéro et rue').fill('12 rue des Lilas');
  await page.getByLabel('Code postal').fill('80000');
  await page.getByLabel('Quartier').selectOption('nord');
  // Another device: nothing in this browser, the server's draft alone.
  await expect.poll(async () => (await serverDraft())?.data.address.neighbourhoodId).toBe('nord');
  await expect.poll(pendingHere).toBe(0);
  await reloadOn('Votre adresse');
  expect(await page.getByLabel('Numéro et rue').inputValue()).toBe('12 rue des Lilas');
  expect(await page.getByLabel('Quartier').inputValue()).toBe('nord');
  await j.step('reprise-adresse-serveur');

  await nextStep(page);
  await page.getByLabel('Votre situation').selectOption('inactif');
  await page.getByLabel('Pension alimentaire reçue par mois (€)').fill('0');
  await page.getByLabel('Votre logement').selectOption('locataire_vide');
  await expect.poll(async () => (await serverDraft())?.data.housing?.status).toBe('locataire_vide');
  // The connection drops: what is typed stays on the phone, and says so.
  await j.context.setOffline(true);
  await page.getByLabel('Loyer par mois, sans les charges').fill('450');
  await page.getByLabel('Charges par mois, si vous les connaissez').fill('60');
  await page.getByLabel('Charges par mois, si vous les connaissez').blur();
  await expect.poll(() => page.getByText(/Pas de connexion : ce que vous saisissez est gardé sur ce téléphone/).count()).toBe(1);
  expect(await pendingHere()).toBe(1);
  await j.step('hors-ligne');
  await j.context.setOffline(false);
  await expect.poll(async () => (await serverDraft())?.data.housing).toMatchObject({ rentMonthlyCents: 45000, chargesMonthlyCents: 6000 });
  await expect.poll(pendingHere).toBe(0);
  await reloadOn('Vos ressources et votre logement');
  expect(await page.getByLabel('Loyer par mois, sans les charges').inputValue()).toMatch(/^450/);
  await j.step('reprise-ressources');

  await nextStep(page);
  await reloadOn("L'autre parent");
  await nextStep(page);
  await reloadOn('Vérifier et enregistrer');
  await expect.poll(() => page.getByText('Lina (03/12/2017)').count()).toBe(1);
  await j.step('reprise-verifier');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/dossier\?enregistre=1/);
  await expect.poll(serverDraft).toBe(null);
  const file = await j.env.rt.deps.db.query(`SELECT rent_monthly_cents, charges_monthly_cents FROM households`);
  expect(file.rows[0]).toEqual({ rent_monthly_cents: 45000, charges_monthly_cents: 6000 });
  // Back to the form: a fresh start from the saved file, no draft to resume.
  await page.goto(`${url}/dossier/remplir`);
  await expect.poll(h2).toBe('Vous');
  expect(await page.getByText(/Nous avons gardé/).count()).toBe(0);
});

it('the simulator prefilled from the file asks and shows the same rent, the child’s age today, and which revaluation', async () => {
  const { page, url } = j;
  await page.goto(`${url}/droits/simulateur`);
  const h2 = () => page.getByRole('heading', { level: 2 }).first().textContent();
  // The file says nothing of a pension: the simulator starts there, the rest prefilled.
  await expect.poll(h2).toBe('Pension alimentaire');
  await page.getByText('Non, aucune pension n’a été fixée').click();
  await nextStep(page);
  await expect.poll(h2).toBe('Votre logement');
  // Asked in the same words as the file, with the file's figure.
  expect(await page.getByLabel('Loyer par mois, sans les charges').inputValue()).toMatch(/^450/);
  await j.step('simulateur-loyer');
  await nextStep(page);
  await nextStep(page);
  await expect.poll(h2).toBe('Récapitulatif');
  // Born 3 December 2017: 9 years old on 4 December 2026 (8 on the 1st of the month).
  await expect.poll(() => page.getByText(/^né·e le .*2017 \(9 ans\)$/).count()).toBe(1);
  await expect.poll(() => page.getByText('450,00 €').count()).toBe(1);
  await j.step('simulateur-recapitulatif');
  await page.getByRole('button', { name: 'Voir mes droits' }).click();
  await expect.poll(() => page.getByText(/^Montants de la revalorisation du /).count()).toBe(1);
  await expect.poll(() => page.getByText(/^Prochaine revalorisation attendue le /).count()).toBe(1);
  await j.step('simulateur-resultat');
});

it('the printable export reads as words and fits the phone', async () => {
  const { page, url } = j;
  await page.goto(`${url}/api/dossiers/me/export.html`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon dossier');
  expect(await page.locator('pre').count()).toBe(0);
  await expect.poll(() => page.getByText('Loyer sans les charges').count()).toBe(1);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await j.step('export-imprimable', { fullPage: true });
});
