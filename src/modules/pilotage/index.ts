/** What other modules may use from the pilotage: nothing yet beyond its registry indicators (declared in the module). */
export { filesOpenedIndicator, accountIndicators } from './pilotage.indicators';
export { periodBounds, periodOf } from './periods';
