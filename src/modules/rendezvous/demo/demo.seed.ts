/**
 * Demo offer (every name says « démo »): a health permanence the 1st and 3rd Tuesday 12 h–14 h,
 * a rights clinic on Saturday mornings, a stress-management workshop, occasional crèche
 * half-days with a short notice, respite days with childcare, a mobile desk's stop, and a
 * psychologist's permanence booked on a partner's referral (the 2nd and 4th Thursday).
 */
import { parisDate } from '../../../platform/clock';
import type { SeedDef } from '../../../platform/seeds';
import { demoAgentId, insertLieu, insertMotif, insertPlage, insertResource } from '../catalogue.store';

export const rendezvousDemoSeed: SeedDef = {
  name: 'rendezvous.demo',
  async run(ctx, t) {
    const agentId = await demoAgentId(t);
    if (!agentId) return;
    const now = ctx.now();
    const today = parisDate(now);
    const hoods = ctx.town.neighbourhoods.map((n) => n.id);
    const hood = (i: number) => hoods[i % Math.max(1, hoods.length)] ?? null;
    const lieu = (name: string, address: string, i: number, accessibility: string, singleUseDate: string | null = null) =>
      insertLieu(t, { name, address, neighbourhoodId: hood(i), accessibility, singleUseDate, isDemo: true }, now);
    const maison = await lieu('Maison de quartier (démo)', '12 rue des Écoles', 0, 'Plain-pied, toilettes accessibles.');
    const creche = await lieu('Crèche des Lilas (démo)', '3 allée des Lilas', 1, 'Plain-pied, local poussettes.');
    const arret = await lieu('Guichet itinérant — place du Marché (démo)', 'Place du Marché', 2, 'Camion avec rampe.', today);

    const motif = (m: Parameters<typeof insertMotif>[1]) => insertMotif(t, { ...m, isDemo: true }, now);
    const plage = (p: Omit<Parameters<typeof insertPlage>[1], 'firstDate' | 'untilDate' | 'isDemo'>) =>
      insertPlage(t, { ...p, firstDate: today, untilDate: null, isDemo: true }, now);

    const sante = await motif({
      name: 'Permanence santé — infirmière (démo)',
      kind: 'permanence',
      durationMinutes: 30,
      bookableBy: 'family',
      minNoticeMinutes: 60,
      maxNoticeDays: 60,
      cancelNoticeMinutes: 240,
      documents: ['carte Vitale', 'carnet de santé'],
      collective: false,
      capacity: 1,
    });
    await plage({
      agentId,
      resourceId: null,
      lieuId: maison,
      motifIds: [sante],
      startTime: '12:00',
      endTime: '14:00',
      recurrence: { kind: 'monthly', weekday: 2, nths: [1, 3] },
    });

    const droits = await motif({
      name: 'Clinique de droits (démo)',
      kind: 'permanence',
      durationMinutes: 30,
      bookableBy: 'family',
      minNoticeMinutes: 120,
      maxNoticeDays: 45,
      cancelNoticeMinutes: 240,
      documents: ["pièce d'identité", 'dernier avis CAF'],
      collective: false,
      capacity: 1,
    });
    await plage({
      agentId,
      resourceId: null,
      lieuId: maison,
      motifIds: [droits],
      startTime: '09:00',
      endTime: '12:00',
      recurrence: { kind: 'weekly', weekdays: [6] },
    });

    const atelier = await motif({
      name: 'Atelier gestion du stress (démo)',
      kind: 'atelier',
      durationMinutes: 120,
      bookableBy: 'family',
      minNoticeMinutes: 60,
      maxNoticeDays: 60,
      cancelNoticeMinutes: 120,
      documents: [],
      collective: true,
      capacity: 8,
    });
    await plage({
      agentId,
      resourceId: null,
      lieuId: maison,
      motifIds: [atelier],
      startTime: '14:00',
      endTime: '16:00',
      recurrence: { kind: 'weekly', weekdays: [4] },
    });

    const guichet = await motif({
      name: 'Guichet unique mobile (démo)',
      kind: 'permanence',
      durationMinutes: 20,
      bookableBy: 'agent',
      minNoticeMinutes: 0,
      maxNoticeDays: 30,
      cancelNoticeMinutes: 60,
      documents: ['justificatif de domicile'],
      collective: false,
      capacity: 1,
    });
    await plage({ agentId, resourceId: null, lieuId: arret, motifIds: [guichet], startTime: '16:00', endTime: '18:00', recurrence: { kind: 'once' } });

    // Booked for the family by a partner it shared its file with (« sur orientation d'un partenaire »).
    const psy = await motif({
      name: "Permanence psychologue — sur orientation d'un partenaire (démo)",
      kind: 'permanence',
      durationMinutes: 45,
      bookableBy: 'referral',
      minNoticeMinutes: 24 * 60,
      maxNoticeDays: 60,
      cancelNoticeMinutes: 24 * 60,
      documents: [],
      collective: false,
      capacity: 1,
    });
    await plage({
      agentId,
      resourceId: null,
      lieuId: maison,
      motifIds: [psy],
      startTime: '09:30',
      endTime: '12:30',
      recurrence: { kind: 'monthly', weekday: 4, nths: [2, 4] },
    });

    const lilas = await insertResource(t, { name: 'Crèche des Lilas (démo)', lieuId: creche, capacities: { '0-1': 2, '1-3': 4, '3-6': 4 }, isDemo: true }, now);
    const occasionnelle = await motif({
      name: 'Crèche occasionnelle — demi-journée (démo)',
      kind: 'creche',
      durationMinutes: 240,
      bookableBy: 'family',
      minNoticeMinutes: 120,
      maxNoticeDays: 21,
      cancelNoticeMinutes: 120,
      documents: ['carnet de santé (vaccins)'],
      collective: true,
      capacity: 1,
    });
    await plage({
      agentId: null,
      resourceId: lilas,
      lieuId: creche,
      motifIds: [occasionnelle],
      startTime: '08:30',
      endTime: '12:30',
      recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] },
    });
    await plage({
      agentId: null,
      resourceId: lilas,
      lieuId: creche,
      motifIds: [occasionnelle],
      startTime: '13:30',
      endTime: '17:30',
      recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] },
    });

    const repitLieu = await insertResource(
      t,
      { name: 'Journées de répit (démo)', lieuId: maison, capacities: { '1-3': 3, '3-6': 5, '6-12': 6 }, isDemo: true },
      now,
    );
    const repit = await motif({
      name: 'Journée de répit avec garde (démo)',
      kind: 'repit',
      durationMinutes: 480,
      bookableBy: 'family',
      minNoticeMinutes: 24 * 60,
      maxNoticeDays: 60,
      cancelNoticeMinutes: 24 * 60,
      documents: ['carnet de santé'],
      collective: true,
      capacity: 1,
    });
    await plage({
      agentId: null,
      resourceId: repitLieu,
      lieuId: maison,
      motifIds: [repit],
      startTime: '09:00',
      endTime: '17:00',
      recurrence: { kind: 'monthly', weekday: 6, nths: [2] },
    });
  },
};
