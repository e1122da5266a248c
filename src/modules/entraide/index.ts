/** What other modules (and the web app, types only) may use from the entraide. */
export { splitCost, splitWeeks, ROUNDING_RULE_FR, euros } from './cost-split';
export { matchRides, ROAD_FACTOR, DEFAULT_DETOUR_LIMIT, TIME_MARGIN_MINUTES } from './ride-matching';
/** The API's answers, inferred from the response schemas (the web imports these, type-only). */
export type {
  CoopSplit,
  CmgEstimateOut,
  MyBackup,
  MyCoops,
  MyRides,
  MyTutoring,
  Tutors,
  TutoringQueue,
  Board,
  Catalogue,
  Conversation,
  Conversations,
  Item,
  Loan,
  Loans,
  Post,
  PostInput,
  Reports,
  RideSources,
} from './entraide.schemas';
export type { UpcomingMeetings, NeighbourhoodActivity, MeetingRegistrations } from './meetings.schemas';
export type { HouseholdAmbassador } from './ambassadors.service';
