/**
 * Journey (issue 19, "An app on the phone"): on a 360 px phone, Chromium finds the home page
 * installable (manifest, icons, service worker: no installability error). A family signs in
 * and opens its Pass Famille Solo, its next bookings and its saved estimate; the network
 * goes; after a reload all three still show. Offline, it cancels a booking: the page says the
 * cancellation waits for the network; the network returns and it is sent, once. So do a
 * correction of its household file and a request for an aid (with its document) made offline.
 * The family signs out: the phone keeps nothing of its pass.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertUser } from '../src/platform/auth/auth.service';
import { TEST_PASSWORD } from '../src/platform/testing';
import { tx } from '../src/platform/db/pool';
import { installAidFiles } from '../src/modules/aides/catalogue.service';
import { offer } from '../src/modules/rendezvous/fixtures/families';
import { CHROMIUM, CHROMIUM_ARGS, nextStep, startJourney, type Journey } from './harness';

// Monday 9 March 2026, 9 h in Paris.
const NOW = '2026-03-09T09:00:00+01:00';
const PHONE = { width: 360, height: 800 };
const PARENT = `awa-pwa-${Math.random().toString(36).slice(2, 6)}@e2e.relais.fr`;

let j: Journey;
let passNumber = '';
let bookingId = '';
let householdId = '';

beforeAll(async () => {
  j = await startJourney('pwa', { now: NOW, viewport: PHONE });
  const { env } = j;
  // The family's file, its pass (issued by an agent), a booking and a saved estimate.
  const parent = await env.as('parent', { identifier: PARENT, displayName: 'Awa Diallo' });
  const file = await parent.post('/api/dossiers/me', {
    parent: { firstName: 'Awa', lastName: 'Diallo', birthDate: '1990-05-12' },
    children: [{ firstName: 'Lina', birthDate: '2018-09-01' }],
    address: { line: '2 rue des Jacobins', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    quotient: { entered: 450 },
  });
  expect(file.statusCode, file.body).toBe(201);
  householdId = file.json().household.id as string;
  await tx(env.rt.deps.db, (t) => installAidFiles(t, env.clock.now(), 2026));
  const staff = await env.as('agent');
  await staff.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Pass Famille Solo' });
  expect((await staff.post(`/api/cheques/households/${householdId}/pass`, {})).statusCode).toBe(201);
  passNumber = (await parent.get('/api/cheques/me/pass')).json().pass.number;

  const agent = await insertUser(env.rt.deps.db, {
    identifier: `agent-pwa@e2e.relais.fr`,
    password: TEST_PASSWORD,
    role: 'agent',
    displayName: 'Claire Martin',
  });
  const permanence = await offer(
    env.rt,
    {
      agentId: agent.id,
      motif: { name: 'Permanence CAF' },
      recurrence: { kind: 'weekly', weekdays: [2] },
      startTime: '10:00',
      endTime: '12:00',
      firstDate: '2026-03-01',
    },
    env.clock.now(),
  );
  const booked = await parent.post('/api/rendezvous/bookings', {
    motifId: permanence.motifId,
    ownerId: permanence.ownerId,
    start: '2026-03-10T09:00:00.000Z',
    parent: true,
  });
  expect(booked.statusCode, booked.body).toBe(201);
  bookingId = booked.json().bookingIds[0];

  const me = (await parent.get('/api/droits/potential/me')).json();
  const saved = await parent.post('/api/droits/potential/check', { input: me.household.input, received: [], save: true });
  expect(saved.statusCode, saved.body).toBe(200);
}, 120_000);
afterAll(() => j?.close());

const parentPhone = async () =>
  (await j.env.rt.deps.db.query<{ phone: string | null }>(`SELECT phone FROM household_members WHERE household_id = $1 AND kind = 'parent'`, [householdId]))
    .rows[0]!.phone;
const aidRequests = async () =>
  Number(
    (await j.env.rt.deps.db.query<{ n: string }>(`SELECT count(*) AS n FROM aid_requests WHERE household_id = $1 AND status = 'deposee'`, [householdId]))
      .rows[0]!.n,
  );

const cancellations = async () =>
  Number(
    (await j.env.rt.deps.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'rendezvous/cancelled' AND subject_id = $1`, [bookingId]))
      .rows[0]!.n,
  );

it('installs, opens the pass, the bookings and the estimate offline, sends a cancellation, a file correction and an aid request made offline once, and forgets the family at sign-out', async () => {
  const { page, url, context } = j;

  // ——— installable: the manifest, its icons and a service worker that controls the page.
  // Chromium never offers to install from an incognito profile (the journey's context is one):
  // this check runs in a profile of its own on disk, as on a phone.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-pwa-'));
  const phone = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: PHONE });
  try {
    const home = phone.pages()[0] ?? (await phone.newPage());
    await home.goto(`${url}/`);
    await expect.poll(() => home.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    const cdp = await phone.newCDPSession(home);
    await expect
      .poll(async () => {
        const r = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
        return r.installabilityErrors.map((e) => e.errorId);
      })
      .toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  } finally {
    await phone.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  await page.goto(`${url}/`);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
  await j.step('accueil-installable');

  // ——— the family signs in and opens its pass, its bookings and its estimate (online)
  await j.loginAs(PARENT);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.goto(`${url}/cheques/famille`);
  await page.getByText(passNumber).waitFor();
  await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
  await page.getByText('Permanence CAF').first().waitFor();
  await page.goto(`${url}/droits/potentiels`);
  await page.getByText('Dernière estimation enregistrée').waitFor();

  // ——— no network: the pass, after a reload
  await context.setOffline(true);
  await page.goto(`${url}/cheques/famille`);
  await page.reload();
  await page.getByText(passNumber).waitFor();
  await page.getByText(/Vous êtes hors connexion/).waitFor();
  await j.step('pass-hors-connexion');
  await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
  await page.getByText('Permanence CAF').first().waitFor();
  await j.step('rendez-vous-hors-connexion');
  await page.goto(`${url}/droits/potentiels`);
  await page.getByText('Dernière estimation enregistrée').waitFor();
  await j.step('estimation-hors-connexion');

  // ——— a cancellation made offline waits, then goes when the network returns, once
  await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
  await page.getByRole('button', { name: 'Annuler', exact: true }).first().click();
  await page.getByRole('group').getByRole('button', { name: 'Annuler', exact: true }).click();
  await page.getByText('En attente de réseau — sera envoyé automatiquement').first().waitFor();
  await j.step('annulation-en-attente');
  expect(await cancellations()).toBe(0);
  await context.setOffline(false);
  await page.getByText(/« Permanence CAF » : Envoyé/).waitFor();

  // The page read its data again: the booking left the upcoming ones (for the past ones, as cancelled).
  await expect.poll(() => page.getByRole('region', { name: 'À venir' }).getByRole('heading', { name: 'Permanence CAF' }).count()).toBe(0);
  await expect.poll(cancellations).toBe(1);
  await j.step('annulation-envoyee');
  // A second page start (the queue is flushed again on start) sends nothing more.
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const replays = await j.env.rt.deps.db.query(`SELECT status FROM idempotency_keys WHERE path = $1`, [`/api/rendezvous/bookings/${bookingId}/cancel`]);
  expect(replays.rows).toEqual([{ status: 204 }]);
  expect(await cancellations()).toBe(1);

  // ——— the household file corrected offline: it waits, then goes when the network returns
  await page.goto(`${url}/dossier/remplir`);
  await expect.poll(() => page.locator('#household-form-step').textContent()).toBe('Vous');
  await page.getByLabel('Téléphone', { exact: true }).fill('06 11 22 33 44');
  while (!(await page.getByRole('button', { name: 'Enregistrer', exact: true }).count())) await nextStep(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText('Mise à jour de votre dossier : En attente de réseau — sera envoyé automatiquement').waitFor();
  await j.step('dossier-en-attente');
  expect(await parentPhone()).toBeNull();
  await context.setOffline(false);
  await page.getByText('Mise à jour de votre dossier : Envoyé').waitFor();
  await expect.poll(parentPhone).toMatch(/^(\+33|0)6\s?11/);
  await j.step('dossier-envoye');

  // ——— a request for an aid, with its document, made offline: it waits, then goes once
  await page.goto(`${url}/aides/demander/fonds-educatif`);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Fonds éducatif d' }).waitFor();
  await page.getByLabel(/^Coût de la sortie ou de l'activité/).fill('45');
  await page.getByLabel(/^Pour quoi/).fill('Sortie scolaire au zoo');
  await page
    .getByLabel("Choisir le fichier (Facture ou devis de la sortie ou de l'activité)")
    .setInputFiles({ name: 'devis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% devis\n') });
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await page.getByText("Demande d’aide « Fonds éducatif d'urgence » : En attente de réseau — sera envoyé automatiquement").waitFor();
  await j.step('aide-en-attente');
  expect(await aidRequests()).toBe(0);
  await context.setOffline(false);
  await page.getByText("Demande d’aide « Fonds éducatif d'urgence » : Envoyé").waitFor();
  await expect.poll(aidRequests).toBe(1);
  await j.step('aide-envoyee');
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await aidRequests()).toBe(1);

  // ——— sign-out: this phone keeps nothing of the family
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${url}/`);
  await expect.poll(() => page.evaluate(async () => Boolean(await (await caches.open('relais-family-v1')).match('/api/cheques/me/pass')))).toBe(false);
  await context.setOffline(true);
  await page.goto(`${url}/cheques/famille`);
  await page.getByText('Connectez-vous pour voir votre compte.').waitFor();
  expect(await page.getByText(passNumber).count()).toBe(0);
  await j.step('apres-deconnexion-hors-connexion');
  await context.setOffline(false);
});
