/**
 * Journey: a family fills its file once (in steps, on a phone), shares part of it with a
 * partner, renews it the next year with one correction; an agent finds it, opens it with
 * a reason and orients it to the partner, who accepts, sees only the consented fields and
 * records the outcome; the agent's timeline shows it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDate, nextStep, startJourney, type Journey } from './harness';

let j: Journey;
let parentId = '';
let agentId = '';
/** The partner structure, in the directory under the name the family and the agent choose. */
const LIENS = '00000000-0000-4000-8000-0000000e0002';
const setClock = (iso: string) => (j.env.clock as unknown as { set(v: string): void }).set(iso);

beforeAll(async () => {
  j = await startJourney('dossiers', { now: '2026-03-10T10:00:00+01:00', viewport: { width: 390, height: 844 } });
  // The partner structure exists (in the directory) before the family chooses it.
  await j.env.rt.deps.db.query(
    `INSERT INTO annuaire_structures (id, source, di_id, nom, raw) VALUES ($1::uuid, 'e2e', $2::text, 'Association Les Liens', '{}'::jsonb)`,
    [LIENS, LIENS],
  );
  await j.env.as('partner', { structureId: LIENS, displayName: 'Association Les Liens' });
});
afterAll(() => j?.close());

const h1 = () => j.page.getByRole('heading', { level: 1 }).textContent();
const next = () => nextStep(j.page);

it('a parent fills the file once, in steps, and sees why each field is asked', async () => {
  const { page, url } = j;
  parentId = (await j.login('parent')).identifier;
  await page.goto(`${url}/dossier`);
  await expect.poll(h1).toBe('Mon dossier');
  await expect.poll(() => page.getByText("Vous n'avez pas encore de dossier.").count()).toBe(1);
  await j.step('dossier-vide');
  await page.getByRole('link', { name: 'Remplir mon dossier' }).click();
  await page.getByLabel('Prénom', { exact: true }).fill('Nadia');
  await page.getByLabel('Nom', { exact: true }).fill('Martin');
  await fillDate(page, 'Date de naissance', '1990-05-12');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  await page.getByText('Pourquoi on vous demande ceci ?').click();
  await expect.poll(() => page.getByText(/Simulateur de droits/).count()).toBeGreaterThan(0);
  await j.step('etape-vous');
  await next();
  await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
  await page.getByLabel(/Prénom de l’enfant/).fill('Lina');
  await fillDate(page, /Date de naissance de l’enfant/, '2018-09-01');
  await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
  await page
    .getByLabel(/Prénom de l’enfant/)
    .nth(1)
    .fill('Yanis');
  await fillDate(page, /Date de naissance de l’enfant/, '2021-02-20', { nth: 1 });
  await j.step('etape-enfants');
  await next();
  await page.getByLabel('Numéro et rue').fill('12 rue des Lilas');
  await page.getByLabel('Code postal').fill('80000');
  await page.getByLabel('Quartier').selectOption('nord');
  await j.step('etape-adresse');
  await next();
  await page.getByLabel('Votre situation').selectOption('actif');
  await page.getByLabel('Salaire net par mois (€)').fill('1100');
  await page.getByLabel('Pension alimentaire reçue par mois (€)').fill('0');
  await page.getByLabel('Votre logement').selectOption('locataire_hlm');
  await page.getByLabel(/Loyer par mois/).fill('480');
  await j.step('etape-ressources');
  await next();
  await j.step('etape-autre-parent');
  await next();
  await expect.poll(() => page.getByText('Lina (01/09/2018), Yanis (20/02/2021)').count()).toBe(1);
  await j.step('etape-verifier');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/dossier\?enregistre=1/);
  await expect.poll(() => page.getByText('Vos informations sont enregistrées.').count()).toBe(1);
  await expect.poll(() => page.getByText(/12 rue des Lilas, 80000, Amiens/).count()).toBe(1);
  const file = await j.env.rt.deps.db.query(`SELECT rent_monthly_cents, salary_net_monthly_cents, insee_code FROM households`);
  expect(file.rows[0]).toEqual({ rent_monthly_cents: 48000, salary_net_monthly_cents: 110000, insee_code: '80021' });
  await j.step('dossier-rempli');
});

