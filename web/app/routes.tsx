/**
 * Every page of the web app, lazy-loaded (each route is its own chunk): the shell's own (home,
 * account, administration) and every module's, from its web/features/<m>/pages.ts.
 */
import { FEATURES, type RouteDef } from './features';
// The home page is in the first load (no second round trip before the first paint).
import HomePage from '../features/home/HomePage';

export type { RouteDef };

export const routes: RouteDef[] = [
  { path: '/', component: HomePage },
  { path: '/connexion', load: () => import('../features/account/LoginPage') },
  { path: '/inscription', load: () => import('../features/account/SignupPage') },
  { path: '/mot-de-passe-oublie', load: () => import('../features/account/ForgotPasswordPage') },
  { path: '/reinitialiser-mot-de-passe', load: () => import('../features/account/ResetPasswordPage') },
  { path: '/compte', load: () => import('../features/account/AccountPage') },
  { path: '/admin/messages', load: () => import('../features/admin/OutboxPage') },
  { path: '/admin/comptes', load: () => import('../features/admin/AccountsPage') },
  { path: '/admin/acces', load: () => import('../features/admin/AccessRequestsPage') },
  { path: '/journal', load: () => import('../features/admin/AuditPage') },
  // every module's pages: web/features/<m>/pages.ts (web/app/features.ts)
  ...FEATURES.flatMap((f) => f.routes),
  { path: '/bientot/:module', load: () => import('../features/home/ComingSoonPage') },
];
