/** What other modules (and the web app, types only) may use from rendez-vous. */
export type { BookingsOut, BookingViewOut, Inbox, Motif, MyBookings, MyEmergencies, SlotsOut } from './rendezvous.schemas';
export { EMERGENCY_CHANNEL } from './emergency.service';
