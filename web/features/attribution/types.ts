/** Shapes of the attribution API as the pages use them: inferred from the module's response schemas (type-only). */
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
} from '../../../src/modules/attribution';
