/**
 * Messages of the shell, the home and the account pages: web/app/i18n/<language>.json (ICU MessageFormat),
 * staff.json for the admin pages (French only). Modules keep theirs in web/features/<m>/i18n/.
 */
import { catalogues } from './i18n';

export default catalogues(import.meta.glob('./i18n/*.json', { eager: true, import: 'default' }));
