/**
 * What the listening sessions plug into the household file: the invitation form (which fields
 * an accepted invitation may take, and why), its invitations and participations in its export, and its erasure (invitations deleted, a
 * participation it consented to kept without the link to the file).
 */
import type { DossiersHooks } from '../dossiers/index';
import { INVITATION_FORM } from './listening-invitations.service';
import * as invitations from './listening-invitations.store';

export const listeningDossiersHooks: DossiersHooks = {
  forms: [INVITATION_FORM],
  export: (q, householdId) => invitations.householdRows(q, householdId),
  erasure: (t, householdId) => invitations.eraseHousehold(t, householdId),
};
