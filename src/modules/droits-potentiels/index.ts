/**
 * What other modules (and the web app, types only) may use from droits potentiels: the
 * pages' backend around the rights engine (the simulator prefilled from the household
 * file, the estimate saved in it and re-estimated at each revaluation, simulation counts).
 */
export { droitsPotentialModule } from './droits-potentiels.module';
export type { SimulationContext, Commune, MissedBenefit, SavedEstimate, FilePrefill, PrefillAnswer, CheckAnswer } from './droits-potentiels.schemas';
