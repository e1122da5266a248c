/** Texts of the annuaire pages: ICU catalogues in ./i18n (fr, en, ar, fr-falc; staff.json for the partner's and coordinator's forms, French only). */
import { catalogues } from '../../app/i18n';

export default catalogues(
  import.meta.glob('./i18n/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n/*.json', '!./i18n/{fr,staff}.json'], { import: 'default' }),
);
