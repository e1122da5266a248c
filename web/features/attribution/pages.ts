/** The pages of the places (crèche, holidays, respite): the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/places', load: () => import('./PlacesPage') },
    { path: '/places/campagnes/:id', load: () => import('./RulesPage') },
    { path: '/places/campagnes/:id/demande', load: () => import('./ApplyPage') },
    { path: '/places/mes-demandes', load: () => import('./MyApplicationsPage') },
    { path: '/places/gestion', load: () => import('./ManagePage') },
    { path: '/places/gestion/:id', load: () => import('./CampaignEditorPage') },
    { path: '/places/gestion/:id/simulation', load: () => import('./SimulationPage') },
    { path: '/places/gestion/:id/prevision', load: () => import('./ForecastPage') },
    { path: '/places/gestion/:id/resultats', load: () => import('./ResultsPage') },
    { path: '/places/gestion/:id/justificatifs/:documentId', load: () => import('./ProofPage') },
  ],
  nav: [{ id: 'places', order: 100, path: '/places', label: 'nav.places', description: 'home.places' }],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
