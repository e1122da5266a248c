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
/** The entraide's covoiturage offers rides to the places a family accepted. */
export { admittedPlaces, type AdmittedPlace } from './ride-places.store';
