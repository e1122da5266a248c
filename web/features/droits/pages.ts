/** The pages of the rights simulator and the benefits: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/droits', load: () => import('./DroitsPage') },
    { path: '/droits/simulateur', load: () => import('./SimulatorPage') },
    { path: '/droits/potentiels', load: () => import('./PotentialPage') },
    { path: '/droits/prestations', load: () => import('./BenefitsPage') },
    { path: '/droits/foyer/:id', load: () => import('./AgentSimulatorPage') },
  ],
  nav: [{ id: 'droits', order: 10, path: '/droits', label: 'nav.droits', description: 'home.droits' }],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
