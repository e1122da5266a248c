/** What rendez-vous plugs into the household file: timeline, export, erasure. */
import type { DossiersHooks } from '../dossiers';
import { bookingsOfHousehold, deleteHouseholdRows, releaseSeats, waitsOfHousehold } from './bookings.store';
import { deleteHouseholdEmergencies } from './emergency.store';
import { frenchDayTime } from './wording';

const STATUS_LABELS: Record<string, string> = {
  confirmed: 'confirmé',
  seen: 'venu',
  noshow: 'absent',
  excused: 'excusé',
  revoked: 'annulé par le service',
};

export const rendezvousDossiersHooks: DossiersHooks = {
  timeline: async (q, householdId) =>
    (await bookingsOfHousehold(q, householdId)).map((b) => ({
      at: b.createdAt.toISOString(),
      kind: 'rendezvous.booking',
      title: `Rendez-vous du ${frenchDayTime(b.start)}`,
      detail: STATUS_LABELS[b.status] ?? null,
      module: 'rendezvous',
      subjectId: b.id,
    })),
  export: async (q, householdId) => ({
    rendezvous_bookings: (await bookingsOfHousehold(q, householdId)).map((b) => ({
      id: b.id,
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      status: b.status,
      child_id: b.childId,
      via_waitlist: b.viaWaitlist,
      origin: b.origin,
      proposed_by: b.referrerName,
      created_at: b.createdAt.toISOString(),
    })),
  }),
  erasure: async (t, householdId) => {
    // Seats of upcoming bookings go back before the rows go.
    for (const b of await bookingsOfHousehold(t, householdId)) {
      if (b.status === 'confirmed') await releaseSeats(t, b.sessionId, 1);
    }
    for (const w of await waitsOfHousehold(t, householdId)) {
      if (w.status === 'offered') await releaseSeats(t, w.sessionId, 1);
    }
    await deleteHouseholdRows(t, householdId);
    await deleteHouseholdEmergencies(t, householdId);
  },
};
