/** The pages of mutual help: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/entraide/:section', load: () => import('./EntraidePage') },
    { path: '/entraide/familles/:householdId/ambassadeur', load: () => import('./AppointAmbassadorPage') },
  ],
  nav: [{ id: 'entraide', order: 50, path: '/entraide/voisins', label: 'nav.entraide', description: 'home.entraide' }],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
