/** The pages of chèques and the Pass Famille Solo: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [{ path: '/cheques/:section', load: () => import('./ChequesPage') }],
  nav: [
    {
      id: 'cheques',
      order: 120,
      path: '/cheques/accueil',
      label: 'nav.cheques',
      description: 'home.cheques',
      roles: ['parent', 'partner', 'agent', 'coordinator', 'admin'],
    },
  ],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
