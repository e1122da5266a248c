/**
 * Journey: an agent credits a chèque santé from the family's opened file; the family shows
 * its code on a phone; the pharmacy's cashier reads it and takes 40 €; the balance drops; a
 * second use of the same code is refused. A museum verifies a Pass Famille Solo and sees
 * only the first name, the validity and its own benefit; an expired pass shows as expired.
 * Around it: the cashier scans with the camera (a stand-in BarcodeDetector and camera, as
 * Chromium on Linux has neither), the printable card and its PDF (the family's, and the
 * agent's at the desk), and the yearly allowance reaching the family.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillMonth, startJourney, type Journey } from './harness';

let j: Journey;
const PHARMACY = '00000000-0000-4000-8000-0000000c0001';
const MUSEUM = '00000000-0000-4000-8000-0000000c0002';
const PARENT = 'samia-cheques@e2e.relais.fr';
let householdId = '';
let passNumber = '';
let expiredNumber = '';
let code = '';
let passToken = '';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1100, height: 900 };

/** A camera and a QR reader for the page (Chromium on Linux has no BarcodeDetector): it reads whatever `window.__scan` holds. */
const FAKE_CAMERA = `
  window.BarcodeDetector = class { constructor() {} async detect() { return window.__scan ? [{ rawValue: window.__scan }] : []; } };
  navigator.mediaDevices.getUserMedia = async () => { const c = document.createElement('canvas'); c.width = 64; c.height = 64; c.getContext('2d').fillRect(0, 0, 64, 64); return c.captureStream(1); };
`;

/** What the page fetches itself (its session cookie), as a status and a content type. */
const fetchFromPage = (url: string) =>
  j.page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, type: r.headers.get('content-type'), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
  }, url);

async function fileOf(identifier: string, firstName: string) {
  const parent = await j.env.as('parent', { identifier });
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Martin', birthDate: '1990-05-12' },
    children: [{ firstName: 'Lina', birthDate: '2018-09-01' }],
    address: { line: '2 rue des Jacobins', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    quotient: { entered: 450 },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().household.id as string;
}

beforeAll(async () => {
  j = await startJourney('cheques', { now: '2026-03-10T10:00:00+01:00', viewport: PHONE });
  const db = j.env.rt.deps.db;
  for (const [id, nom, quartier] of [
    [PHARMACY, 'Pharmacie du Centre', null],
    [MUSEUM, 'Musée de Picardie', 'centre-ville'],
  ]) {
    await db.query(
      `INSERT INTO annuaire_structures (id, source, di_id, nom, quartier, raw) VALUES ($1::uuid, 'e2e', $2::text, $3, $4, jsonb_build_object('id', $2::text, 'source', 'e2e', 'nom', $3::text))`,
      [id, id, nom, quartier],
    );
  }
  householdId = await fileOf(PARENT, 'Samia');
  const otherHousehold = await fileOf('claire-cheques@e2e.relais.fr', 'Claire');
  // The town's set-up: the pharmacy takes chèques santé; the museum offers free entry to pass holders.
  const staff = await j.env.as('agent');
  expect((await staff.put(`/api/cheques/partners/${PHARMACY}/kinds`, { kinds: ['sante'] })).statusCode).toBe(200);
  const museum = await j.env.as('partner', { structureId: MUSEUM });
  expect(
    (
      await museum.post(`/api/cheques/partners/${MUSEUM}/offers`, {
        benefit: 'free_entry',
        theme: 'culture',
        title: 'Entrée gratuite au musée',
        details: 'Pour toute la famille',
      })
    ).statusCode,
  ).toBe(201);
  for (const id of [householdId, otherHousehold]) {
    await staff.post(`/api/dossiers/households/${id}/open`, { reason: 'Pass Famille Solo' });
    expect((await staff.post(`/api/cheques/households/${id}/pass`, {})).statusCode).toBe(201);
  }
  const numberOf = async (id: string) => (await db.query<{ number: string }>(`SELECT number FROM cheques_passes WHERE household_id = $1`, [id])).rows[0].number;
  passNumber = await numberOf(householdId);
  expiredNumber = await numberOf(otherHousehold);
  // Claire's pass ran last year (the card's dates, as if issued then).
  await db.query(`UPDATE cheques_passes SET valid_from = '2025-01-01', valid_until = '2025-12-31' WHERE household_id = $1`, [otherHousehold]);
});
afterAll(() => j?.close());

it('an agent credits a chèque santé from the family’s opened file, and prints its card at the desk (audited)', async () => {
  const { page, url } = j;
  await page.setViewportSize(DESKTOP);
  const agent = await j.login('agent');
  await page.goto(`${url}/dossier/agent/familles/${householdId}`);
  await page.getByLabel(/Motif de la consultation/).fill('Chèque santé accordé en commission');
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await page.goto(`${url}/cheques/foyer?famille=${householdId}`);
  await page.getByRole('heading', { name: 'Créditer un compte' }).waitFor();
  await j.step('agent-famille');
  await page.getByLabel(/^Montant/).fill('150');
  await page.getByLabel(/^Motif(?! de)/).fill('Chèque santé 2026 accordé en commission');
  await page.getByRole('button', { name: 'Créditer' }).click();
  await page.getByText('Compte crédité.').waitFor();
  await expect.poll(() => page.getByText(/Disponible : 150,00\s€/).count()).toBe(1);
  await j.step('agent-credite');
  const link = page.getByRole('link', { name: 'Imprimer la carte de la famille (PDF)' });
  const pdf = await fetchFromPage((await link.getAttribute('href'))!);
  expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
  await j.env.expectAudit('cheques/card-printed', householdId, { actorId: agent.id, householdId });
  // Without a smartphone: a sheet of single-use payment codes, printed at the desk.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Imprimer une feuille de codes de paiement (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('codes-de-paiement.pdf');
  await page.getByText(/Feuille téléchargée/).waitFor();
  await j.env.expectAudit('cheques/codes-printed', householdId, { actorId: agent.id, householdId });
  await j.step('agent-feuille-codes');
  await page.setViewportSize(PHONE);
});

it('the family shows its code on the phone', async () => {
  const { page, url } = j;
  await j.loginAs(PARENT);
  await page.goto(`${url}/cheques/famille`);
  await page.getByText(/Disponible : 150,00\s€/).waitFor();
  await j.step('famille-soldes');
  await page.getByRole('button', { name: 'Payer avec ce chèque' }).click();
  const short = page.getByTestId('short-code');
  await short.waitFor();
  code = (await short.textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4} [A-Z0-9]{4}$/);
  await expect.poll(() => page.getByRole('img', { name: 'Montrez ce code à la caisse' }).count()).toBe(1);
  await j.step('famille-code');
});

