/**
 * Demo data of the entraide, every row marked demo: parentothèque items, Parents Voisins
 * posts, a garde partagée cooperative and a covoiturage crew. The families behind the posts,
 * the cooperative and the rides are demo pseudo-households (fixed ids, no household file):
 * their contact details never show, and nothing here counts in the indicators.
 */
import { parisDate } from '../../platform/clock';
import type { SeedDef } from '../../platform/seeds';
import { searchDirectory } from '../annuaire/index';
import * as coops from './coops.store';
import * as store from './entraide.store';
import * as loans from './loans.store';
import { roadKm } from './ride-matching';
import { matchWaiting } from './rides.service';
import * as rides from './rides.store';

/** The demo pseudo-households (no household file behind them). */
export const DEMO_FAMILIES = [1, 2, 3, 4, 5, 6].map((i) => `00000000-0000-4000-8000-00000000e0${String(i).padStart(2, '0')}`);
const DAY_MS = 86_400_000;

const ITEMS = [
  {
    title: 'Poussette canne (démo)',
    category: 'poussette',
    condition: 'bon',
    mode: 'pret',
    donorKind: 'partenaire',
    donorLabel: 'Association Les Petits Pas (démo)',
    loanDays: 30,
  },
  { title: 'Lit parapluie avec matelas (démo)', category: 'lit', condition: 'tres-bon', mode: 'pret', donorKind: 'famille', donorLabel: null, loanDays: 60 },
  {
    title: 'Siège auto 9-18 kg (démo)',
    category: 'siege-auto',
    condition: 'tres-bon',
    mode: 'pret',
    donorKind: 'partenaire',
    donorLabel: 'Centre social (démo)',
    loanDays: 90,
  },
  {
    title: 'Cartable CP (démo)',
    category: 'cartable',
    condition: 'neuf',
    mode: 'don',
    donorKind: 'entreprise',
    donorLabel: 'Librairie du centre (démo)',
    loanDays: 30,
  },
  {
    title: 'Lave-linge 7 kg (démo)',
    category: 'electromenager',
    condition: 'bon',
    mode: 'don',
    donorKind: 'entreprise',
    donorLabel: 'Recyclerie solidaire (démo)',
    loanDays: 30,
  },
] as const;

export const entraideDemoSeed: SeedDef = {
  name: 'entraide.demo',
  async run(ctx, t) {
    const now = ctx.now();
    const [first, second] = ctx.town.neighbourhoods;
    for (const item of ITEMS) await loans.insertItem(t, { ...item, description: '', neighbourhoodId: first?.id ?? null, isDemo: true, now });

    if (first) {
      const posts = [
        {
          householdId: DEMO_FAMILIES[0]!,
          kind: 'request',
          category: 'trajet',
          title: 'Trajet école lundi matin (démo)',
          inDays: 3,
          description: 'Mon fils entre au CP, je commence à 7 h 30 le lundi.',
        },
        {
          householdId: DEMO_FAMILIES[1]!,
          kind: 'offer',
          category: 'courses',
          title: 'Je fais les courses samedi (démo)',
          inDays: 4,
          description: 'Je vais au marché, je peux prendre quelques produits pour une famille.',
        },
        {
          householdId: DEMO_FAMILIES[2]!,
          kind: 'offer',
          category: 'ecoute',
          title: 'Un café entre parents solos (démo)',
          inDays: 6,
          description: 'Pour parler un peu, au centre social.',
        },
      ] as const;
      for (const p of posts)
        await store.insertPost(t, {
          ...p,
          neighbourhoodId: (p.category === 'ecoute' ? (second ?? first) : first).id,
          startsAt: new Date(now.getTime() + p.inDays * DAY_MS),
          endsAt: null,
          isDemo: true,
          now,
        });
      const hours = { weekdays: [1, 2, 3, 4, 5], from: '08:30', to: '18:30' };
      const coopId = await coops.insertCoop(t, { name: 'Les Petits Loups (démo)', neighbourhoodId: first.id, hourlyCostCents: 1250, isDemo: true, hours, now });
      await coops.addMember(t, coopId, { householdId: DEMO_FAMILIES[3]!, minutesPerWeek: 20 * 60, custody: 'all', hours }, now);
      await coops.addMember(t, coopId, { householdId: DEMO_FAMILIES[4]!, minutesPerWeek: 12 * 60, custody: 'odd', hours }, now);
    }

    // A Saturday workshop of the directory: one family drives, one rides (a crew proposed).
    const found = await searchDirectory(ctx, { q: 'ateliers parents-enfants', page: 1, par_page: 20 });
    const activity = found.services.find((s) => s.latitude !== null && s.longitude !== null && s.demo);
    if (activity && first) {
      const today = parisDate(now);
      const toDay = parisDate(new Date(now.getTime() + 120 * DAY_MS));
      const base = {
        serviceId: activity.id,
        placeLabel: `${activity.nom} — ${activity.structure.nom}`,
        placeLat: activity.latitude!,
        placeLon: activity.longitude!,
        weekday: 6,
        arriveAt: '10:00',
        fromDay: today,
        toDay,
        detourPercent: 25,
        custody: 'all' as const,
        homeLat: first.center[0],
        homeLon: first.center[1],
        isDemo: true,
        now,
      };
      await rides.insertRide(t, { ...base, householdId: DEMO_FAMILIES[4]!, role: 'driver', children: 1, seats: 2, canDrive: true });
      await rides.insertRide(t, { ...base, householdId: DEMO_FAMILIES[5]!, role: 'passenger', children: 1, seats: 0, canDrive: false });
      // Demo crew: straight line × factor (no routing request while seeding).
      await matchWaiting(t, ctx, activity.id, 6, roadKm, { isDemo: true });
    }
  },
};
