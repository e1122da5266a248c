/**
 * What the entraide plugs into the household file: its timeline, export and erasure; and,
 * keyed by the parent's account (file or no file), its ambassador appointment and the meetings
 * it organised (the meetings stay for the families registered, without their organiser).
 */
import type { DossiersHooks } from '../dossiers/index';
import * as backup from './backup.store';
import * as coops from './coops.store';
import * as store from './entraide.store';
import * as loans from './loans.store';
import * as meetings from './meetings.store';
import * as rides from './rides.store';
import * as tutoring from './tutoring.store';

export const entraideDossiersHooks: DossiersHooks = {
  timeline: async (q, householdId) =>
    (await loans.timelineOf(q, householdId)).map((r) => ({
      at: new Date(r.at).toISOString(),
      kind: `entraide.${r.kind}`,
      title: r.kind === 'post' ? `Entraide : annonce « ${r.title} »` : `Parentothèque : « ${r.title} »`,
      module: 'entraide',
    })),
  export: async (q, householdId) => ({
    ...(await loans.exportHousehold(q, householdId)),
    ...(await rides.exportHousehold(q, householdId)),
    ...(await backup.exportHousehold(q, householdId)),
    ...(await tutoring.exportHousehold(q, householdId)),
    ...(await meetings.exportHousehold(q, householdId)),
  }),
  erasure: async (t, householdId) => {
    await loans.eraseHousehold(t, householdId);
    await coops.eraseHousehold(t, householdId);
    await rides.eraseHousehold(t, householdId);
    await backup.eraseHousehold(t, householdId);
    await tutoring.eraseHousehold(t, householdId);
    await meetings.eraseHousehold(t, householdId);
  },
  exportAccount: async (q, userId) => ({
    entraide_ambassadors: await store.ambassadorRowsOfUser(q, userId),
    entraide_meetings: await meetings.organisedBy(q, userId),
  }),
  eraseAccount: async (t, userId) => {
    await store.removeAmbassador(t, userId);
    await meetings.forgetOrganiser(t, userId);
  },
};
