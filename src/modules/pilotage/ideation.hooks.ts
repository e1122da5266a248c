/**
 * Ideas and supports are personal data of the parent's account, with or without a household
 * file: the person's export lists them, its erasure deletes its supports (still counted), its
 * unpublished ideas, and takes its name off its published ones (ideation.store.ts, eraseAccount).
 * dossiers runs these for an account alone and for a household's parent alike.
 */
import type { DossiersHooks } from '../dossiers/index';
import * as store from './ideation.store';

export const ideationDossiersHooks: DossiersHooks = {
  exportAccount: (q, userId) => store.accountRows(q, userId),
  eraseAccount: async (t, userId) => void (await store.eraseAccount(t, userId)),
};
