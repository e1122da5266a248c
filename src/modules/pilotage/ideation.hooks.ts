/**
 * Ideas and supports are personal data of the parent's account: the family's export lists
 * them, its erasure deletes its supports (still counted), its unpublished ideas, and takes its
 * name off its published ones (ideation.store.ts, eraseAccount).
 */
import { readHouseholdAsSystem, type DossiersHooks } from '../dossiers/index';
import * as store from './ideation.store';

// The hooks receive no clock; the household's parent does not depend on the day.
const ANY_DAY = new Date(0);

export const ideationDossiersHooks: DossiersHooks = {
  export: async (q, householdId) => {
    const h = await readHouseholdAsSystem(q, householdId, ANY_DAY);
    return h?.parentUserId ? store.accountRows(q, h.parentUserId) : {};
  },
  erasure: async (t, householdId) => {
    const h = await readHouseholdAsSystem(t, householdId, ANY_DAY);
    if (h?.parentUserId) await store.eraseAccount(t, h.parentUserId);
  },
};
