/** The pages of the action plan, its indicators and the ideas: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/pilotage', load: () => import('./PlansPage') },
    { path: '/pilotage/plans/:id', load: () => import('./PlanPage') },
    { path: '/pilotage/plans/:id/tableau-de-bord', load: () => import('./DashboardPage') },
    { path: '/pilotage/actions/:id', load: () => import('./ActionPage') },
    { path: '/pilotage/actions/:id/bilan', load: () => import('./EvaluationPage') },
    { path: '/pilotage/indicateurs/:id', load: () => import('./IndicatorPage') },
    { path: '/pilotage/idees', load: () => import('./IdeasAdminPage') },
    { path: '/pilotage/territoire', load: () => import('./TerritoryPage') },
    { path: '/idees', load: () => import('./IdeasPage') },
    { path: '/plan-d-action', load: () => import('./PublicPlanPage') },
    { path: '/plan-d-action/:id', load: () => import('./PublicPlanPage') },
  ],
  nav: [
    { id: 'idees', order: 110, path: '/idees', label: 'nav.idees', description: 'home.idees' },
    { id: 'pilotage', order: 140, path: '/pilotage', label: 'nav.pilotage', description: 'home.pilotage', roles: ['coordinator', 'admin'] },
  ],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
