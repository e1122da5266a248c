/** What other modules may use from the pilotage: nothing yet beyond its registry indicators (declared in the module). */
export { filesOpenedIndicator, accountIndicators } from './pilotage.indicators';
export { periodBounds, periodOf } from './periods';
/** The API's answers, inferred from the response schemas (the web imports these, type-only). */
export type {
  ActionStatus,
  ActionView,
  ComputeResult,
  Dashboard,
  Direction,
  EvaluationView,
  Indicator,
  IndicatorDetail,
  IndicatorSource,
  IndicatorSummary,
  PartnerAction,
  Plan,
  PlanSummary,
  PublicPlan,
  PublicPlanSummary,
  RegistryIndicator,
  RegistryValues,
  Standing,
} from './pilotage.schemas';
export type { IdeationPlans, MyIdeas, Proposal, StaffProposal, StaffProposals, SupportState } from './ideation.schemas';
export type { Territory, TerritoryImported } from './territory.schemas';
