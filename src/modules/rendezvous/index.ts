/** What other modules (and the web app, types only) may use from rendez-vous. */
export type {
  Agenda,
  BookingsOut,
  BookingViewOut,
  HouseholdBookings,
  Inbox,
  Motif,
  MyBookings,
  MyEmergencies,
  Offer,
  PartnerHouseholdBookings,
  SlotsOut,
} from './rendezvous.schemas';
export { EMERGENCY_CHANNEL } from './emergency.service';
/** The entraide's covoiturage offers rides to a family's upcoming bookings held at a place. */
export { upcomingBookingPlaces, type BookingPlace } from './ride-places.store';
