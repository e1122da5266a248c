/** Shapes of the rendez-vous API as the pages use them: inferred from the module's response schemas (type-only). */
export type {
  Agenda,
  BookingsOut,
  BookingViewOut,
  HouseholdBookings,
  PartnerHouseholdBookings,
  Inbox,
  Motif,
  MyBookings,
  MyEmergencies,
  Offer,
  SlotsOut,
} from '../../../src/modules/rendezvous';
