/**
 * Journey: an agent creates a family's file at the desk with its consent recorded; a
 * school partner flags a situation (repérage précoce) with the family's consent, which
 * lands in the agents' tasks; a coordinator sets the renewal date and reads the
 * retention schedule.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDate, nextStep, startJourney, type Journey } from './harness';

let j: Journey;
const SCHOOL = '00000000-0000-4000-8000-0000000e0001';
beforeAll(async () => {
  j = await startJourney('dossiers-accueil', { now: '2026-03-10T10:00:00+01:00', viewport: { width: 390, height: 844 } });
});
afterAll(() => j?.close());

const h1 = () => j.page.getByRole('heading', { level: 1 }).textContent();

it('an agent creates a file with the family at the desk; consent is required and recorded', async () => {
  const { page, url } = j;
  await j.login('agent');
  await page.goto(`${url}/dossier`);
  await expect.poll(h1).toBe('Mes familles');
  await j.step('caseload-vide');
  await page.getByRole('link', { name: 'Créer un dossier à l’accueil' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill('Awa');
  await page.getByLabel('Nom', { exact: true }).fill('Diallo');
  for (let i = 0; i < 5; i++) await nextStep(page);
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await expect.poll(() => page.getByRole('alert').first().textContent()).toContain("L'accord de la famille est nécessaire");
  await j.step('accueil-sans-accord');
  await page.getByText('La famille accepte que le CCAS crée et conserve son dossier').click();
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await page.waitForURL(/\/dossier\/agent\/familles\//);
  await expect.poll(() => page.getByText('Accord donné par la famille au guichet : CCAS — Constitution et suivi de votre dossier par le CCAS').count()).toBe(1);
  await j.step('accueil-cree');
  // Completing the file with the family: a child added.
  await page.getByRole('button', { name: 'Compléter le dossier avec la famille' }).click();
  await nextStep(page);
  await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
  await page.getByLabel(/Prénom de l’enfant/).fill('Moussa');
  await fillDate(page, /Date de naissance de l’enfant/, '2017-04-02');
  for (let i = 0; i < 4; i++) await nextStep(page);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect.poll(() => page.getByText(/Moussa \(02\/04\/2017\)/).count()).toBe(1);
  await j.step('accueil-complete');
});

it('a school partner flags a situation with the family’s consent; the agents get a task', async () => {
  const { page, url } = j;
  const parent = await j.env.as('parent');
  const hid = (
    await parent.post('/api/dossiers/me', { parent: { firstName: 'Inès', lastName: 'Roux' }, children: [{ firstName: 'Tom', birthDate: '2016-05-05' }] })
  ).json().household.id;
  await j.env.structure(SCHOOL);
  await parent.post('/api/dossiers/me/consents', { structureId: SCHOOL, purpose: 'early-detection', parts: ['identity', 'children'] });
  await j.login('partner', { structureId: SCHOOL, displayName: 'École Jules Verne' });
  await page.goto(`${url}/dossier`);
  await expect.poll(h1).toBe('Orientations reçues');
  await expect.poll(() => page.getByText('Inès Roux — Tom').count()).toBe(1);
  await j.step('partenaire-reperage');
  await page.getByLabel(/Ce que vous observez/).fill('Absences répétées le lundi');
  await page.getByRole('button', { name: 'Signaler au CCAS' }).click();
  await expect.poll(() => page.getByText('Signalement transmis au CCAS.').count()).toBe(1);
  await j.step('partenaire-signale');
  const { rows } = await j.env.rt.deps.db.query(`SELECT kind, note FROM household_tasks WHERE household_id = $1`, [hid]);
  expect(rows).toEqual([{ kind: 'early_detection', note: 'Absences répétées le lundi' }]);
  // The family sees it in its access log.
  const log = (await parent.get('/api/dossiers/me/audit')).json();
  expect(log.map((a: { action: string }) => a.action)).toContain('dossiers/early-detection');
});

it('a coordinator sets the renewal date and reads the retention schedule', async () => {
  const { page, url } = j;
  await j.login('coordinator');
  await page.goto(`${url}/dossier`);
  await expect.poll(() => page.getByText('Repérage précoce signalé par un partenaire').count()).toBeGreaterThan(0);
  await page.getByLabel('Jour').fill('15');
  await page.getByLabel('Mois').fill('6');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect.poll(() => page.getByText('Vos informations sont enregistrées.').count()).toBe(1);
  await expect.poll(() => page.getByText('Rien n’est conservé.').count()).toBe(1);
  await j.step('coordination');
  const { rows } = await j.env.rt.deps.db.query(`SELECT value FROM platform_state WHERE key = 'dossiers.renewal-date'`);
  expect(rows[0].value).toEqual({ month: 6, day: 15 });
});
