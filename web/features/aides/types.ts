/** Shapes of the aides API as the pages use them: inferred from the module's response schemas (type-only). */
export type {
  AidDetail,
  AidsList,
  AidView,
  CreatedRequest,
  EligibilityList,
  EligibilityView,
  FundsView,
  GrantResult,
  MandatesView,
  MyRequests,
  PreviewView,
  QueueView,
  RequestFormView,
  RequestView,
} from '../../../src/modules/aides';
