/** What other modules (and the web app, types only) may use from attribution. */
export type {
  ApplicationForm,
  AttachedDocument,
  CampaignDetail,
  CampaignRules,
  CampaignSummary,
  Forecast,
  MyApplication,
  Outcome,
  ProofDocument,
  Results,
  Simulation,
  StaffApplication,
} from './attribution.schemas';
