/** Words of "what you can ask" on the family's file (other modules' offers, e.g. the town's local aids). */
import { catalogues } from '../../app/i18n';

export default catalogues(
  import.meta.glob('./i18n-offers/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n-offers/*.json', '!./i18n-offers/{fr,staff}.json'], { import: 'default' }),
);
