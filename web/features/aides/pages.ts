/** The pages of the town's local aids: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/aides', load: () => import('./AidesPage') },
    { path: '/aides/demander/:aidId', load: () => import('./AskPage') },
    { path: '/aides/demandes/:id', load: () => import('./RequestPage') },
    { path: '/aides/instruction', load: () => import('./QueuePage') },
    { path: '/aides/fonds', load: () => import('./FundsPage') },
    { path: '/aides/guichet/:householdId', load: () => import('./DeskPage') },
    { path: '/aides/admin/:aidId', load: () => import('./EditAidPage') },
  ],
  nav: [{ id: 'aides', order: 40, path: '/aides', label: 'nav.aides', description: 'home.aides' }],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
