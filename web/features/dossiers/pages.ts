/** The pages of the family's file, the desk and the partners' orientations: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/dossier', load: () => import('./DossierPage') },
    { path: '/dossier/remplir', load: () => import('./FillPage') },
    { path: '/dossier/renouvellement', load: () => import('./RenewalPage') },
    { path: '/dossier/agent/nouveau', load: () => import('./DeskCreatePage') },
    { path: '/dossier/agent/familles/:id', load: () => import('./AgentHouseholdPage') },
    { path: '/dossier/agent/familles/:id/fiche', load: () => import('./AgentSummaryPage') },
    { path: '/dossier/partenaire/orientations/:id', load: () => import('./PartnerOrientationPage') },
  ],
  nav: [
    { id: 'dossier', order: 70, path: '/dossier', label: 'nav.dossier', description: 'home.dossier', roles: ['parent'], visitors: true },
    { id: 'familles', order: 80, path: '/dossier', label: 'nav.familles', description: 'home.familles', roles: ['agent', 'coordinator'] },
  ],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