it('the pharmacy takes 40 €, sees only the first name and the balance; a second use is refused', async () => {
  const { page, url } = j;
  await j.context.clearCookies();
  await j.login('partner', { structureId: PHARMACY });
  await page.addInitScript(FAKE_CAMERA);
  await page.goto(`${url}/cheques/caisse`);
  // The cashier scans the family's phone: the QR holds the code.
  await page.evaluate((c) => ((window as unknown as { __scan: string }).__scan = c), code.replace(' ', ''));
  await page.getByRole('button', { name: 'Scanner le code avec la caméra' }).click();
  await page.getByText(/Samia — Chèque santé — disponible : 150,00\s€/).waitFor();
  await expect.poll(() => page.getByLabel(/^Code de la famille/).inputValue()).toBe(code.replace(' ', ''));
  await j.step('caisse-scan');
  await page.getByLabel(/^Montant/).fill('40');
  await page.getByRole('button', { name: 'Encaisser' }).click();
  await page.getByText(/Paiement accepté : 40,00\s€ pour Samia\. Reste disponible : 110,00\s€\./).waitFor();
  await expect.poll(() => page.getByText('Martin').count()).toBe(0);
  await j.step('caisse-encaisse');
  // Typed this time, with its space: the same code, refused.
  await page.getByLabel(/^Code de la famille/).fill(code);
  await page.getByLabel(/^Montant/).fill('10');
  await page.getByRole('button', { name: 'Encaisser' }).click();
  await page.getByText(/déjà été utilisé/).waitFor();
  await j.step('caisse-deja-utilise');
});

it('the family’s balance dropped; the payment is in its history; its pass card prints', async () => {
  const { page, url } = j;
  await j.loginAs(PARENT);
  await page.goto(`${url}/cheques/famille`);
  await page.getByText(/Disponible : 110,00\s€/).waitFor();
  await expect.poll(() => page.getByText('Paiement chez Pharmacie du Centre').count()).toBe(1);
  await j.step('famille-apres-paiement');
  await page.goto(`${url}/cheques/carte`);
  // In the page, not the menu (its entry "Chèques et Pass Famille Solo" is hidden on a phone).
  await page
    .locator('main')
    .getByText(/Pass Famille Solo/)
    .first()
    .waitFor();
  await expect.poll(() => page.getByText('Samia').count()).toBeGreaterThan(0);
  // The day of printing, the browser's own (the server's clock is the test's).
  await page.getByText(/Soldes au \d{1,2} [a-zéû]+ \d{4}/).waitFor();
  await expect
    .poll(() =>
      page
        .locator('main')
        .getByText(/110,00\s€/)
        .count(),
    )
    .toBe(1);
  await expect.poll(() => page.getByRole('img', { name: 'Pass Famille Solo' }).count()).toBe(1);
  await j.step('carte-imprimable');
  await page.emulateMedia({ media: 'print' });
  await j.step('carte-impression');
  await page.emulateMedia({ media: 'screen' });
  const pdf = await fetchFromPage((await page.getByRole('link', { name: 'Télécharger la carte (PDF)' }).getAttribute('href'))!);
  expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
  passToken = await page.evaluate(async () => (await (await fetch('/api/cheques/me/pass')).json()).pass.token as string);
  expect(passToken).toMatch(/^RPFS1\./);
});

