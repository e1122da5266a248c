/**
 * What the chèques plug into the family's file: their events in the agent's timeline, their
 * rows in the family's export, and erasure. On erasure the pass and the payment codes go;
 * the accounts lose their link to the family and the holder's first name, while their
 * entries stay, anonymous, for the partners' settlements and the town's accounts.
 */
import type { DossiersHooks, TimelineItem } from '../dossiers/index';
import { defineForm } from '../dossiers/index';
import * as store from './cheques.store';
import { entryLabel, euros, KIND_LABELS } from './kinds';
import { exportRows } from './ledger.service';
import * as passStore from './pass.store';
import { renewPassWithFile } from './pass.service';

export const chequesDossiersHooks: DossiersHooks = {
  // The Pass Famille Solo is renewed with the file (or told it ends at its date).
  renewed: renewPassWithFile,
  async timeline(q, householdId) {
    const entries = await store.entriesOfHousehold(q, householdId, 100);
    const passes = await passStore.passesOfHousehold(q, householdId);
    const items: TimelineItem[] = entries.map((e) => ({
      at: e.createdAt.toISOString(),
      kind: `cheques.${e.type}`,
      title: `${KIND_LABELS[e.kind]} : ${entryLabel({ type: e.type, source: e.source })}`,
      detail: euros(e.amountCents),
      module: 'cheques',
      subjectId: e.id,
    }));
    for (const p of passes) {
      items.push({
        at: p.issuedAt.toISOString(),
        kind: 'cheques.pass-issued',
        title: 'Pass Famille Solo émis',
        detail: null,
        module: 'cheques',
        subjectId: p.id,
      });
      if (p.revokedAt)
        items.push({
          at: p.revokedAt.toISOString(),
          kind: 'cheques.pass-revoked',
          title: 'Pass Famille Solo révoqué',
          detail: null,
          module: 'cheques',
          subjectId: p.id,
        });
    }
    return items;
  },
  async export(q, householdId) {
    return { ...(await exportRows(q, householdId)), cheques_passes: await passStore.passesOfHousehold(q, householdId) };
  },
  async erasure(t, householdId) {
    await passStore.deletePassesOfHousehold(t, householdId);
    await store.detachHousehold(t, householdId);
  },
  forms: [
    defineForm('cheques.card', {
      title: 'Chèques et Pass Famille Solo',
      purpose: 'Votre prénom s’affiche sur votre Pass et à la caisse des partenaires ; votre quotient familial dit si le Pass vous est ouvert.',
      fields: ['parent.firstName', 'quotient.value'],
    }),
  ],
};
