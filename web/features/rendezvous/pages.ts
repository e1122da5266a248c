/** The pages of appointments: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/rendez-vous', load: () => import('./RendezvousPage') },
    { path: '/rendez-vous/mes-rendez-vous', load: () => import('./MyBookingsPage') },
    { path: '/rendez-vous/garde-urgence', load: () => import('./EmergencyPage') },
    { path: '/rendez-vous/agenda', load: () => import('./AgendaPage') },
    { path: '/rendez-vous/urgences', load: () => import('./EmergenciesPage') },
    { path: '/rendez-vous/familles/:id', load: () => import('./FamilyPage') },
    { path: '/rendez-vous/offre', load: () => import('./OfferPage') },
  ],
  nav: [{ id: 'rendezvous', order: 30, path: '/rendez-vous', label: 'nav.rendezvous', description: 'home.rendezvous' }],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
