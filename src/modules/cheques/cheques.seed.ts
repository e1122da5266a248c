/**
 * Demo data (every record marked demo; names of partners come from the demo directory, all
 * « (démo) »): the demo family's chèque santé, chèques services and carte alimentaire, a few
 * payments at partners (one last month, for the town's reimbursements page), its Pass
 * Famille Solo, the partners accepting each kind, and what partners offer pass holders.
 */
import { parisDate } from '../../platform/clock';
import type { SeedDef } from '../../platform/seeds';
import { findStructures } from '../annuaire/index';
import { getHouseholdForUser } from '../dossiers/index';
import { chequesRules } from './cheques-rules';
import * as store from './cheques.store';
import { generateCode } from './codes';
import { passPeriod } from './eligibility';
import { expiryInstant } from './ledger.service';
import { structureBasics } from './structures';
import type { Kind } from './kinds';
import * as passStore from './pass.store';

const DAY = 86_400_000;

/** Partners of the demo directory (Amiens' demo file), the kinds they accept and what they offer pass holders. */
const PARTNERS: {
  name: string;
  kinds: Kind[];
  offer?: { benefit: passStore.OfferRow['benefit']; theme: passStore.OfferRow['theme']; title: string; details: string | null };
}[] = [
  { name: "Pharmacie d'Elbeuf", kinds: ['sante'] },
  { name: "Cabinet dentaire d'Étouvie", kinds: ['sante'] },
  { name: "Épicerie solidaire d'Étouvie", kinds: ['alimentaire'] },
  {
    name: "Centre social d'Étouvie",
    kinds: ['services', 'alimentaire'],
    offer: {
      benefit: 'reserved_workshop',
      theme: 'ateliers',
      title: 'Ateliers parents-enfants du mercredi (démo)',
      details: 'Deux places réservées par atelier.',
    },
  },
  { name: 'Crèche à horaires étendus Les Lucioles', kinds: ['garde'] },
  {
    name: 'Piscine du Nord',
    kinds: [],
    offer: { benefit: 'free_entry', theme: 'sport', title: 'Entrée gratuite pour les enfants (démo)', details: '1 € pour le parent.' },
  },
  {
    name: 'Maison de la culture, ateliers familles',
    kinds: [],
    offer: { benefit: 'reduced_price', theme: 'culture', title: 'Place enfant gratuite aux spectacles (démo)', details: '5 € pour le parent.' },
  },
  {
    name: 'Club omnisports du Sud',
    kinds: [],
    offer: { benefit: 'free_entry', theme: 'sport', title: 'Licence enfant offerte (démo)', details: null },
  },
];

export const chequesDemoSeed: SeedDef = {
  name: 'cheques.demo',
  async run(ctx, t) {
    const now = ctx.now();
    const today = parisDate(now);
    const ago = (days: number) => new Date(now.getTime() - days * DAY);

    // Partners: found by their name in the demo directory (another town's demo directory may have none of them).
    const partner = new Map<string, string>();
    for (const p of PARTNERS) {
      const found = (await findStructures(ctx, p.name)).find((s) => s.nom === `${p.name} (démo)`);
      if (!found) continue;
      partner.set(p.name, found.id);
      if (p.kinds.length) await store.setKindsOfStructure(t, found.id, p.kinds, null, now);
      if (p.offer) {
        const hood = (await structureBasics(ctx, found.id))?.neighbourhood ?? null;
        await passStore.insertOffer(t, { structureId: found.id, ...p.offer, neighbourhoodId: hood, by: null, now });
      }
    }

    // The demo family (dossiers' demo seed made it), its accounts, payments and pass.
    const parent = await store.demoParent(t);
    if (!parent) return;
    const household = await getHouseholdForUser({
      ...ctx,
      user: { ...parent, role: 'parent', phone: null, structureId: null, locale: 'fr', easyRead: false, isDemo: true },
    });
    if (!household) return;
    const firstName = household.parent.firstName ?? 'Samia';
    const inAYear = passPeriod(today, 12).validUntil;
    const account = (kind: Kind) => store.upsertAccount(t, { householdId: household.id, kind, firstName, now: ago(40), isDemo: true });
    const credit = async (kind: Kind, amountCents: number, source: 'agent' | 'top_up', reason: string, validUntil: string) => {
      const accountId = await account(kind);
      await store.insertEntry(t, {
        accountId,
        type: 'credit',
        amountCents,
        source,
        reason,
        expiresAt: expiryInstant(validUntil),
        createdBy: null,
        now: ago(40),
      });
      return accountId;
    };
    const pay = async (accountId: string, partnerName: string, amountCents: number, daysAgo: number) => {
      const structureId = partner.get(partnerName);
      if (structureId) await store.insertEntry(t, { accountId, type: 'debit', amountCents: -amountCents, structureId, createdBy: null, now: ago(daysAgo) });
    };
    const kinds = chequesRules().kinds;
    const accounts = {} as Record<Kind, string>;
    for (const [kind, cents, source, reason, until] of [
      ['sante', kinds.sante.yearlyAllowanceCents || 15000, 'agent', 'Chèque santé accordé en commission (démo)', inAYear],
      ['services', kinds.services.yearlyAllowanceCents || 10000, 'agent', 'Chèques services accordés (démo)', inAYear],
      ['alimentaire', 6000, 'top_up', 'Rechargement de la carte alimentaire (démo)', passPeriod(today, 6).validUntil],
    ] as const) {
      accounts[kind] = await credit(kind, cents, source, reason, until);
    }
    const { sante, services, alimentaire } = accounts;
    await pay(sante, "Pharmacie d'Elbeuf", 2340, 35);
    await pay(services, "Centre social d'Étouvie", 1500, 33);
    await pay(alimentaire, "Épicerie solidaire d'Étouvie", 1280, 3);
    await pay(sante, "Cabinet dentaire d'Étouvie", 3000, 1);

    await passStore.insertPass(t, { householdId: household.id, number: generateCode(), firstName, ...passPeriod(today, 12), by: null, now, isDemo: true });
  },
};
