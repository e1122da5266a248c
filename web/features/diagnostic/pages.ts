/** The pages of the questionnaires, listening sessions and personas: the web app builds its routes and menu from every feature's pages.ts (web/app/features.ts). */
import type { FeaturePages } from '../../app/features';
import { catalogues } from '../../app/i18n';

export default {
  routes: [
    { path: '/diagnostic', load: () => import('./DiagnosticPage') },
    { path: '/diagnostic/ecoute', load: () => import('./ListeningPage') },
    { path: '/diagnostic/ecoute/analyse', load: () => import('./ListeningAnalysisPage') },
    { path: '/diagnostic/ecoute/inviter/:householdId', load: () => import('./InviteFamilyPage') },
    { path: '/ecoute/invitations', load: () => import('./InvitationsPage') },
    { path: '/diagnostic/ecoute/:id', load: () => import('./SessionPage') },
    { path: '/diagnostic/personas', load: () => import('./PersonasPage') },
    { path: '/diagnostic/personas/:id', load: () => import('./PersonaPage') },
    { path: '/diagnostic/nouveau', load: () => import('./BuilderPage') },
    { path: '/diagnostic/:id/modifier', load: () => import('./BuilderPage') },
    { path: '/diagnostic/:id/resultats', load: () => import('./ResultsPage') },
    { path: '/diagnostic/:id/kiosque', load: () => import('./KioskPage') },
    { path: '/enquete/:id', load: () => import('./AnswerPage') },
    { path: '/enquete/lien/:token', load: () => import('./AnswerPage') },
  ],
  nav: [
    { id: 'diagnostic', order: 130, path: '/diagnostic', label: 'nav.diagnostic', description: 'home.diagnostic', roles: ['coordinator', 'admin', 'agent'] },
  ],
  // The menu's and the home page's words for it (keys nav.* and home.*): French in the first load, the other languages when a reader chooses them.
  messages: catalogues(
    import.meta.glob('./i18n-nav/{fr,staff}.json', { eager: true, import: 'default' }),
    import.meta.glob(['./i18n-nav/*.json', '!./i18n-nav/{fr,staff}.json'], { import: 'default' }),
  ),
} satisfies FeaturePages;
