/**
 * What other modules may use from the local aids: nothing at run time yet (the household
 * file reaches us through our `hooks.dossiers`, pilotage through our indicators).
 * The API's answers, inferred from the response schemas (the web imports these, type-only).
 */
export type {
  AidDetail,
  AidsList,
  AidView,
  CreatedRequest,
  EligibilityList,
  EligibilityView,
  FundsView,
  GrantResult,
  Instructors,
  MandatesView,
  MyRequests,
  PreviewView,
  QueueView,
  RequestFormView,
  RequestView,
} from './aides.schemas';
