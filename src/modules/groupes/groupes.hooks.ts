/**
 * What the groupes plug into the person's data rights, keyed by its account (a parent joins a
 * group with or without a household file): its export lists its messages and memberships; its
 * erasure takes its messages, memberships, blocks and session registrations with it. dossiers
 * runs these for an account alone and for a household's parent alike.
 */
import type { DossiersHooks } from '../dossiers';
import * as store from './groupes.store';
import { eraseUserContent } from './retention.service';

export const groupesDossiersHooks: DossiersHooks = {
  eraseAccount: async (t, userId) => void (await eraseUserContent(t, userId)),
  exportAccount: (q, userId) => store.userContent(q, userId),
};
