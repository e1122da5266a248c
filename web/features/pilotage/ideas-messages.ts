/**
 * Texts of the ideation and territory pages (namespace `pilotage.idees`): ICU catalogues in ./i18n-idees —
 * fr, en, ar, fr-falc for the parents' « Vos idées » page; staff.json (French only) for the coordination's
 * ideas and territory pages.
 */
import { catalogues } from '../../app/i18n';

export default catalogues(
  import.meta.glob('./i18n-idees/{fr,staff}.json', { eager: true, import: 'default' }),
  import.meta.glob(['./i18n-idees/*.json', '!./i18n-idees/{fr,staff}.json'], { import: 'default' }),
);
