/**
 * Messages of the shell, the home and the account pages: web/app/i18n/<language>.json (ICU MessageFormat),
 * staff.json for the admin pages (French only). Modules keep theirs in web/features/<m>/i18n/.
 */
import { catalogues } from './i18n';

export default catalogues(
  import.meta.glob('./i18n/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n/*.json', '!./i18n/{fr,staff}.json'], { import: 'default' }),
);
