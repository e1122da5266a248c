/** Words of what other modules add beside the national benefits (e.g. the town's local aids). */
import { catalogues } from '../../app/i18n';

export default catalogues(
  import.meta.glob('./i18n-complements/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n-complements/*.json', '!./i18n-complements/{fr,staff}.json'], { import: 'default' }),
);