it('the parent shares children and identity with the partner, for an orientation', async () => {
  const { page } = j;
  await page.getByLabel('Structure', { exact: true }).selectOption({ label: 'Association Les Liens' });
  await page.getByLabel('Pour quoi faire').selectOption('orientation');
  // Its last day is a day: one already past by the server's clock is refused on its field.
  await fillDate(page, /^Jusqu’au/, '2026-03-01');
  await page.getByRole('button', { name: 'Donner mon accord' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('alert')
        .getByText(/Jusqu’au.*Un accord ne peut pas finir avant aujourd’hui\./)
        .count(),
    )
    .toBe(1);
  await j.step('partage-date-passee');
  // The end of 2028 (the file is renewed in 2027 meanwhile): shown as the day chosen.
  await fillDate(page, /^Jusqu’au/, '2028-12-31');
  await page.getByRole('button', { name: 'Donner mon accord' }).click();
  await expect.poll(() => page.getByRole('button', { name: /Retirer mon accord/ }).count()).toBe(1);
  await expect.poll(() => page.getByText(/jusqu’au 31\/12\/2028/).count()).toBe(1);
  await j.step('partage');
});

it('next year, the family renews its file with one correction', async () => {
  const { page, url } = j;
  setClock('2027-09-02T08:00:00+02:00');
  await j.env.rt.deps.jobs.runNow('dossiers.open-renewals', {});
  const { rows } = await j.env.rt.deps.db.query(`SELECT recipient, subject FROM notifications WHERE template = 'dossiers.renewal-open'`);
  expect(rows).toEqual([{ recipient: parentId, subject: 'Renouvelez votre dossier 2027' }]);
  await j.loginAs(parentId); // the session expired meanwhile
  await page.goto(`${url}/dossier`);
  await expect.poll(() => page.getByText('C’est le moment de renouveler votre dossier pour 2027.').count()).toBe(1);
  await j.step('renouvellement-annonce');
  await page.getByRole('link', { name: 'Renouveler mon dossier' }).click();
  await expect.poll(h1).toBe('Renouvellement annuel');
  await expect.poll(() => page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('Nadia');
  await j.step('renouvellement-etape-1');
  await next();
  await next();
  await next();
  await page.getByLabel(/Loyer par mois/).fill('495');
  await j.step('renouvellement-correction');
  await next();
  await next();
  await page.getByRole('button', { name: 'Confirmer mon dossier pour 2027' }).click();
  await expect.poll(() => page.getByText('Merci ! Votre dossier est renouvelé pour 2027 (1 modification).').count()).toBe(1);
  await j.step('renouvellement-fait');
  await page.getByRole('link', { name: 'Mon dossier' }).last().click();
  await expect.poll(() => page.getByText(/Loyer par mois.*480,00.*→.*495,00/).count()).toBe(1);
  await j.step('historique');
});

it('an agent finds the family, opens the file with a reason and orients it to the partner', async () => {
  const { page, url } = j;
  agentId = (await j.login('agent')).identifier;
  await page.goto(`${url}/dossier`);
  await expect.poll(h1).toBe('Mes familles');
  // The agent's menu (opened on the phone) has « Mes familles », never the parent's « Mon dossier ».
  await page.getByRole('button', { name: /Menu/ }).click();
  const menu = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect.poll(() => menu.getByRole('link', { name: 'Mes familles' }).count()).toBe(1);
  expect(await menu.getByRole('link', { name: 'Mon dossier' }).count()).toBe(0);
  await j.step('agent-menu');
  await page.getByRole('button', { name: /Menu/ }).click();
  await page.getByLabel('Nom, téléphone ou prénom d’un enfant').fill('lina');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.getByRole('link', { name: 'Nadia Martin' }).click();
  await expect.poll(() => page.getByLabel(/Motif de la consultation/).count()).toBe(1);
  await j.step('agent-motif');
  await page.getByLabel(/Motif de la consultation/).fill('Rendez-vous accès aux droits');
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await expect.poll(() => page.getByText(/Lina/).count()).toBeGreaterThan(0);
  // Any structure of the directory, found by name; the family already shares with this one.
  await page.locator('input[name="orient-q"]').fill('Les Liens');
  await page.locator('form[role="search"]').first().getByRole('button', { name: 'Chercher dans l’annuaire' }).click();
  await expect.poll(() => page.locator('select[name="orient-structure"] option').count()).toBe(1);
  await expect.poll(() => page.getByText('La famille a déjà donné son accord à cette structure : l’orientation part tout de suite.').count()).toBe(1);
  await page.getByLabel(/Message pour la structure/).fill('Soutien à la parentalité, garde le mercredi');
  await page.getByRole('button', { name: 'Orienter', exact: true }).click();
  await expect.poll(() => page.getByText('Orientation envoyée à la structure.').count()).toBe(1);
  await expect.poll(() => page.getByText('Orientation vers Association Les Liens').count()).toBe(1);
  await j.step('agent-orientation');
});

it('the partner accepts, sees only the consented fields and records the outcome; the agent sees it', async () => {
  const { page, url } = j;
  await j.login('partner', { structureId: LIENS });
  await page.goto(`${url}/dossier`);
  await expect.poll(h1).toBe('Orientations reçues');
  await j.step('partenaire-liste');
  await page.getByRole('link', { name: 'Voir l’orientation' }).click();
  await page.getByRole('button', { name: 'Accepter l’orientation' }).click();
  await expect.poll(() => page.getByText(/Informations partagées par la famille/).count()).toBe(1);
  await expect.poll(() => page.locator('main').textContent()).toContain('Lina');
  const text = await page.locator('main').textContent();
  expect(text).not.toContain('12 rue des Lilas'); // address not consented
  expect(text).not.toContain('1 100'); // nor resources
  await j.step('partenaire-champs-partages');
  await page.getByText('Accompagnement engagé').click();
  await page.getByLabel(/Commentaire/).fill('Premier rendez-vous fixé');
  await page.getByRole('button', { name: 'Enregistrer le résultat' }).click();
  await expect.poll(() => page.getByText(/Accompagnement engagé — Premier rendez-vous fixé/).count()).toBe(1);
  await j.step('partenaire-resultat');

  await j.loginAs(agentId);
  await page.goto(`${url}/dossier`);
  await expect.poll(() => page.getByText("Résultat d'orientation reçu").count()).toBeGreaterThan(0);
  await j.step('agent-a-traiter');
  await page.getByRole('link', { name: 'Nadia Martin' }).first().click();
  await expect.poll(() => page.getByText('Résultat : Accompagnement engagé').count()).toBe(1);
  await j.step('agent-fil');
});
