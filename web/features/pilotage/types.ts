/** Shapes of the pilotage API as the pages use them: inferred from the module's response schemas (type-only). */
import type { ActionStatus, Dashboard, IndicatorSource, Plan } from '../../../src/modules/pilotage';

export type {
  ActionStatus,
  ActionView,
  Dashboard,
  Direction,
  EvaluationView,
  IdeationPlans,
  Indicator,
  IndicatorDetail,
  IndicatorSummary,
  MyIdeas,
  PartnerAction,
  Plan,
  PlanSummary,
  Proposal,
  PublicPlan,
  PublicPlanSummary,
  RegistryIndicator,
  RegistryValues,
  StaffProposal,
  StaffProposals,
  Standing,
  Territory,
  TerritoryImported,
} from '../../../src/modules/pilotage';
export type Source = IndicatorSource;
export const STATUSES: ActionStatus[] = ['a_lancer', 'en_cours', 'realisee', 'abandonnee'];

export type Axis = Plan['axes'][number];
export type Objective = Axis['objectives'][number];
export type Action = Objective['actions'][number];
export type Neighbourhood = Dashboard['neighbourhoods'][number];
