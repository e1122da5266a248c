/** Texts of the household file pages (French; "facile à lire" variants for the main ones). */
import { catalogues } from '../../app/i18n';

export default catalogues(
  import.meta.glob('./i18n/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n/*.json', '!./i18n/{fr,staff}.json'], { import: 'default' }),
);
