/** What the groupes plug into the household file: a family's erasure takes the parent's messages with it; its export lists them. */
import { readHouseholdAsSystem, type DossiersHooks } from '../dossiers';
import * as store from './groupes.store';
import { eraseUserContent } from './retention.service';

// The hooks receive no clock; the household's parent does not depend on the day (ages do).
const ANY_DAY = new Date(0);

export const groupesDossiersHooks: DossiersHooks = {
  erasure: async (t, householdId) => {
    const h = await readHouseholdAsSystem(t, householdId, ANY_DAY);
    if (h?.parentUserId) await eraseUserContent(t, h.parentUserId);
  },
  export: async (q, householdId) => {
    const h = await readHouseholdAsSystem(q, householdId, ANY_DAY);
    return h?.parentUserId ? store.userContent(q, h.parentUserId) : {};
  },
};
