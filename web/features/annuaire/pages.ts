/** The pages of the directory of services: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/annuaire', load: () => import('./AnnuairePage') },
    { path: '/annuaire/services/:id', load: () => import('./ServicePage') },
    { path: '/annuaire/guide/:besoin', load: () => import('./GuidePage') },
    { path: '/annuaire/territoire', load: () => import('./TerritoirePage') },
    { path: '/annuaire/ma-fiche', load: () => import('./PartnerPage') },
    { path: '/annuaire/structures/:id', load: () => import('./StructurePage') },
  ],
  nav: [
    { id: 'annuaire', order: 20, path: '/annuaire', label: 'nav.annuaire', description: 'home.annuaire' },
    { id: 'ma-fiche', order: 90, path: '/annuaire/ma-fiche', label: 'nav.maFiche', description: 'home.maFiche', roles: ['partner'] },
  ],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
