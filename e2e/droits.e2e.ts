/**
 * Journey "droits": a parent estimates their rights step by step, reads why and how to
 * ask, changes one answer from the summary, reloads and keeps everything, finds what it
 * misses; a parent with a file starts prefilled; an agent runs it from a family's file
 * and prints it. Axe check and screenshot at every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate, postFromPage, startJourney, type Journey } from './harness';

const NOW = '2026-03-10T10:00:00+01:00';

const filePatch = {
  parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12' },
  otherParent: { custody: 'visiting', alimonyDueMonthlyCents: 15000, alimonyPaidRegularly: false },
  children: [
    { firstName: 'Lina', birthDate: '2019-09-01' },
    { firstName: 'Yanis', birthDate: '2015-02-20' },
  ],
  address: { line: '12 rue des Lilas', postalCode: '80000', city: 'Amiens', inseeCode: '80021', neighbourhoodId: 'nord' },
  situation: { activity: 'actif', salaryNetMonthlyCents: 90000, unemploymentNetMonthlyCents: 0, alimonyReceivedMonthlyCents: 0, recentlySeparated: false },
  housing: { status: 'locataire_hlm', rentMonthlyCents: 45000 },
};

const radio = (page: Page, group: RegExp, option: string | RegExp) =>
  page.getByRole('radiogroup', { name: group }).getByText(option, { exact: typeof option === 'string' });
const heading2 = (page: Page) => page.getByRole('heading', { level: 2 }).first().textContent();
const amountOf = async (page: Page, benefit: string) => {
  const card = page.locator('article.benefit', { has: page.getByRole('heading', { name: benefit, exact: true }) });
  return (await card.locator('.amount').textContent()) ?? '';
};

describe('droits on a desktop', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney('droits', { now: NOW });
  });
  afterAll(() => j?.close());

  it('a parent runs the simulator through every step and sees amounts with explanations', async () => {
    const { page, url } = j;
    await page.goto(`${url}/droits`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes droits');
    await j.step('accueil-droits');
    await page.getByRole('link', { name: /Estimer mes droits/ }).click();
    await expect.poll(() => heading2(page)).toBe('Votre foyer');
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Étape 1 sur 7');

    // an empty step says what is missing
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect.poll(() => page.getByText('Il manque une réponse').count()).toBe(1);
    await j.step('foyer-erreurs');

    await radio(page, /Élevez-vous seul/, 'Oui').click();
    await page.getByLabel('Votre âge').fill('34');
    await radio(page, /depuis moins de 18 mois/, 'Non').click();
    await j.step('foyer');
    await page.getByRole('button', { name: 'Continuer' }).click();

    await expect.poll(() => heading2(page)).toBe('Vos enfants');
    await fillDate(page, 'Date de naissance de l’enfant 1', '2019-09-01');
    await page.getByRole('button', { name: /Ajouter un enfant/ }).click();
    await fillDate(page, 'Date de naissance de l’enfant 2', '2015-02-20');
    await expect.poll(() => page.getByText('6 ans').count()).toBe(1);
    // a reload in the middle keeps the step and the answers (kept in the browser, not in the address)
    await page.reload();
    await expect.poll(() => heading2(page)).toBe('Vos enfants');
    await expect.poll(() => page.locator('input[type="hidden"][name="child-1"]').inputValue()).toBe('2015-02-20');
    await expect.poll(() => page.url()).toBe(`${url}/droits/simulateur`);
    await j.step('enfants');
    await page.getByRole('button', { name: 'Continuer' }).click();

    await expect.poll(() => heading2(page)).toBe('Travail et revenus');
    await radio(page, /Aujourd’hui, vous/, /^travaillez/).click();
    await page.getByLabel('Votre salaire net par mois').fill('900');
    await page.getByLabel('Votre allocation chômage par mois').fill('0');
    await j.step('travail');
    await page.getByRole('button', { name: 'Continuer' }).click();

    await expect.poll(() => heading2(page)).toBe('Pension alimentaire');
    await radio(page, /pension alimentaire/, /Non, alors qu’une pension a été fixée/).click();
    await expect.poll(() => page.getByText(/c’est l’ARIPA/).count()).toBe(1);
    await j.step('pension');
    await page.getByRole('button', { name: 'Continuer' }).click();

    await expect.poll(() => heading2(page)).toBe('Votre logement');
    await radio(page, /Votre logement/, /logement social/).click();
    await page.getByLabel('Loyer par mois, sans les charges').fill('450');
    await j.step('logement');
    await page.getByRole('button', { name: 'Continuer' }).click();

    await expect.poll(() => heading2(page)).toBe('Votre commune');
    await page.getByLabel(/^Votre commune/).fill('abbevil');
    await expect.poll(() => page.getByRole('button', { name: 'Abbeville (80)' }).count()).toBe(1);
    await j.step('commune-recherche');
    await page.getByRole('button', { name: 'J’habite à Amiens' }).click();
    await expect.poll(() => page.getByText('Commune choisie : Amiens (80)').count()).toBe(1);
    await page.getByLabel(/Votre quartier/).selectOption('etouvie');
    await j.step('commune');
    await page.getByRole('button', { name: 'Continuer' }).click();

    await expect.poll(() => heading2(page)).toBe('Récapitulatif');
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Étape 7 sur 7');
    await expect.poll(() => page.locator('.recap dd', { hasText: '450,00' }).count()).toBe(1);
    await j.step('recapitulatif');
    await page.getByRole('button', { name: 'Voir mes droits' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Vos droits estimés' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Allocation de soutien familial (ASF)' }).count()).toBe(1);
    await expect.poll(() => amountOf(page, 'Allocation de soutien familial (ASF)')).toMatch(/\d+,\d{2}\s€ par mois/);
    await expect.poll(() => page.getByText(/demandez l’ASF et le recouvrement par l’ARIPA/).count()).toBe(1);
    // why: reference period, resources used, where the real payment can differ
    const ppa = page.locator('article.benefit', { has: page.getByRole('heading', { name: 'Prime d’activité', exact: true }) });
    await ppa.getByText('Pourquoi ce montant ?').click();
    await expect.poll(() => ppa.getByText('Période prise en compte').count()).toBe(1);
    await expect.poll(() => ppa.getByText(/décembre 2025 à février 2026/).count()).toBeGreaterThan(0);
    await expect.poll(() => ppa.getByRole('heading', { name: 'Pourquoi le montant réel peut être différent' }).count()).toBe(1);
    await ppa.getByText('Comment la demander').click();
    await expect.poll(() => ppa.getByText(/Qui la verse : CAF/).count()).toBe(1);
    await j.step('resultats');
    // counted once, in the neighbourhood chosen, nothing else stored
    const runs = await j.env.rt.deps.db.query(`SELECT neighbourhood_id, source FROM droits_simulation_runs`);
    expect(runs.rows).toEqual([{ neighbourhood_id: 'etouvie', source: 'simulateur' }]);
  });

  it('changes one answer from the summary without starting over, and keeps answers on reload', async () => {
    const { page, url } = j;
    const housingBefore = await amountOf(page, 'Aide au logement (APL, ALF ou ALS)');
    await page.getByRole('button', { name: 'Modifier mes réponses' }).click();
    await expect.poll(() => heading2(page)).toBe('Récapitulatif');
    await page.getByRole('button', { name: 'Modifier : Votre logement' }).click();
    await expect.poll(() => heading2(page)).toBe('Votre logement');
    await page.getByLabel('Loyer par mois, sans les charges').fill('600');
    await j.step('modifier-logement');
    await page.getByRole('button', { name: 'Revenir au récapitulatif' }).click();
    await expect.poll(() => heading2(page)).toBe('Récapitulatif');
    await expect.poll(() => page.locator('.recap dd', { hasText: '600,00' }).count()).toBe(1);
    await expect.poll(() => page.locator('.recap dd', { hasText: '34 ans' }).count()).toBe(1); // the other answers are still there
    await page.getByRole('button', { name: 'Voir mes droits' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Aide au logement (APL, ALF ou ALS)' }).count()).toBe(1);
    await expect.poll(() => amountOf(page, 'Aide au logement (APL, ALF ou ALS)')).not.toBe(housingBefore);
    const housingAfter = await amountOf(page, 'Aide au logement (APL, ALF ou ALS)');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Vos droits estimés' }).count()).toBe(1);
    await expect.poll(() => amountOf(page, 'Aide au logement (APL, ALF ou ALS)')).toBe(housingAfter);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => page.url()).toBe(`${url}/droits/simulateur`);
    await j.step('apres-rechargement');
    const runs = await j.env.rt.deps.db.query(`SELECT count(*)::int AS n FROM droits_simulation_runs`);
    expect(runs.rows[0].n).toBe(2); // the reload does not count again
  });

  it('"droits potentiels" lists a benefit the family likely misses', async () => {
    const { page } = j;
    await page.getByRole('link', { name: 'Voir les aides que je ne touche pas encore' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Les aides que je ne touche pas encore');
    await page.getByText('Allocations familiales', { exact: true }).click();
    await page.getByText('Prime d’activité', { exact: true }).click();
    await j.step('potentiels-coches');
    await page.getByRole('button', { name: 'Chercher les aides manquantes' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Vous pourriez demander' }).count()).toBe(1);
    const missed = page.locator('article.benefit');
    await expect.poll(() => missed.filter({ hasText: 'Allocation de soutien familial (ASF)' }).count()).toBe(1);
    await expect.poll(() => missed.filter({ hasText: 'Prime d’activité' }).count()).toBe(0);
    await expect.poll(() => page.getByText(/Environ .* par mois en plus/).count()).toBe(1);
    await j.step('potentiels-resultat');
  });

  it('"facile à lire" shortens the texts', async () => {
    const { page, url } = j;
    await page.goto(`${url}/droits/simulateur`);
    await page.locator('label.switch', { hasText: 'Facile à lire' }).click();
    await expect.poll(() => page.getByText('C’est une estimation. La CAF décide du vrai montant.').count()).toBe(1);
    const asf = page.locator('article.benefit', { has: page.getByRole('heading', { name: 'Allocation de soutien familial (ASF)', exact: true }) });
    await asf.getByText('Pourquoi ce montant ?').click();
    await expect.poll(() => asf.getByText('Pour chaque enfant. Moins la pension que vous recevez.').count()).toBe(1);
    await expect.poll(() => asf.getByText('Vous élevez seul·e vos enfants. La CAF vous aide.').count()).toBe(1);
    await j.step('facile-a-lire');
    await page.locator('label.switch', { hasText: 'Facile à lire' }).click();
  });

  it('every benefit and its conditions can be read without simulating', async () => {
    const { page, url } = j;
    await page.goto(`${url}/droits/prestations`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Toutes les aides et leurs conditions');
    await expect.poll(() => page.locator('.catalogue article').count()).toBe(8);
    await expect.poll(() => page.getByRole('heading', { name: /Allocation de soutien familial/ }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Conditions', exact: true }).count()).toBe(8);
    await j.step('prestations');
  });

  it('a logged-in parent with a household file starts prefilled and saves what it misses', async () => {
    const { page, url } = j;
    await page.evaluate(() => localStorage.clear());
    const me = await j.login('parent');
    const created = await postFromPage(page, '/api/dossiers/me', filePatch);
    expect(created.status).toBe(201);
    await page.goto(`${url}/droits/simulateur`);
    await expect.poll(() => page.getByText('Nous avons prérempli vos réponses avec votre dossier.').count()).toBe(1);
    await expect.poll(() => heading2(page)).toBe('Récapitulatif');
    await expect.poll(() => page.locator('.recap dd', { hasText: '450,00' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Non, alors qu’une pension a été fixée (par un juge ou un accord)').count()).toBe(1);
    await j.step('prerempli');
    await page.getByRole('button', { name: 'Voir mes droits' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Vos droits estimés' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Voir les aides que je ne touche pas encore' }).click();
    await expect.poll(() => page.getByText('Enregistrer le résultat dans mon dossier').count()).toBe(1);
    await page.getByRole('button', { name: 'Chercher les aides manquantes' }).click();
    await expect.poll(() => page.getByText(/Résultat enregistré dans votre dossier/).count()).toBe(1);
    await j.step('potentiels-enregistre');
    const saved = await j.env.rt.deps.db.query(
      `SELECT e.period FROM droits_estimates e JOIN household_members m ON m.household_id = e.household_id WHERE m.user_id = $1`,
      [me.id],
    );
    expect(saved.rows).toEqual([{ period: '2026-03' }]);
  });

  it('an agent runs the simulator from a family file (reason asked, audited) and prints it', async () => {
    const { page, url } = j;
    const { rows } = await j.env.rt.deps.db.query(`SELECT household_id AS id FROM droits_estimates LIMIT 1`);
    const householdId = rows[0].id as string;
    await page.evaluate(() => sessionStorage.clear());
    const agent = await j.login('agent');
    // from the rights hub, the agent finds the family (dossiers' search) and opens its simulator
    await page.goto(`${url}/droits`);
    await page.getByLabel(/Nom, prénom d’un enfant ou téléphone/).fill('Benali');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Simuler les droits de Samia Benali' }).count()).toBe(1);
    await j.step('agent-recherche');
    await page.getByRole('link', { name: 'Simuler les droits de Samia Benali' }).click();
    await page.waitForURL(`${url}/droits/foyer/${householdId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Ouvrir le dossier' }).count()).toBe(1);
    await page.getByLabel(/Motif/).fill('Rendez-vous accès aux droits');
    await j.step('agent-motif');
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await expect.poll(() => page.getByText('Réponses préremplies avec le dossier de la famille.').count()).toBe(1);
    await expect.poll(() => page.getByText(/Dernière estimation enregistrée/).count()).toBe(1);
    await j.step('agent-prerempli');
    await page.getByRole('button', { name: 'Voir les droits estimés' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Vos droits estimés' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Aides non demandées, avec la famille' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Imprimer' }).count()).toBe(1);
    await j.step('agent-resultats');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => page.getByText(/document remis à la famille/).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    await j.step('agent-impression');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    const audit = await j.env.rt.deps.db.query(`SELECT action, details->>'purpose' AS purpose FROM audit_log WHERE actor_id = $1 ORDER BY id`, [agent.id]);
    expect(audit.rows.map((r) => r.action).filter((a) => a.startsWith('dossiers/'))).toEqual(['dossiers/searched', 'dossiers/opened', 'dossiers/accessed']);
    expect(audit.rows.find((r) => r.action === 'dossiers/accessed').purpose).toBe('droits.simulation');
  });
});

describe('droits on a phone (360×800)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney('droits-mobile', { now: NOW, viewport: { width: 360, height: 800 } });
  });
  afterAll(() => j?.close());

  it('the steps, the summary and the results fit a phone', async () => {
    const { page, url } = j;
    await page.goto(`${url}/droits/simulateur`);
    await expect.poll(() => heading2(page)).toBe('Votre foyer');
    await radio(page, /Élevez-vous seul/, 'Oui').click();
    await page.getByLabel('Votre âge').fill('27');
    await radio(page, /depuis moins de 18 mois/, 'Oui').click();
    await j.step('mobile-foyer');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await fillDate(page, 'Date de naissance de l’enfant 1', '2024-06-15');
    await j.step('mobile-enfants');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await radio(page, /Aujourd’hui, vous/, /êtes au chômage/).click();
    await page.getByLabel('Votre allocation chômage par mois').fill('750');
    await j.step('mobile-travail');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await radio(page, /pension alimentaire/, /Oui, mais pas toujours/).click();
    await page.getByLabel(/Ce que vous recevez vraiment/).fill('80');
    await j.step('mobile-pension');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await radio(page, /Votre logement/, /logement vide/).click();
    await page.getByLabel('Loyer par mois, sans les charges').fill('620');
    await j.step('mobile-logement');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel(/^Votre commune/).fill('Lille');
    await page.getByRole('button', { name: 'Lille (59)', exact: true }).click();
    await j.step('mobile-commune');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect.poll(() => heading2(page)).toBe('Récapitulatif');
    await j.step('mobile-recapitulatif');
    await page.getByRole('button', { name: 'Voir mes droits' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Allocation de base de la PAJE' }).count()).toBe(1);
    const rsa = page.locator('article.benefit').first();
    await rsa.getByText('Pourquoi ce montant ?').click();
    await j.step('mobile-resultats');
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // The housing aid's detailed table fits the phone, and its jargon is explained in words.
    const housing = page.locator('article.benefit', { has: page.getByRole('heading', { name: /Aide au logement/ }) });
    await housing.getByText('Pourquoi ce montant ?').click();
    const table = housing.locator('table');
    await expect.poll(() => table.evaluate((t) => Math.round(t.getBoundingClientRect().right))).toBeLessThanOrEqual(360);
    await expect.poll(() => table.evaluate((t) => t.scrollWidth - t.clientWidth)).toBeLessThanOrEqual(0);
    await expect.poll(() => housing.locator('.droits-glossary dt', { hasText: /^R0$/ }).count()).toBe(1);
    await expect.poll(() => housing.locator('.droits-glossary dt', { hasText: /^Forfait charges$/ }).count()).toBe(1);
    await housing.scrollIntoViewIfNeeded();
    await j.step('mobile-aide-logement-detail');
    await page.goto(`${url}/droits/prestations`);
    await expect.poll(() => page.locator('.catalogue article').count()).toBe(8);
    await j.step('mobile-prestations');
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
});
