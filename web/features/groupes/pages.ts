/** The pages of discussion groups: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/groupes', load: () => import('./GroupesPage') },
    { path: '/groupes/salons/:id', load: () => import('./RoomPage') },
    { path: '/groupes/moderation', load: () => import('./ModerationPage') },
    { path: '/groupes/nouveau', load: () => import('./NewRoomPage') },
    { path: '/groupes/reglages', load: () => import('./SettingsPage') },
    { path: '/groupes/blocages', load: () => import('./BlocksPage') },
  ],
  nav: [{ id: 'groupes', order: 60, path: '/groupes', label: 'nav.groupes', description: 'home.groupes', roles: ['parent', 'agent', 'coordinator', 'admin'] }],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
