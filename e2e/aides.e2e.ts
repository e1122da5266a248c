/**
 * Journey: a family checks its eligibility to the local aids, asks for the aide au permis
 * with a document; the agent asks for a missing document, the family adds it, the agent
 * grants it, the fund's remainder drops, the family is told; then an agent files a
 * request at the desk under a mandate the family gives, assigns and grants it: the chèque
 * santé lands on the family's chèques account. The family's file lists the aids it can get.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tx } from '../src/platform/db/pool';
import { installAidFiles } from '../src/modules/aides/catalogue.service';
import { postFromPage, startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('aides', { now: '2026-03-10T10:00:00+01:00', viewport: { width: 360, height: 800 } });
  await tx(j.env.rt.deps.db, (t) => installAidFiles(t, j.env.clock.now(), 2026));
}, 120_000);
afterAll(() => j?.close());

const pdf = (text: string) => ({ name: 'piece.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n% ${text}\n`) });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** Intl writes thousands with a narrow no-break space. */
const spaces = (s: string | null) => s?.replace(/\s/g, ' ') ?? null;

it('a family asks for the aide au permis; the agent asks for a document, grants it; the fund drops; the family is told; a request at the desk under a mandate', async () => {
  const { page, url } = j;

  // Anyone reads every aid and its conditions, without an account.
  await page.goto(`${url}/aides`);
  await expect.poll(() => h1(page)).toBe('Demander une aide');
  await expect.poll(() => page.getByRole('heading', { name: 'Aide au permis de conduire' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Quotient familial de 700 € ou moins').count()).toBeGreaterThan(0);
  await j.step('catalogue-sans-compte');
  // Without an account, the simulator: what is not answered is asked, a threshold passed is told with its margin.
  await page.getByLabel('Votre commune').selectOption('Amiens');
  await page.getByLabel(/^Quotient familial/).fill('812');
  await page.getByRole('button', { name: 'Voir les aides pour moi' }).click();
  const results = page.locator('section[aria-labelledby="aides-sim"] .item-list');
  await expect.poll(() => results.getByText('quotient familial 812 € > 700 €, soit 112 € au-dessus').count()).toBeGreaterThan(0);
  await expect.poll(() => results.getByText('Quel âge ont vos enfants ?').count()).toBeGreaterThan(0);
  await j.step('simulateur-sans-compte');

  // The family: its file (entered earlier, with its tax notice), then its aids.
  const parent = await j.login('parent');
  const created = await postFromPage(page, '/api/dossiers/me', {
    parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12', email: parent.identifier },
    children: [{ firstName: 'Lina', birthDate: '2019-09-01' }],
    address: { line: '12 rue des Lilas', postalCode: '80000', city: 'Amiens', inseeCode: '80021', neighbourhoodId: 'nord' },
    situation: { activity: 'chomeur', unemploymentNetMonthlyCents: 90000, annualIncomeCents: 1_000_000, familyBenefitsMonthlyCents: 20_000 },
    housing: { status: 'locataire_hlm', rentMonthlyCents: 45000 },
  });
  expect(created.status).toBe(201);
  const householdId = created.json.household.id as string;
  expect((await postFromPage(page, '/api/dossiers/me/documents', { kind: 'avis-imposition', validFrom: '2025-09-01', validUntil: '2026-08-31' })).status).toBe(
    201,
  );

  await page.goto(`${url}/aides`);
  const permis = page
    .locator('#mine ~ ul > li, section[aria-labelledby="mine"] li')
    .filter({ has: page.getByRole('heading', { name: 'Aide au permis de conduire' }) });
  await expect.poll(() => permis.getByText('À vérifier').count()).toBe(1);
  await page.getByLabel('Depuis combien de mois habitez-vous la commune ?').fill('24');
  await page.getByRole('button', { name: 'Mettre à jour' }).click();
  await expect.poll(() => permis.getByText('Vous pouvez l’obtenir').count()).toBe(1);
  await expect.poll(() => permis.getByText('Vous êtes prioritaire').count()).toBe(1);
  await expect.poll(() => page.getByText('quotient familial', { exact: false }).count()).toBeGreaterThan(0);
  await j.step('eligibilite-famille');

  // Where the family already looks: its file lists the local aids it can get, each with its request form.
  await page.goto(`${url}/dossier`);
  const offers = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Les aides de la ville' }) });
  await expect.poll(() => offers.getByRole('heading', { name: 'Aide au permis de conduire' }).count()).toBe(1);
  await expect.poll(() => offers.getByRole('link', { name: 'Demander Aide au permis de conduire' }).count()).toBe(1);
  await j.step('dossier-aides-locales');
  await page.goto(`${url}/aides`);
  await page.getByLabel('Depuis combien de mois habitez-vous la commune ?').fill('24');
  await page.getByRole('button', { name: 'Mettre à jour' }).click();
  await expect.poll(() => permis.getByText('Vous pouvez l’obtenir').count()).toBe(1);

  // Asking: the file's fields are shown, not asked; the tax notice is already there; one document uploaded.
  await permis.getByRole('link', { name: 'Demander cette aide' }).click();
  await expect.poll(() => h1(page)).toBe('Demander : Aide au permis de conduire');
  await expect.poll(() => page.getByText('Samia').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText('Déjà dans votre dossier : il sera joint, rien à refaire.').count()).toBe(1);
  await page.getByLabel(/^Coût total du permis/).fill('1500');
  await page.getByLabel(/^Nom de l'auto-école/).fill('Auto-école du Nord');
  await page.getByLabel('Choisir le fichier (Justificatif de domicile de moins de 3 mois)').setInputFiles(pdf('quittance'));
  await j.step('formulaire-demande');
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await page.waitForURL(/\/aides\/demandes\//);
  const requestUrl = page.url().replace(/\?.*$/, '');
  await expect.poll(() => page.getByText('Votre demande est envoyée.').count()).toBe(1);
  await expect.poll(() => page.getByText('Déposée').first().count()).toBe(1);
  await j.step('demande-envoyee');

  // The agent: the queue, the request, a missing document asked for.
  const agent = await j.login('agent', { displayName: 'Claire Agent' });
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${url}/aides/instruction`);
  await expect.poll(() => h1(page)).toBe('File des demandes d’aide');
  await expect.poll(() => page.getByRole('link', { name: 'Aide au permis de conduire' }).count()).toBe(1);
  await j.step('file-des-demandes');
  await page.getByRole('link', { name: 'Aide au permis de conduire' }).click();
  await page.getByRole('button', { name: 'Prendre en instruction' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Demander une correction' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Demande attribuée à Claire Agent.').count()).toBe(1);
  await page.getByLabel('Pièce à fournir').selectOption('devis');
  await page.getByLabel('Message à la famille').fill("Merci de joindre le devis de l'auto-école.");
  await page.getByRole('button', { name: 'Envoyer la demande de correction' }).click();
  await expect.poll(() => page.getByText('À corriger').first().count()).toBe(1);
  await j.step('correction-demandee');

  // The family adds the document and answers.
  await j.loginAs(parent.identifier);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(requestUrl);
  await expect.poll(() => page.getByRole('heading', { name: 'Le CCAS a besoin d’un complément' }).count()).toBe(1);
  await expect.poll(() => page.getByText("Demandé : Devis de l'auto-école").count()).toBe(1);
  // The document and the answer go together: one submission.
  await page.getByLabel("Choisir le fichier (Devis de l'auto-école)").setInputFiles(pdf('devis'));
  await j.step('complement-formulaire');
  await page.getByRole('button', { name: 'J’ai complété, reprendre l’étude' }).click();
  await expect.poll(() => page.getByText('En instruction').first().count()).toBe(1);
  await expect.poll(() => page.locator('section[aria-labelledby="docs-title"] li').filter({ hasText: "Devis de l'auto-école" }).count()).toBe(1);
  await j.step('complement-envoye');

  // The agent grants; the fund's remainder drops.
  await j.loginAs(agent.identifier);
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${url}/aides/fonds`);
  await expect.poll(() => h1(page)).toBe('Fonds des aides locales');
  const mobilite = page.locator('tr[data-fund="fonds-mobilite"]');
  await expect.poll(() => mobilite.locator('td').nth(3).textContent().then(spaces)).toBe('20 000,00 €');
  await page.goto(requestUrl);
  await page.getByLabel('Montant accordé (€)').fill('1200');
  await page.getByRole('button', { name: 'Accorder ce montant' }).click();
  await expect.poll(() => page.getByText('Accordée : 1 200,00 €').count()).toBe(1);
  await j.step('accordee-agent');
  await page.goto(`${url}/aides/fonds`);
  await expect.poll(() => mobilite.locator('td').nth(3).textContent().then(spaces)).toBe('18 800,00 €');
  await expect.poll(() => mobilite.locator('td').nth(1).textContent().then(spaces)).toBe('1 200,00 €');
  await j.step('fonds-restant');

  // The family is told (outbox), in plain French.
  const { rows } = await j.env.rt.deps.db.query(`SELECT body FROM notifications WHERE recipient = $1 AND template = 'aides.status' ORDER BY created_at`, [
    parent.identifier,
  ]);
  expect(rows.map((r: { body: string }) => r.body).join('\n')).toMatch(
    /Bonne nouvelle : votre demande « Aide au permis de conduire » est accordée\.[\s\S]*Montant : 1 200 €/,
  );

  // At the desk: the family gives a mandate, the agent files under it.
  await page.goto(`${url}/aides/guichet/${householdId}`);
  await expect.poll(() => h1(page)).toBe('Au guichet : demander pour une famille');
  await page.getByLabel('Aide concernée').selectOption('cheque-sante');
  await page.getByLabel(/^Objet du mandat/).fill('Demande du chèque santé au guichet');
  await page.getByLabel('Motif d’ouverture du dossier').fill('Accueil au guichet du CCAS');
  await page.getByRole('button', { name: 'Enregistrer le mandat' }).click();
  await expect.poll(() => page.getByText('Mandat enregistré.').count()).toBe(1);
  await j.step('guichet-mandat');
  await page.getByRole('button', { name: 'Déposer la demande pour la famille' }).click();
  await page.waitForURL(/\/aides\/demandes\//);
  await expect.poll(() => h1(page)).toBe('Demande : Chèque santé');
  await expect.poll(() => page.getByText('sous mandat de la famille').first().count()).toBe(1);
  await j.step('guichet-demande');

  // Assignment: to a colleague, then the queue lists by assignee; the agent takes it back and grants it.
  const chequeUrl = page.url();
  await j.env.as('agent', { displayName: 'Marc Instructeur' });
  await page.reload();
  await page.getByLabel('Attribuer à').selectOption({ label: 'Marc Instructeur' });
  await page.getByRole('button', { name: 'Attribuer', exact: true }).click();
  await expect.poll(() => page.getByText('Demande attribuée à Marc Instructeur.').count()).toBe(1);
  await j.step('attribuee-collegue');
  await page.goto(`${url}/aides/instruction`);
  await page.getByLabel('Attribuée à').selectOption({ label: 'Marc Instructeur' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect.poll(() => page.getByRole('link', { name: 'Chèque santé' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: 'Aide au permis de conduire' }).count()).toBe(0);
  await j.step('file-par-agent');
  await page.goto(chequeUrl);
  await page.getByRole('button', { name: 'Me l’attribuer' }).click();
  await expect.poll(() => page.getByText('Demande attribuée à Claire Agent.').count()).toBe(1);
  await page.getByRole('button', { name: 'Prendre en instruction' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Accorder' }).count()).toBe(1);
  await page.getByLabel('Montant accordé (€)').fill('150');
  await page.getByRole('button', { name: 'Accorder ce montant' }).click();
  await expect.poll(() => page.getByText('Accordée : 150,00 €').count()).toBe(1);

  // The family sees the mandate and the request filed for it.
  await j.loginAs(parent.identifier);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${url}/aides`);
  await expect.poll(() => page.getByText(/Demande du chèque santé au guichet — Claire Agent, jusqu’au/).count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: 'Chèque santé' }).count()).toBe(1);
  await j.step('famille-mandat-visible');
  // The chèque santé granted is on the family's chèques account.
  const mine = await j.page.evaluate(async () => (await fetch('/api/cheques/me')).json());
  expect(mine.accounts.find((a: { kind: string }) => a.kind === 'sante').balanceCents).toBe(15000);

  // An admin raises the chèque santé's threshold: a preview of who becomes eligible, then a new dated version.
  await j.login('admin');
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${url}/aides/admin/cheque-sante`);
  await expect.poll(() => h1(page)).toBe('Modifier : Chèque santé');
  await page.getByLabel('Quotient familial maximum (€)').fill('750');
  await page.getByLabel('Note de version (pourquoi ce changement)').fill('Seuil relevé par le conseil d’administration');
  await page.getByRole('button', { name: 'Voir qui devient éligible' }).click();
  await expect.poll(() => page.getByText(/^Sur \d+ dossiers : \d+ éligibles avant/).count()).toBe(1);
  await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await expect.poll(() => page.getByText('Version 2 enregistrée.').count()).toBe(1);
  await expect.poll(() => page.getByText(/^Version 2 du 10 mars 2026 — Seuil relevé/).count()).toBe(1);
  await j.step('admin-nouvelle-version');
}, 300_000);
