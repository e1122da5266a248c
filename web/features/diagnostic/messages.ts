/** Texts of the diagnostic pages: ICU catalogues in ./i18n (fr, en, ar, fr-falc for the survey a family answers; staff.json for the builder and the results, French only). */
import { catalogues } from '../../app/i18n';

export default catalogues(
  import.meta.glob('./i18n/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n/*.json', '!./i18n/{fr,staff}.json'], { import: 'default' }),
);
