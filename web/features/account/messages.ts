/** Texts of sign-in through FranceConnect and ProConnect (login page, account page) and of the access requests' admin page (staff.json). */
import { catalogues } from '../../app/i18n';

export default catalogues(
  import.meta.glob('./i18n/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n/*.json', '!./i18n/{fr,staff}.json'], { import: 'default' }),
);
