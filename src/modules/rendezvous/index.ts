/** What other modules (and the web app, types only) may use from rendez-vous. */
export type { Agenda, BookingsOut, BookingViewOut, HouseholdBookings, Inbox, Motif, MyBookings, MyEmergencies, Offer, SlotsOut } from './rendezvous.schemas';
export { EMERGENCY_CHANNEL } from './emergency.service';
