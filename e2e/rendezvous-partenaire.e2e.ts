/**
 * Journey (issue 14, partner referral): a partner structure (the Mission locale), on a 360 px
 * phone, proposes to a family that shared its file with it an appointment of a motif open to
 * partner referral, for the family's child; it sees the appointment it proposed. The family
 * finds it in « Mes rendez-vous », « Proposé par » the structure, and has been told by SMS.
 * The partner, at its desk, moves it a week later, then cancels it: the family is told each
 * time. On a full slot it puts the child on the waitlist (the family sees it « proposé par »
 * the structure) and withdraws it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertUser } from '../src/platform/auth/auth.service';
import { TEST_PASSWORD } from '../src/platform/testing';
import { consentTo, fileFor, offer } from '../src/modules/rendezvous/fixtures/families';
import { postFromPage, startJourney, type Journey } from './harness';

// Monday 9 March 2026, 9 h in Paris.
const NOW = '2026-03-09T09:00:00+01:00';
const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1100, height: 900 };
const STRUCTURE = 'Mission locale du Grand Amiens';

let j: Journey;
let partnerIdentifier: string;
let parentIdentifier: string;
let householdId: string;
let clinic: { motifId: string; ownerId: string };

beforeAll(async () => {
  j = await startJourney('rendezvous-partenaire', { now: NOW, viewport: PHONE });
  const db = j.env.rt.deps.db;
  const now = j.env.clock.now();
  const agent = await insertUser(db, {
    identifier: `agent-rdvp-${Date.now()}@e2e.relais.fr`,
    password: TEST_PASSWORD,
    role: 'agent',
    displayName: 'Claire Martin',
  });
  await offer(
    j.env.rt,
    {
      agentId: agent.id,
      motif: {
        name: 'Atelier « premier emploi » (sur orientation)',
        kind: 'atelier',
        bookableBy: 'referral',
        collective: true,
        capacity: 6,
        durationMinutes: 90,
        minNoticeMinutes: 60,
        documents: ['CV si vous en avez un'],
      },
      recurrence: { kind: 'weekly', weekdays: [3] },
      startTime: '14:00',
      endTime: '15:30',
      firstDate: '2026-03-01',
    },
    now,
  );
  // One seat on Thursdays 10 h–11 h: the partner finds it full and puts Léo on its waitlist.
  clinic = await offer(
    j.env.rt,
    {
      agentId: agent.id,
      motif: { name: 'Clinique de droits (sur orientation)', bookableBy: 'referral', durationMinutes: 60, minNoticeMinutes: 60 },
      recurrence: { kind: 'weekly', weekdays: [4] },
      startTime: '10:00',
      endTime: '11:00',
      firstDate: '2026-03-01',
    },
    now,
  );
  // A motif the family books itself: not proposed to the partner.
  await offer(j.env.rt, { agentId: agent.id, motif: { name: 'Permanence santé', bookableBy: 'family' }, recurrence: { kind: 'weekly', weekdays: [2] } }, now);
  const structureId = await j.env.structure();
  await db.query(`UPDATE annuaire_structures SET nom = $2 WHERE id = $1`, [structureId, STRUCTURE]);
  partnerIdentifier = `partenaire-rdv-${Date.now()}@e2e.relais.fr`;
  await insertUser(db, { identifier: partnerIdentifier, password: TEST_PASSWORD, role: 'partner', displayName: 'Inès Bernard', structureId });
  parentIdentifier = `parent-rdvp-${Date.now()}@e2e.relais.fr`;
  const parent = await insertUser(db, { identifier: parentIdentifier, password: TEST_PASSWORD, role: 'parent', displayName: 'Awa' });
  const file = await fileFor(j.env.rt, parent.id, ['2009-05-04'], now);
  await consentTo(j.env.rt, file.householdId, structureId, ['identity', 'children'], 'orientation', now);
  householdId = file.householdId;
}, 120_000);
afterAll(() => j?.close());

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

it('a partner proposes an appointment to a family that consented; the family sees it « proposé par » the structure; the partner moves and cancels it, and waitlists the child on a full slot', async () => {
  const { page, url } = j;

  // ——— the partner, on its phone
  await j.loginAs(partnerIdentifier);
  await page.goto(`${url}/rendez-vous`);
  await expect.poll(() => h1(page)).toBe('Prendre rendez-vous');
  const family = page.locator('li.card').filter({ has: page.getByRole('heading', { name: 'Awa Diallo' }) });
  await expect.poll(() => family.count()).toBe(1);
  await expect.poll(() => family.getByText('Votre structure n’a pas encore proposé de rendez-vous à cette famille.').count()).toBe(1);
  await j.step('partenaire-familles');

  await family.getByRole('button', { name: 'Proposer un rendez-vous' }).click();
  await expect.poll(() => family.getByRole('button', { name: /premier emploi/ }).count()).toBe(1);
  // Only the motifs open to partner referral.
  expect(await family.getByRole('button', { name: /Permanence santé/ }).count()).toBe(0);
  await j.step('partenaire-motifs');
  await family.getByRole('button', { name: /premier emploi/ }).click();
  const wednesday = family.getByRole('region', { name: 'mercredi 11 mars' });
  await expect.poll(() => wednesday.count()).toBe(1);
  await wednesday.getByRole('button', { name: /^14 h( ·|$)/ }).click();
  await expect.poll(() => family.getByRole('heading', { name: '3. Confirmer' }).count()).toBe(1);
  // Léo comes, not his mother.
  await family.locator('label.check').filter({ hasText: 'Le parent' }).click();
  await family.locator('label.check').filter({ hasText: 'Léo' }).click();
  await expect.poll(() => family.getByRole('checkbox', { name: 'Léo' }).isChecked()).toBe(true);
  await expect.poll(() => family.getByRole('checkbox', { name: 'Le parent' }).isChecked()).toBe(false);
  await j.step('partenaire-confirmer');
  await family.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await expect.poll(() => family.getByText('Le rendez-vous est pris. La famille est prévenue', { exact: false }).count()).toBe(1);
  const proposed = family.locator('li.item-card').filter({ hasText: 'premier emploi' });
  await expect.poll(() => proposed.count()).toBe(1);
  await expect.poll(() => proposed.getByText('mercredi 11 mars à 14 h', { exact: false }).count()).toBe(1);
  await j.step('partenaire-propose');

  // The family's confirmation, through the queue, says who proposed it.
  const { rows: notices } = await j.env.rt.deps.db.query<{ id: string }>(`SELECT id FROM rdv_notices WHERE sent_at IS NULL`);
  await j.env.rt.deps.jobs.runNow('rendezvous.send-notice', { ids: notices.map((n) => n.id) });
  const sms = await j.env.rt.deps.db.query<{ body: string }>(`SELECT body FROM notifications WHERE template = 'rendezvous.confirmation' AND channel = 'sms'`);
  expect(sms.rows.map((r) => r.body)).toEqual([
    `Relais : votre rendez-vous « Atelier « premier emploi » (sur orientation) » est confirmé le mercredi 11 mars à 14 h, Maison de quartier, 1 rue de la Paix. Proposé par ${STRUCTURE}. À apporter : CV si vous en avez un.`,
  ]);

  // ——— the family finds it among its appointments
  await j.loginAs(parentIdentifier);
  await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
  await expect.poll(() => h1(page)).toBe('Mes rendez-vous');
  const mine = page.locator('li.item-card').filter({ hasText: 'premier emploi' });
  await expect.poll(() => mine.count()).toBe(1);
  await expect.poll(() => mine.getByText(`Proposé par ${STRUCTURE}`).count()).toBe(1);
  await expect.poll(() => mine.getByRole('button', { name: 'Déplacer' }).count()).toBe(1);
  await j.step('famille-propose-par');

  // ——— the partner, at its desk, cancels it: the family is told
  await j.loginAs(partnerIdentifier);
  await page.setViewportSize(DESKTOP);
  await page.goto(`${url}/rendez-vous`);
  const card = page.locator('li.card').filter({ has: page.getByRole('heading', { name: 'Awa Diallo' }) });
  const item = card.locator('li.item-card').filter({ hasText: 'premier emploi' });
  await expect.poll(() => item.count()).toBe(1);
  await j.step('partenaire-bureau');
  // It moves it a week later: the family is told.
  await item.getByRole('button', { name: 'Déplacer' }).click();
  const nextWeek = item.getByRole('region', { name: 'mercredi 18 mars' });
  await expect.poll(() => nextWeek.count()).toBe(1);
  await j.step('partenaire-deplacer');
  await nextWeek.getByRole('button', { name: /^14 h( ·|$)/ }).click();
  await expect.poll(() => card.getByText('Rendez-vous déplacé. La famille est prévenue.').count()).toBe(1);
  await expect.poll(() => item.getByText('mercredi 18 mars à 14 h', { exact: false }).count()).toBe(1);
  const moved = await j.env.rt.deps.db.query(`SELECT 1 FROM notifications WHERE template = 'rendezvous.moved' AND channel = 'sms'`);
  expect(moved.rowCount).toBe(1);
  await item.getByRole('button', { name: 'Annuler' }).click();
  await item.getByRole('group', { name: 'Annuler ce rendez-vous ?' }).getByRole('button', { name: 'Annuler' }).click();
  await expect.poll(() => card.getByText('Rendez-vous annulé. La famille est prévenue.').count()).toBe(1);
  await expect.poll(() => item.getByText('Annulé par le service').count()).toBe(1);
  await j.step('partenaire-annule');
  const told = await j.env.rt.deps.db.query(`SELECT 1 FROM notifications WHERE template = 'rendezvous.cancelled' AND channel = 'sms'`);
  expect(told.rowCount).toBe(1);

  // ——— a full slot: the partner puts Léo on the waitlist (the parent holds Thursday's only seat)
  const seat = await postFromPage(page, '/api/rendezvous/bookings', {
    motifId: clinic.motifId,
    ownerId: clinic.ownerId,
    start: '2026-03-12T09:00:00.000Z',
    parent: true,
    childIds: [],
    householdId,
  });
  expect(seat.status).toBe(201);
  await page.reload();
  await expect.poll(() => card.getByRole('button', { name: 'Proposer un rendez-vous' }).count()).toBe(1);
  await card.getByRole('button', { name: 'Proposer un rendez-vous' }).click();
  await card.getByRole('button', { name: /Clinique de droits/ }).click();
  const thursday = card.getByRole('region', { name: 'jeudi 12 mars' });
  await expect.poll(() => thursday.count()).toBe(1);
  await thursday.getByRole('button', { name: /^10 h/ }).click();
  await card.locator('label.check').filter({ hasText: 'Le parent' }).click();
  await card.locator('label.check').filter({ hasText: 'Léo' }).click();
  await expect.poll(() => card.getByText('inscrivez la famille sur la liste d’attente', { exact: false }).count()).toBe(1);
  await j.step('partenaire-complet');
  await card.getByRole('button', { name: 'Rejoindre la liste d’attente' }).click();
  await expect.poll(() => card.getByText('La famille est sur la liste d’attente.').count()).toBe(1);
  const waiting = card.locator('li.item-card').filter({ hasText: 'Clinique de droits' }).filter({ hasText: 'En attente d’une place' });
  await expect.poll(() => waiting.count()).toBe(1);
  await j.step('partenaire-liste-attente');

  // The family sees the entry, « proposé par » the structure; the partner withdraws it.
  await j.loginAs(parentIdentifier);
  await page.setViewportSize(PHONE);
  await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
  const entry = page.locator('li.item-card').filter({ hasText: 'Clinique de droits' }).filter({ hasText: 'En attente d’une place' });
  await expect.poll(() => entry.count()).toBe(1);
  await expect.poll(() => entry.getByText(`Proposé par ${STRUCTURE}`, { exact: false }).count()).toBe(1);
  await j.step('famille-liste-attente');
  await j.loginAs(partnerIdentifier);
  await page.goto(`${url}/rendez-vous`);
  const again = page
    .locator('li.card')
    .filter({ has: page.getByRole('heading', { name: 'Awa Diallo' }) })
    .locator('li.item-card')
    .filter({ hasText: 'En attente d’une place' });
  await expect.poll(() => again.count()).toBe(1);
  await again.getByRole('button', { name: 'Retirer de la liste d’attente' }).click();
  await expect.poll(() => page.getByText('La famille est retirée de la liste d’attente.').count()).toBe(1);
  await expect.poll(() => again.count()).toBe(0);
  await j.step('partenaire-retire');
});
