/** Texts of the family's invitations to a listening session (a parent page: fr, en, ar). Keys: `diagnostic.invitations.*`. */
import { catalogues } from '../../app/i18n';

export default catalogues(
  import.meta.glob('./i18n-invitations/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n-invitations/*.json', '!./i18n-invitations/{fr,staff}.json'], { import: 'default' }),
);
