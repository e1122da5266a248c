/**
 * Every page of the web app, lazy-loaded (each route is its own chunk).
 * Modules add their pages between the markers, one line each.
 */
import type { ComponentType } from 'react';

export interface RouteDef {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const routes: RouteDef[] = [
  { path: '/', load: () => import('../features/home/HomePage') },
  { path: '/connexion', load: () => import('../features/account/LoginPage') },
  { path: '/inscription', load: () => import('../features/account/SignupPage') },
  { path: '/mot-de-passe-oublie', load: () => import('../features/account/ForgotPasswordPage') },
  { path: '/reinitialiser-mot-de-passe', load: () => import('../features/account/ResetPasswordPage') },
  { path: '/compte', load: () => import('../features/account/AccountPage') },
  { path: '/admin/messages', load: () => import('../features/admin/OutboxPage') },
  { path: '/admin/comptes', load: () => import('../features/admin/AccountsPage') },
  { path: '/journal', load: () => import('../features/admin/AuditPage') },
  // module routes — one line per page, keep this marker
  { path: '/annuaire', load: () => import('../features/annuaire/AnnuairePage') },
  { path: '/annuaire/services/:id', load: () => import('../features/annuaire/ServicePage') },
  { path: '/annuaire/guide/:besoin', load: () => import('../features/annuaire/GuidePage') },
  { path: '/annuaire/territoire', load: () => import('../features/annuaire/TerritoirePage') },
  { path: '/annuaire/ma-fiche', load: () => import('../features/annuaire/PartnerPage') },
  // end module routes
  { path: '/bientot/:module', load: () => import('../features/home/ComingSoonPage') },
];
