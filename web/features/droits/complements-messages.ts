/** Words of what other modules add beside the national benefits (e.g. the town's local aids). */
import { catalogues } from '../../app/i18n';

export default catalogues(import.meta.glob('./i18n-complements/*.json', { eager: true, import: 'default' }));
