/** Demo data: the demo parent's file (two children), shared with the demo partner for orientation. */
import { DEMO_PARTNER_STRUCTURE_ID, demoAccounts } from '../../platform/demo';
import type { SeedDef } from '../../platform/seeds';
import { insertConsent } from './consent.store';
import * as store from './dossiers.store';

export const dossiersDemoSeed: SeedDef = {
  name: 'dossiers.demo',
  async run(ctx, t) {
    const rows = await demoAccounts(t, ['parent@demo.relais.fr', 'agent@demo.relais.fr']);
    const parent = rows.find((r) => r.role === 'parent');
    const agent = rows.find((r) => r.role === 'agent');
    if (!parent) return;
    if (await store.householdIdOfUser(t, parent.id)) return;
    const now = ctx.now();
    const id = await store.insertHousehold(t, { createdBy: parent.id, now, referentAgentId: agent?.id ?? null, isDemo: true });
    await store.upsertMember(
      t,
      id,
      'parent',
      { firstName: 'Samia', lastName: 'Démo', birthDate: '1991-04-14', email: parent.email, phone: null },
      now,
      parent.id,
    );
    await store.upsertMember(t, id, 'other_parent', { custody: 'visiting', alimonyDueMonthlyCents: 15000, alimonyPaidRegularly: false }, now);
    await store.insertChild(
      t,
      id,
      { firstName: 'Lina', lastName: 'Démo', birthDate: '2016-10-03', custody: 'full', schoolName: 'École Jules Verne', schoolLevel: 'CM1' },
      now,
    );
    await store.insertChild(t, id, { firstName: 'Noé', lastName: 'Démo', birthDate: '2021-02-17', custody: 'full', schoolName: null, schoolLevel: null }, now);
    await store.updateHouseholdFields(
      t,
      id,
      {
        'address.line': '14 rue des Démonstrations',
        'address.postalCode': ctx.town.postalCodes[0],
        'address.city': ctx.town.name,
        'address.inseeCode': ctx.town.inseeCode,
        'address.neighbourhoodId': ctx.town.neighbourhoods[0].id,
        'situation.activity': 'actif',
        'situation.salaryNetMonthlyCents': 110000,
        'situation.unemploymentNetMonthlyCents': 0,
        'situation.alimonyReceivedMonthlyCents': 0,
        'situation.familyBenefitsMonthlyCents': 38000,
        'situation.annualIncomeCents': 1_320_000,
        'situation.recentlySeparated': false,
        'housing.status': 'locataire_hlm',
        'housing.rentMonthlyCents': 52000,
      },
      now,
    );
    await insertConsent(t, {
      householdId: id,
      structureId: DEMO_PARTNER_STRUCTURE_ID,
      purpose: 'orientation',
      parts: ['identity', 'children'],
      grantedBy: parent.id,
      recordedAtDesk: false,
      expiresAt: null,
      now,
    });
  },
};
