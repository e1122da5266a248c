/**
 * Journey of the covoiturage: two families of Étouvie going to the same Wednesday activity
 * of the directory are matched for a ride; each confirms; then they see each other's phone
 * and who drives the next Wednesdays. (Demo data seeded: the directory's activities.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postFromPage, startJourney, type Journey, fillDate } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('entraide-covoiturage', { seed: true, now: '2026-03-10T10:00:00+01:00', viewport: { width: 360, height: 800 } });
}, 180_000);
afterAll(() => j?.close());

async function newFamily(firstName: string, phone: string): Promise<string> {
  return (await newFamilyFile(firstName, phone)).identifier;
}

async function newFamilyFile(firstName: string, phone: string): Promise<{ identifier: string; householdId: string }> {
  await j.page.context().clearCookies();
  const who = await j.login('parent');
  const res = await postFromPage(j.page, '/api/dossiers/me', {
    parent: { firstName, lastName: 'Voisin', birthDate: '1987-09-14', phone, email: `${firstName.toLowerCase()}.covoit@example.fr` },
    children: [{ firstName: 'Lina', birthDate: '2016-02-03' }],
    address: { line: '2 rue de Picardie', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  });
  expect(res.status).toBe(201);
  return { identifier: who.identifier, householdId: res.json.household.id };
}

async function register(role: 'driver' | 'passenger'): Promise<void> {
  const { page, url } = j;
  await page.goto(`${url}/entraide/covoiturage`);
  await expect.poll(() => page.getByRole('heading', { name: 'Proposer ou demander un trajet' }).count()).toBe(1);
  const activity = page.getByLabel('Activité (annuaire)');
  await expect.poll(() => activity.locator('option', { hasText: 'Sport parent et enfant' }).count()).toBe(1);
  const value = await activity.locator('option', { hasText: 'Sport parent et enfant' }).getAttribute('value');
  await activity.selectOption(value!);
  await page.getByLabel('Jour de la semaine').selectOption('3');
  await page.getByLabel('Heure d’arrivée').fill(role === 'passenger' ? '13:50' : '14:00');
  await fillDate(page, 'Premier jour', '2026-03-11');
  await fillDate(page, 'Dernier jour', '2026-06-24');
  if (role !== 'passenger') {
    await page.getByText('conduisez et avez des places libres').click();
    await page.getByText('Je suis majeur et j’ai le permis de conduire').click();
  }
}

it('two families going to the same Wednesday activity are matched for a ride', async () => {
  const { page } = j;
  const nadia = await newFamily('Nadia', '0611223344');
  await register('driver');
  // Without the licence box: refused, with the reason beside it.
  await page.getByText('Je suis majeur et j’ai le permis de conduire').click();
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect.poll(() => page.getByText('Cochez si vous êtes majeur et avez le permis.').count()).toBeGreaterThan(0);
  await j.step('permis-demande');
  await page.getByText('Je suis majeur et j’ai le permis de conduire').click();
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect.poll(() => page.getByText(/nous vous proposerons un groupe/).count()).toBe(1);
  await expect.poll(() => page.getByText('En attente d’une autre famille').count()).toBe(1);
  await j.step('conductrice-inscrite');

  await newFamily('Karim', '0655443322');
  await register('passenger');
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect.poll(() => page.getByText(/une autre famille va au même endroit/).count()).toBe(1);
  await expect.poll(() => page.getByText('Groupe proposé : à confirmer').count()).toBe(1);
  // Before both confirm: no name, no phone.
  expect(await page.getByText('0611223344').count()).toBe(0);
  expect(await page.getByText(/Nadia/).count()).toBe(0);
  await j.step('groupe-propose');
  await page.getByRole('button', { name: 'Confirmer ce groupe' }).click();
  await expect.poll(() => page.getByText('a confirmé').count()).toBe(1);

  await j.loginAs(nadia);
  await j.page.goto(`${j.url}/entraide/covoiturage`);
  await expect.poll(() => page.getByText(/Vous conduisez/).count()).toBe(1);
  await page.getByRole('button', { name: 'Confirmer ce groupe' }).click();
  await expect.poll(() => page.getByText('Groupe confirmé').count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: '0655443322' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('cell', { name: '11 mars 2026' }).count()).toBe(1);
  await j.step('groupe-confirme', { fullPage: true });
});

it('a family offers a ride to its booking at the crèche, from its list of bookings and places', async () => {
  const { page, url } = j;
  const sonia = await newFamilyFile('Sonia', '0622334455');
  // Sonia booked the demo crèche for Wednesday 18 March at 9:00 (set up directly: the rendezvous journey books through its pages).
  const db = j.env.rt.deps.db;
  const { rows } = await db.query<{ lieu: string; motif: string; resource: string }>(
    `SELECT (SELECT id FROM rdv_lieux WHERE name = 'Crèche des Lilas (démo)') AS lieu, (SELECT id FROM rdv_motifs ORDER BY name LIMIT 1) AS motif,
            (SELECT id FROM rdv_resources LIMIT 1) AS resource`,
  );
  const { lieu, motif, resource } = rows[0]!;
  const session = await db.query<{ id: string }>(
    `INSERT INTO rdv_sessions (motif_id, resource_id, lieu_id, age_group, during, capacity, taken, created_at)
     VALUES ($1, $2, $3, 'e2e-rides', tstzrange('2026-03-18T09:00:00+01:00', '2026-03-18T11:00:00+01:00'), 4, 1, now()) RETURNING id`,
    [motif, resource, lieu],
  );
  await db.query(
    `INSERT INTO rdv_bookings (session_id, household_id, subject_key, during, status, created_at, status_at)
     VALUES ($1, $2::uuid, 'parent:' || $2::text, tstzrange('2026-03-18T09:00:00+01:00', '2026-03-18T11:00:00+01:00'), 'confirmed', now(), now())`,
    [session.rows[0]!.id, sonia.householdId],
  );
  const { rows: m } = await db.query<{ name: string }>('SELECT name FROM rdv_motifs WHERE id = $1', [motif]);

  await page.goto(`${url}/entraide/covoiturage`);
  await expect.poll(() => page.getByRole('heading', { name: 'Mes rendez-vous et mes places' }).count()).toBe(1);
  await page.getByRole('button', { name: `Proposer ou demander un trajet : ${m[0]!.name}` }).click();
  await expect.poll(() => page.getByText('Le jour et l’heure sont ceux du rendez-vous : le 18 mars 2026 à 9 h 00.').count()).toBe(1);
  // Sonia is at home: she starts from her phone's position rather than the centre of her quarter.
  await page.context().grantPermissions(['geolocation'], { origin: url });
  await page.context().setGeolocation({ latitude: 49.9123456, longitude: 2.2598765 });
  await page.getByRole('button', { name: 'Partir de ma position (si je suis chez moi)' }).click();
  await expect.poll(() => page.getByText(/Le point de départ est votre position, arrondie à 100 m environ/).count()).toBe(1);
  await j.step('depart-de-ma-position');
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect.poll(() => page.getByText(/nous vous proposerons un groupe/).count()).toBe(1);
  const home = await db.query<{ lat: number; lon: number }>('SELECT home_lat AS lat, home_lon AS lon FROM entraide_rides WHERE household_id = $1', [
    sonia.householdId,
  ]);
  expect(home.rows.map((r) => [Number(r.lat), Number(r.lon)])).toEqual([[49.912, 2.26]]);
  await expect.poll(() => page.getByRole('heading', { name: 'Crèche des Lilas (démo) — 3 allée des Lilas' }).count()).toBe(1);
  await j.step('trajet-vers-un-rendez-vous');
  // The covoiturage page on a desktop screen too.
  await page.setViewportSize({ width: 1280, height: 900 });
  await j.step('trajet-vers-un-rendez-vous-bureau');
  await page.setViewportSize({ width: 360, height: 800 });
});
