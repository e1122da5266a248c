/** What other modules (and the web app, types only) may use from attribution. */
export type {
  ApplicationForm,
  CampaignDetail,
  CampaignRules,
  CampaignSummary,
  Forecast,
  MyApplication,
  Outcome,
  Simulation,
  StaffApplication,
} from './attribution.schemas';
