/** For the entraide's covoiturage: a household's upcoming confirmed bookings held at a place (no personal data beyond the household's own). */
import type { Queryable } from '../../platform/db/pool';

export type BookingPlace = {
  bookingId: string;
  motifName: string;
  placeId: string;
  placeName: string;
  address: string;
  neighbourhoodId: string | null;
  start: Date;
};

export async function upcomingBookingPlaces(q: Queryable, householdId: string, since: Date): Promise<BookingPlace[]> {
  const { rows } = await q.query<BookingPlace>(
    `SELECT b.id AS "bookingId", m.name AS "motifName", l.id AS "placeId", l.name AS "placeName", l.address,
            l.neighbourhood_id AS "neighbourhoodId", lower(b.during) AS start
       FROM rdv_bookings b
       JOIN rdv_sessions s ON s.id = b.session_id
       JOIN rdv_motifs m ON m.id = s.motif_id
       JOIN rdv_lieux l ON l.id = s.lieu_id
      WHERE b.household_id = $1 AND b.status = 'confirmed' AND lower(b.during) >= $2
      ORDER BY lower(b.during), b.id LIMIT 50`,
    [householdId, since],
  );
  return rows;
}
