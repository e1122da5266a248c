/**
 * What other modules may use from the local aids. At run time, the modules we plug into
 * reach us through our hooks (dossiers, droits, and cheques: the Pass Famille Solo's rule is
 * our local aid « pass-famille-solo », evaluated by `passAidEligibility`), pilotage through
 * our indicators. Nobody imports us at run time: we depend on cheques (vouchers credited),
 * so cheques cannot depend on us.
 * The API's answers, inferred from the response schemas (the web imports these, type-only).
 */
export { passAidEligibility, PASS_AID_ID } from './pass-rule.service';
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