it('the museum verifies a pass and sees only what it should; an expired pass is refused as expired', async () => {
  const { page, url } = j;
  await j.context.clearCookies();
  await j.login('partner', { structureId: MUSEUM });
  await page.goto(`${url}/cheques/caisse`);
  // Scanned: the QR holds the signed card.
  await page.evaluate((c) => ((window as unknown as { __scan: string }).__scan = c), passToken);
  await page.getByRole('button', { name: 'Scanner le Pass avec la caméra' }).click();
  await page.getByText(/Pass de Samia, valable jusqu’au 9 mars 2027/).waitFor();
  await expect.poll(() => page.getByText('Entrée gratuite au musée', { exact: false }).count()).toBe(1);
  // Typed: the short number printed on the card.
  await page.getByLabel(/^Numéro du Pass/).fill(`PFS ${passNumber.slice(0, 4)} ${passNumber.slice(4)}`);
  await page.getByRole('button', { name: 'Vérifier le Pass' }).click();
  await page.getByText(/Pass de Samia, valable jusqu’au 9 mars 2027/).waitFor();
  await expect.poll(() => page.getByText('Entrée gratuite au musée', { exact: false }).count()).toBe(1);
  await expect.poll(() => page.getByText('Martin').count()).toBe(0);
  await j.step('musee-pass-valide');
  await page.getByLabel(/^Numéro du Pass/).fill(expiredNumber);
  await page.getByRole('button', { name: 'Vérifier le Pass' }).click();
  await page.getByText(/Pass de Claire, valable jusqu’au 31 décembre 2025/).waitFor();
  await expect.poll(() => page.getByText('Expiré', { exact: true }).count()).toBe(1);
  await expect.poll(() => page.getByText('Entrée gratuite au musée', { exact: false }).count()).toBe(0);
  await j.step('musee-pass-expire');
});

it('the town reads the Pass’s uses per partner for the month (counted, never who)', async () => {
  const { page, url } = j;
  await j.login('coordinator');
  await page.setViewportSize(DESKTOP);
  await page.goto(`${url}/cheques/remboursements`);
  await fillMonth(page, 'Mois', '2026-03');
  await expect.poll(() => page.getByText('Musée de Picardie (Centre-ville) — 3 passages').count()).toBe(1);
  await j.step('ville-passages-pass');
  // The same counts in the action plan: the indicator's page gives them per partner and its neighbourhood.
  const town = await j.env.as('coordinator');
  const plan = (await town.post('/api/pilotage/plans', { title: 'Plan familles monoparentales' })).json().id;
  const axis = (await town.post(`/api/pilotage/plans/${plan}/axes`, { code: 'Axe 5', title: 'Sport, culture, loisirs', goals: [] })).json().id;
  const objective = (await town.post(`/api/pilotage/axes/${axis}/objectives`, { code: 'v', title: 'Pass Famille Solo' })).json().id;
  const action = (await town.post(`/api/pilotage/objectives/${objective}/actions`, { title: 'Pass Famille Solo', neighbourhoods: [] })).json().id;
  const indicator = await town.post(`/api/pilotage/actions/${action}/indicators`, {
    label: 'Passages du Pass chez les partenaires',
    unit: 'passages',
    source: 'relais',
    relaisId: 'cheques.pass-verifications',
  });
  expect(indicator.statusCode, indicator.body).toBe(201);
  expect((await town.post(`/api/pilotage/plans/${plan}/compute`, { from: '2026-03', to: '2026-03' })).statusCode).toBe(200);
  await page.goto(`${url}/pilotage/indicateurs/${indicator.json().id}`);
  const perPartner = page.getByRole('table', { name: 'Détail par partenaire' });
  await expect.poll(() => perPartner.getByRole('row', { name: /Musée de Picardie Centre-ville 3/ }).count()).toBe(1);
  await expect.poll(() => perPartner.getByText('Samia').count()).toBe(0);
  await j.step('pilotage-passages-par-partenaire');
  await page.setViewportSize(PHONE);
  await j.step('pilotage-passages-par-partenaire-telephone');
});

it('the yearly allowance reaches the family, with the day it runs out', async () => {
  const { page, url } = j;
  await j.env.rt.deps.jobs.runNow('cheques.allowance', {});
  await j.loginAs(PARENT);
  await page.goto(`${url}/cheques/famille`);
  await page.getByText(/Disponible : 100,00\s€/).waitFor();
  await expect.poll(() => page.getByText(/Dotation annuelle/).count()).toBe(2);
  await expect.poll(() => page.getByText(/Disponible : 260,00\s€/).count()).toBe(1);
  await j.step('famille-dotation');
  await page.setViewportSize(DESKTOP);
  await j.step('famille-dotation-ordinateur');
  await page.setViewportSize(PHONE);
});
