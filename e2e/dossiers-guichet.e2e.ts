/**
 * Journey (issue 18, staff side): an agent finds « Mes familles » on its home, opens a family's
 * file (the family's name as heading), reads its consents in the third person and records a
 * withdrawal the family asks for at the desk; orients the family to a precise service of a
 * structure it had not shared with — the family confirms from its own space, then the structure
 * sees it; the agent prints the file's summary. The family's access log names the structure and
 * the service, and reads the agent's visit as one line.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postFromPage, startJourney, type Journey } from './harness';

let j: Journey;
let parentLogin: string;
let householdId: string;
const ETOUVIE = '00000000-0000-4000-8000-00000000a001';
let service: { id: string; nom: string };
let otherStructure: { id: string; nom: string };

beforeAll(async () => {
  j = await startJourney('dossiers-guichet', { seed: true, now: '2026-12-04T10:00:00+01:00', viewport: { width: 1280, height: 900 } });
  const db = j.env.rt.deps.db;
  // A structure of the demo directory with a service, other than the one the family will share with at the desk.
  const { rows } = await db.query(
    `SELECT st.id, st.nom, s.id AS service_id, s.nom AS service_nom FROM annuaire_structures st JOIN annuaire_services s ON s.structure_id = st.id
      WHERE st.id <> $1 ORDER BY st.nom, s.nom LIMIT 1`,
    [ETOUVIE],
  );
  otherStructure = { id: rows[0].id, nom: rows[0].nom };
  service = { id: rows[0].service_id, nom: rows[0].service_nom };
});
afterAll(() => j?.close());

const h1 = () => j.page.getByRole('heading', { level: 1 }).textContent();

it('a family gives its file and a consent from its own space', async () => {
  const { page, url } = j;
  parentLogin = (await j.login('parent', { displayName: 'Awa Diallo' })).identifier;
  const created = await postFromPage(page, `${url}/api/dossiers/me`, {
    parent: { firstName: 'Awa', lastName: 'Diallo', birthDate: '1990-05-02', phone: '06 12 34 56 78' },
    children: [{ firstName: 'Moussa', birthDate: '2017-04-02' }],
    situation: { activity: 'actif', salaryNetMonthlyCents: 90000 },
    housing: { status: 'locataire_vide', rentMonthlyCents: 45000 },
  });
  expect(created.status).toBe(201);
  householdId = created.json.household.id;
  expect(
    (await postFromPage(page, `${url}/api/dossiers/me/consents`, { structureId: ETOUVIE, purpose: 'orientation', parts: ['identity', 'children'] })).status,
  ).toBe(201);
});

it('the agent finds « Mes familles » on its home and opens the file: the family’s name heads the page, staff words only', async () => {
  const { page, url } = j;
  await j.login('agent', { displayName: 'Claire Martin (agent)' });
  await page.goto(url);
  await page
    .getByRole('link', { name: /Mes familles/ })
    .first()
    .click();
  await expect.poll(h1).toBe('Mes familles');
  await page.getByLabel(/Nom, téléphone/).fill('Diallo');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.getByRole('link', { name: 'Awa Diallo' }).click();
  await page.getByLabel(/Motif de la consultation/).fill('Rendez-vous logement');
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await expect.poll(h1).toBe('Famille Awa Diallo');
  await expect.poll(() => page.getByText(/Awa Diallo a donné son accord depuis son espace le 04\/12\/2026\./).count()).toBe(1);
  // Never the family's first person on the agent's page.
  expect(await page.getByRole('button', { name: /Donner mon accord|Retirer mon accord/ }).count()).toBe(0);
  expect(await page.getByText(/Vous pouvez retirer votre accord/).count()).toBe(0);
  expect(await page.getByText('Je travaille').count()).toBe(0);
  await j.step('dossier-ouvert');
});

it('a withdrawal the family asks for at the desk is recorded as its statement, with the agent’s name', async () => {
  const { page } = j;
  await page.getByRole('button', { name: /Enregistrer le retrait demandé par la famille/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Enregistrer le retrait demandé par la famille' }).click();
  await expect.poll(() => dialog.getByText(/cochez que la famille l’a dit elle-même/i).count()).toBeGreaterThan(0);
  await j.step('retrait-sans-declaration');
  await dialog.getByText('Awa Diallo m’a dit elle-même, au guichet, qu’elle retire cet accord.').click();
  await dialog.getByRole('button', { name: 'Enregistrer le retrait demandé par la famille' }).click();
  await expect
    .poll(() => page.getByText(/Awa Diallo a retiré son accord au guichet le 04\/12\/2026 \(enregistré par Claire Martin \(agent\)\)\./).count())
    .toBe(1);
  await j.env.expectAudit('dossiers/consent-revoked', null, { householdId });
  await j.step('retrait-enregistre');
});

it('orients the family to a precise service of any structure: it waits for the family’s consent', async () => {
  const { page } = j;
  await page.locator('input[name="orient-q"]').fill(service.nom);
  await page.locator('form[role="search"]').first().getByRole('button', { name: 'Chercher dans l’annuaire' }).click();
  const structure = page.locator('select[name="orient-structure"]');
  await expect.poll(() => structure.locator('option').count()).toBeGreaterThan(0);
  await structure.selectOption({ value: otherStructure.id });
  await page.locator('select[name="orient-service"]').selectOption({ label: service.nom });
  await page.getByLabel(/Message pour la structure/).fill('Recherche d’un logement plus grand');
  await page.getByRole('button', { name: 'Orienter', exact: true }).click();
  await expect.poll(() => page.getByText('Dites comment la famille donne son accord : au guichet, ou depuis son espace.').count()).toBeGreaterThan(0);
  await j.step('orientation-sans-accord');
  await page.getByText('La famille confirmera depuis son espace').click();
  await page.getByRole('button', { name: 'Orienter', exact: true }).click();
  await expect.poll(() => page.getByText('Orientation enregistrée : elle attend l’accord de la famille.').count()).toBe(1);
  await expect
    .poll(() => page.getByText(`Orientation vers ${otherStructure.nom}, service « ${service.nom} » (en attente de l’accord de la famille)`).count())
    .toBe(1);
  await j.step('orientation-en-attente');
});

it('prints a summary of the file: labels, third person, no menu on paper', async () => {
  const { page } = j;
  await page.getByRole('link', { name: 'Fiche imprimable' }).click();
  await expect.poll(h1).toBe('Fiche de synthèse — Awa Diallo');
  await expect.poll(() => page.getByText('En emploi').count()).toBe(1);
  expect(await page.getByText('Locataire (logement vide)').count()).toBe(1);
  expect(await page.getByText(/900,00\s€/).count()).toBe(1);
  await j.step('fiche');
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
  await j.step('fiche-impression');
  await page.emulateMedia({ media: 'screen' });
});

it('the family confirms from its space; the structure then sees it; the access log tells one truth', async () => {
  const { page, url } = j;
  await j.loginAs(parentLogin);
  await page.goto(`${url}/dossier`);
  await expect.poll(() => page.getByText(new RegExp(`vous propose d’être accompagné·e par ${otherStructure.nom.replace(/[()]/g, '.')}`)).count()).toBe(1);
  await j.step('famille-orientation-proposee');
  await page.locator('section.card').filter({ hasText: 'Orientations proposées par le CCAS' }).getByRole('button', { name: 'Donner mon accord' }).click();
  await expect.poll(() => page.getByText('Merci : l’orientation est envoyée.').count()).toBe(1);

  // The structure's partner account (its own name is not the structure's).
  await j.login('partner', { structureId: otherStructure.id, displayName: 'Compte bénévole' });
  await page.goto(`${url}/dossier`);
  await page
    .getByRole('link', { name: /Voir l’orientation/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Accepter l’orientation' }).click();
  await expect.poll(() => page.getByText('Awa').count()).toBeGreaterThan(0);

  await j.loginAs(parentLogin);
  await page.goto(`${url}/dossier`);
  const log = page.locator('section, .card').filter({ hasText: 'Qui a consulté' }).last();
  await expect.poll(() => log.getByText(/Dossier ouvert par un agent \(\d+ consultations/).count()).toBe(1);
  expect(await log.getByText(/Dossier consulté par un agent/).count()).toBe(0);
  await expect
    .poll(() =>
      log.getByText(new RegExp(`Orientation vers ${otherStructure.nom.replace(/[()]/g, '.')}, service « ${service.nom.replace(/[()]/g, '.')} »`)).count(),
    )
    .toBe(1);
  expect(await log.getByText(otherStructure.nom).count()).toBeGreaterThan(1);
  expect(await log.getByText('Compte bénévole').count()).toBe(0);
  await j.step('famille-journal');
});
