/**
 * Journey (issue 15): anyone reads the published rules of the demo respite campaign; a
 * family applies from its file on a phone (prefilled, choices ordered with buttons, the
 * proof of a criterion attached); the coordinator writes a new campaign's criteria (one
 * added with its proof, one removed) and reads them on the public rules, opens the family's
 * proof, simulates a heavier weight for single parenthood, sees which families change status
 * and why, publishes, and reads the results per group and per family and the forecast per
 * group and period; the family reads its points by criterion, its rank, the last admitted
 * score of each group it chose, and confirms its place; a week later the places nobody
 * confirmed pass to the next families, and the coordinator follows them on the results page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postFromPage, startJourney, type Journey } from './harness';

let j: Journey;
let parentId = '';
let campaignId = '';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1100, height: 900 };

beforeAll(async () => {
  j = await startJourney('attribution', { seed: true, now: '2026-03-10T10:00:00+01:00', viewport: PHONE });
  const { rows } = await j.env.rt.deps.db.query(`SELECT id FROM attribution_campaigns WHERE is_demo AND status = 'open'`);
  campaignId = rows[0].id;
});
afterAll(() => j?.close());

const h1 = () => j.page.getByRole('heading', { level: 1 }).textContent();

it('anyone reads the campaigns and the published rules, without an account', async () => {
  const { page, url } = j;
  await page.goto(`${url}/places`);
  await expect.poll(h1).toBe('Places : crèche, mercredis, vacances, répit');
  await expect.poll(() => page.getByRole('link', { name: /Séjours de répit — été 2026/ }).count()).toBe(1);
  await j.step('campagnes');
  await page.getByRole('link', { name: /Séjours de répit — été 2026/ }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Comment les places sont attribuées' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Parent seul avec ses enfants').count()).toBe(1);
  await expect.poll(() => page.getByText('Attestation de quotient familial de la CAF', { exact: false }).count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText(/À score égal, la demande déposée la première passe avant/).count()).toBe(1);
  // each criterion says what proves it: a document, or the field of the file Relais reads
  await expect.poll(() => page.getByText('Lu dans votre dossier : votre quotient familial', { exact: true }).count()).toBe(2);
  await expect.poll(() => page.getByText('Justificatif : Notification de la MDPH').count()).toBe(1);
  await j.step('regles');
});

it('a family applies for a respite stay from its file, on a phone', async () => {
  const { page, url } = j;
  parentId = (await j.login('parent')).identifier;
  const created = await postFromPage(page, '/api/dossiers/me', {
    parent: { firstName: 'Awa', lastName: 'Diallo', birthDate: '1989-01-20' },
    otherParent: { custody: 'visiting' },
    children: [{ firstName: 'Inès', birthDate: '2018-05-10' }],
    situation: { activity: 'actif', annualIncomeCents: 1_000_000, familyBenefitsMonthlyCents: 20_000 },
  });
  expect(created.status).toBe(201);
  await page.goto(`${url}/places/campagnes/${campaignId}`);
  await page.getByRole('link', { name: 'Demander une place' }).click();
  await expect.poll(() => page.getByText('Nous avons rempli ce que votre dossier dit déjà. Vous pouvez corriger.').count()).toBe(1);
  await expect.poll(() => page.getByRole('checkbox', { name: 'Inès, 7 ans' }).isChecked()).toBe(true);
  // prefilled from the file: single parent, QF 413 €, working
  await expect.poll(() => page.getByRole('checkbox', { name: /Parent seul avec ses enfants/ }).isChecked()).toBe(true);
  await expect.poll(() => page.getByRole('checkbox', { name: /Quotient familial jusqu'à 500/ }).isChecked()).toBe(true);
  await expect.poll(() => page.getByRole('checkbox', { name: /Travail ou formation/ }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Ajouter « Juillet, 6 à 11 ans »' }).click();
  await page.getByRole('button', { name: 'Ajouter « Août, 6 à 11 ans »' }).click();
  await page.getByRole('button', { name: 'Monter « Août, 6 à 11 ans »' }).click();
  const order = () => page.locator('ol.choices .label').allTextContents();
  await expect.poll(order).toEqual(['1. Août, 6 à 11 ans', '2. Juillet, 6 à 11 ans']);
  await page.getByRole('button', { name: 'Descendre « Août, 6 à 11 ans »' }).click();
  await expect.poll(order).toEqual(['1. Juillet, 6 à 11 ans', '2. Août, 6 à 11 ans']);
  // the proof of single parenthood, attached from the form (the file has none yet)
  await page.getByLabel('Joindre : Jugement ou convention de garde').setInputFiles({
    name: 'jugement-garde.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'),
  });
  await expect.poll(() => page.getByText('Justificatif joint : jugement-garde.pdf').count()).toBe(1);
  await j.step('demande');
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await page.waitForURL(/\/places\/mes-demandes/);
  await expect.poll(() => page.getByText('Demande envoyée. Vous serez prévenu·e des résultats.').count()).toBe(1);
  await expect.poll(() => page.getByText('En attente des résultats.', { exact: false }).count()).toBe(1);
  await j.step('demande-envoyee');
});

it("the coordinator writes a new campaign's criteria: one added with what proves it, one removed; families read them", async () => {
  const { page, url } = j;
  await page.setViewportSize(DESKTOP);
  await j.login('coordinator');
  await page.goto(`${url}/places/gestion`);
  await page.getByLabel('Intitulé').fill('Mercredis — automne 2026');
  await page.getByLabel('Type').selectOption({ label: 'Mercredis' });
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect.poll(h1).toBe('Mercredis — automne 2026');
  await page.getByRole('button', { name: 'Retirer le critère « Orientation par un travailleur social »' }).click();
  await page.getByRole('button', { name: 'Ajouter un critère' }).click();
  const added = page.getByRole('group', { name: 'Nouveau critère' });
  await added.getByRole('textbox', { name: 'Intitulé' }).fill('Fratrie déjà accueillie le mercredi');
  const criterion = page.getByRole('group', { name: 'Fratrie déjà accueillie le mercredi' });
  await criterion.getByRole('textbox', { name: 'Poids (points)' }).fill('4');
  await criterion.getByLabel('Document qui le prouve').selectOption({ label: 'Autre document' });
  await criterion.getByRole('textbox', { name: 'Justificatif' }).fill('Attestation d’inscription du frère ou de la sœur');
  await j.step('criteres-edition');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect.poll(() => page.getByText('Enregistré.').count()).toBe(1);
  await page.getByRole('button', { name: 'Ouvrir les demandes' }).click();
  await page.getByRole('link', { name: 'Lire les règles' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Comment les places sont attribuées' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Fratrie déjà accueillie le mercredi').count()).toBe(1);
  await expect.poll(() => page.getByText('Justificatif : Attestation d’inscription du frère ou de la sœur').count()).toBe(1);
  await expect.poll(() => page.getByText('Orientation par un travailleur social').count()).toBe(0);
  await j.step('criteres-publies');
});

it('the coordinator opens the proof the family attached, simulates a heavier weight for single parenthood, sees who changes and why, then publishes', async () => {
  const { page, url } = j;
  await page.goto(`${url}/places/gestion`);
  await page.getByRole('link', { name: /Séjours de répit — été 2026/ }).click();
  await expect.poll(() => page.getByText('Demande n° 10').count()).toBe(1); // the family's application, by number, no name
  await expect.poll(() => page.getByText('Diallo').count()).toBe(0);
  const proof = page.getByRole('link', { name: 'Ouvrir le justificatif « Parent seul avec ses enfants » de la demande n° 10 (consultation tracée)' });
  await expect.poll(() => proof.count()).toBe(1);
  await j.step('campagne-gestion');
  // A proof is a document of the family's file: the link leads to a page that asks for the reason first
  // (the file is not open yet), never to the API's raw refusal.
  await proof.click();
  await expect.poll(() => page.getByText(/Ouvrez d’abord le dossier de la famille en indiquant le motif/).count()).toBe(1);
  await expect.poll(() => page.getByText('"error"').count()).toBe(0);
  await page.getByRole('button', { name: 'Ouvrir le dossier et lire le justificatif' }).click();
  await expect.poll(() => page.getByText('Indiquez le motif de la consultation.').count()).toBe(1);
  await j.step('justificatif-motif');
  await page.getByRole('textbox', { name: 'Motif de la consultation' }).fill('Vérifier le justificatif de monoparentalité');
  await page.getByRole('button', { name: 'Ouvrir le dossier et lire le justificatif' }).click();
  await expect.poll(() => page.getByText('Dossier ouvert : consultation tracée.').count()).toBe(1);
  const view = page.getByRole('link', { name: 'Lire le justificatif (jugement-garde.pdf, s’ouvre dans un nouvel onglet)' });
  // The bytes already read, kept in the page (the page's policy lets nothing else fetch them).
  await expect.poll(() => view.getAttribute('href')).toMatch(/^blob:/);
  await expect.poll(() => page.getByRole('link', { name: 'Télécharger le justificatif (jugement-garde.pdf)' }).count()).toBe(1);
  await j.step('justificatif-lu');
  const { rows: openings } = await j.env.rt.deps.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossiers/opened'`);
  expect(openings[0].n).toBeGreaterThan(0);
  const { rows: reads } = await j.env.rt.deps.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'attribution/document-read'`);
  expect(reads[0].n).toBe(1);
  // Back on the campaign, the file now open: the same link shows the proof at once.
  await page.getByRole('link', { name: 'Retour aux demandes de la campagne' }).click();
  await proof.click();
  await expect.poll(() => page.getByText('Dossier ouvert : consultation tracée.').count()).toBe(1);
  await expect.poll(() => page.getByText(/Ouvrez d’abord le dossier/).count()).toBe(0);
  await page.getByRole('link', { name: 'Retour aux demandes de la campagne' }).click();
  await page.getByRole('link', { name: 'Simuler et publier' }).click();
  await expect.poll(h1).toMatch(/^Simuler avant de publier/);
  const weight = page.getByRole('textbox', { name: 'Parent seul avec ses enfants' });
  await weight.fill('30');
  await weight.blur();
  await page.getByRole('button', { name: 'Simuler', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { name: /Avec ces changements, \d+ famille\(s\) changeraient de statut\./ }).count()).toBe(1);
  await expect.poll(() => page.getByText('Parent seul avec ses enfants 20 → 30').count()).toBeGreaterThan(0);
  await j.step('simulation');
  await page.getByRole('button', { name: 'Publier les résultats avec ces réglages' }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await j.step('publier-confirmation');
  await page.getByRole('button', { name: 'Oui, publier' }).click();
  await expect.poll(() => page.getByText(/Résultats publiés : \d+ place\(s\) proposée\(s\)/).count()).toBe(1);
  await j.step('publie');
  const { rows } = await j.env.rt.deps.db.query(`SELECT weight::float8 AS w FROM attribution_criteria WHERE campaign_id = $1 AND code = 'monoparentalite'`, [
    campaignId,
  ]);
  expect(rows[0].w).toBe(30);
  await page.getByRole('link', { name: 'Voir les résultats par groupe et par famille' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Par groupe' }).count()).toBe(1);
  const july = page.getByRole('region', { name: 'Juillet, 6 à 11 ans' });
  await expect.poll(() => july.getByText(/^Score du dernier admis : \d/).count()).toBe(1);
  await expect.poll(() => july.getByText(/^Demande n° 10 : place proposée le/).count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: 'Liste d’attente (dans l’ordre)' }).count()).toBe(3);
  await page.getByText(/^Demande n° 10 : rang \d+ sur 10/).click();
  await expect
    .poll(() =>
      page
        .getByRole('table', { name: 'Points de la demande n° 10, critère par critère' })
        .getByRole('row', { name: /Total 55/ })
        .count(),
    )
    .toBe(1);
  await j.step('resultats-staff');
  await page.getByRole('link', { name: 'Prévision de la demande' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Juillet', exact: true }).count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: 'Août', exact: true }).count()).toBe(1);
  await expect
    .poll(() =>
      page
        .getByRole('table', { name: 'Demandes en premier choix — Juillet' })
        .getByRole('row', { name: /^Juillet, 6 à 11 ans/ })
        .count(),
    )
    .toBe(1);
  await j.step('prevision');
  await page.setViewportSize(PHONE);
  await j.step('prevision-telephone');
});

it('the family reads its points by criterion, its rank and the last admitted score, and confirms its place', async () => {
  const { page, url } = j;
  await page.setViewportSize(PHONE);
  await j.loginAs(parentId);
  await page.goto(`${url}/places/mes-demandes`);
  // 30 (single parent) + 15 (QF up to 500 €) + 10 (work) = 55
  await expect.poll(() => page.getByText('Votre score : 55 points').count()).toBe(1);
  await expect.poll(() => page.getByText(/^Rang \d+ sur 10$/).count()).toBe(1);
  await expect.poll(() => page.getByText('Place attribuée : Juillet, 6 à 11 ans').count()).toBe(1);
  const breakdown = page.getByRole('table', { name: 'Vos points, critère par critère' });
  await expect.poll(() => breakdown.getByRole('row', { name: /Parent seul avec ses enfants \+30/ }).count()).toBe(1);
  await expect.poll(() => breakdown.getByRole('row', { name: /Total 55/ }).count()).toBe(1);
  const last = page.getByRole('table', { name: 'Score du dernier admis dans vos choix' });
  await expect.poll(() => last.getByRole('row').count()).toBe(3);
  await j.step('resultats');
  await page.getByRole('button', { name: 'Je confirme la place' }).click();
  await expect.poll(() => page.getByText('Place confirmée : Juillet, 6 à 11 ans').count()).toBe(1);
  await j.step('place-confirmee');
});

it('a week later, the places nobody confirmed pass to the next families, and the coordinator follows them', async () => {
  const { page, url } = j;
  (j.env.clock as unknown as { set(v: string): void }).set('2026-03-18T12:00:00+01:00');
  await j.env.rt.deps.jobs.runNow('attribution.expire-offers', {});
  await page.setViewportSize(DESKTOP);
  await j.login('coordinator');
  await page.goto(`${url}/places/gestion/${campaignId}/resultats`);
  await expect
    .poll(() => page.getByText(/expirée le .* sans réponse : la place est libérée pour la famille suivante qui l’a demandée/).count())
    .toBeGreaterThan(0);
  await expect.poll(() => page.getByText(/^Demande n° \d+ : place libérée, proposée le/).count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText(/^Demande n° 10 : place proposée le .* — confirmée le/).count()).toBe(1);
  await j.step('resultats-expiration');
  await page.setViewportSize(PHONE);
  await j.step('resultats-expiration-telephone');
});

it('next summer, a coordinator maps a renamed group to the earlier group it continues: its history and forecast follow', async () => {
  const { page, url } = j;
  await page.setViewportSize(DESKTOP);
  await page.goto(`${url}/places/gestion`);
  await page.getByLabel('Intitulé').fill('Séjours de répit — été 2027');
  await page.getByLabel('Type').selectOption({ label: 'Séjours de répit' });
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect.poll(h1).toBe('Séjours de répit — été 2027');
  // A new campaign starts with one group, « Groupe 1 »: it becomes July's 6-12 (the earlier summers had 6-11).
  const group = page.getByRole('group', { name: 'Groupe 1', exact: true });
  await group.getByRole('textbox', { name: 'Âge minimum' }).fill('6');
  await group.getByRole('textbox', { name: 'Âge maximum' }).fill('12');
  await group.getByRole('textbox', { name: 'Période' }).fill('Juillet');
  await group.getByRole('textbox', { name: 'Nom du groupe' }).fill('Juillet, 6 à 12 ans');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect.poll(() => page.getByText('Enregistré.').count()).toBe(1);
  await page.getByRole('link', { name: 'Prévision de la demande' }).click();
  const map = page.getByLabel('« Juillet, 6 à 12 ans » continue le groupe des campagnes précédentes…');
  await expect.poll(() => map.count()).toBe(1);
  const row = () => page.getByRole('table', { name: 'Demandes en premier choix — Juillet' }).getByRole('row', { name: /^Juillet, 6 à 12 ans/ });
  // A new group: no history of its own yet.
  await expect.poll(async () => (await row().textContent())?.includes(' places')).toBe(false);
  await map.selectOption({ label: 'Juillet, 6 à 11 ans (Juillet)' });
  // Its history is the earlier group's now: demand of earlier summers, and a forecast.
  await expect.poll(async () => (await row().textContent())?.match(/\d+ pour \d+ places/g)?.length ?? 0).toBeGreaterThan(0);
  await expect.poll(() => map.inputValue()).not.toBe('');
  await j.step('prevision-correspondance');
  await page.setViewportSize(PHONE);
  await j.step('prevision-correspondance-telephone');
  const { rows } = await j.env.rt.deps.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'attribution/group-mapped'`);
  expect(rows[0].n).toBeGreaterThan(0);
});
