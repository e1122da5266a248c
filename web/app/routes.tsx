/**
 * Every page of the web app, lazy-loaded (each route is its own chunk).
 * Modules add their pages between the markers, one line each.
 */
import type { ComponentType } from 'react';
// The home page is in the first load (no second round trip before the first paint).
import HomePage from '../features/home/HomePage';

export interface RouteDef {
  path: string;
  /** A lazy page (its own chunk)… */
  load?: () => Promise<{ default: ComponentType }>;
  /** …or one in the first load. */
  component?: ComponentType;
}

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
  // module routes — one line per page, keep this marker
  { path: '/annuaire', load: () => import('../features/annuaire/AnnuairePage') },
  { path: '/annuaire/services/:id', load: () => import('../features/annuaire/ServicePage') },
  { path: '/annuaire/guide/:besoin', load: () => import('../features/annuaire/GuidePage') },
  { path: '/annuaire/territoire', load: () => import('../features/annuaire/TerritoirePage') },
  { path: '/annuaire/ma-fiche', load: () => import('../features/annuaire/PartnerPage') },
  { path: '/annuaire/structures/:id', load: () => import('../features/annuaire/StructurePage') },
  { path: '/diagnostic', load: () => import('../features/diagnostic/DiagnosticPage') },
  { path: '/diagnostic/ecoute', load: () => import('../features/diagnostic/ListeningPage') },
  { path: '/diagnostic/ecoute/analyse', load: () => import('../features/diagnostic/ListeningAnalysisPage') },
  { path: '/diagnostic/ecoute/:id', load: () => import('../features/diagnostic/SessionPage') },
  { path: '/diagnostic/personas', load: () => import('../features/diagnostic/PersonasPage') },
  { path: '/diagnostic/personas/:id', load: () => import('../features/diagnostic/PersonaPage') },
  { path: '/diagnostic/nouveau', load: () => import('../features/diagnostic/BuilderPage') },
  { path: '/diagnostic/:id/modifier', load: () => import('../features/diagnostic/BuilderPage') },
  { path: '/diagnostic/:id/resultats', load: () => import('../features/diagnostic/ResultsPage') },
  { path: '/diagnostic/:id/kiosque', load: () => import('../features/diagnostic/KioskPage') },
  { path: '/enquete/:id', load: () => import('../features/diagnostic/AnswerPage') },
  { path: '/enquete/lien/:token', load: () => import('../features/diagnostic/AnswerPage') },
  { path: '/dossier', load: () => import('../features/dossiers/DossierPage') },
  { path: '/dossier/remplir', load: () => import('../features/dossiers/FillPage') },
  { path: '/dossier/renouvellement', load: () => import('../features/dossiers/RenewalPage') },
  { path: '/dossier/agent/nouveau', load: () => import('../features/dossiers/DeskCreatePage') },
  { path: '/dossier/agent/familles/:id', load: () => import('../features/dossiers/AgentHouseholdPage') },
  { path: '/dossier/agent/familles/:id/fiche', load: () => import('../features/dossiers/AgentSummaryPage') },
  { path: '/dossier/partenaire/orientations/:id', load: () => import('../features/dossiers/PartnerOrientationPage') },
  { path: '/droits', load: () => import('../features/droits/DroitsPage') },
  { path: '/droits/simulateur', load: () => import('../features/droits/SimulatorPage') },
  { path: '/droits/potentiels', load: () => import('../features/droits/PotentialPage') },
  { path: '/droits/prestations', load: () => import('../features/droits/BenefitsPage') },
  { path: '/droits/foyer/:id', load: () => import('../features/droits/AgentSimulatorPage') },
  { path: '/pilotage', load: () => import('../features/pilotage/PlansPage') },
  { path: '/pilotage/plans/:id', load: () => import('../features/pilotage/PlanPage') },
  { path: '/pilotage/plans/:id/tableau-de-bord', load: () => import('../features/pilotage/DashboardPage') },
  { path: '/pilotage/actions/:id', load: () => import('../features/pilotage/ActionPage') },
  { path: '/pilotage/actions/:id/bilan', load: () => import('../features/pilotage/EvaluationPage') },
  { path: '/pilotage/indicateurs/:id', load: () => import('../features/pilotage/IndicatorPage') },
  { path: '/pilotage/idees', load: () => import('../features/pilotage/IdeasAdminPage') },
  { path: '/pilotage/territoire', load: () => import('../features/pilotage/TerritoryPage') },
  { path: '/idees', load: () => import('../features/pilotage/IdeasPage') },
  { path: '/plan-d-action', load: () => import('../features/pilotage/PublicPlanPage') },
  { path: '/plan-d-action/:id', load: () => import('../features/pilotage/PublicPlanPage') },
  { path: '/places', load: () => import('../features/attribution/PlacesPage') },
  { path: '/places/campagnes/:id', load: () => import('../features/attribution/RulesPage') },
  { path: '/places/campagnes/:id/demande', load: () => import('../features/attribution/ApplyPage') },
  { path: '/places/mes-demandes', load: () => import('../features/attribution/MyApplicationsPage') },
  { path: '/places/gestion', load: () => import('../features/attribution/ManagePage') },
  { path: '/places/gestion/:id', load: () => import('../features/attribution/CampaignEditorPage') },
  { path: '/places/gestion/:id/simulation', load: () => import('../features/attribution/SimulationPage') },
  { path: '/places/gestion/:id/prevision', load: () => import('../features/attribution/ForecastPage') },
  { path: '/places/gestion/:id/resultats', load: () => import('../features/attribution/ResultsPage') },
  { path: '/places/gestion/:id/justificatifs/:documentId', load: () => import('../features/attribution/ProofPage') },
  { path: '/aides', load: () => import('../features/aides/AidesPage') },
  { path: '/aides/demander/:aidId', load: () => import('../features/aides/AskPage') },
  { path: '/aides/demandes/:id', load: () => import('../features/aides/RequestPage') },
  { path: '/aides/instruction', load: () => import('../features/aides/QueuePage') },
  { path: '/aides/fonds', load: () => import('../features/aides/FundsPage') },
  { path: '/aides/guichet/:householdId', load: () => import('../features/aides/DeskPage') },
  { path: '/aides/admin/:aidId', load: () => import('../features/aides/EditAidPage') },
  { path: '/entraide/:section', load: () => import('../features/entraide/EntraidePage') },
  { path: '/cheques/:section', load: () => import('../features/cheques/ChequesPage') },
  { path: '/groupes', load: () => import('../features/groupes/GroupesPage') },
  { path: '/groupes/salons/:id', load: () => import('../features/groupes/RoomPage') },
  { path: '/groupes/moderation', load: () => import('../features/groupes/ModerationPage') },
  { path: '/groupes/nouveau', load: () => import('../features/groupes/NewRoomPage') },
  { path: '/groupes/reglages', load: () => import('../features/groupes/SettingsPage') },
  { path: '/groupes/blocages', load: () => import('../features/groupes/BlocksPage') },
  { path: '/rendez-vous', load: () => import('../features/rendezvous/RendezvousPage') },
  { path: '/rendez-vous/mes-rendez-vous', load: () => import('../features/rendezvous/MyBookingsPage') },
  { path: '/rendez-vous/garde-urgence', load: () => import('../features/rendezvous/EmergencyPage') },
  { path: '/rendez-vous/agenda', load: () => import('../features/rendezvous/AgendaPage') },
  { path: '/rendez-vous/urgences', load: () => import('../features/rendezvous/EmergenciesPage') },
  { path: '/rendez-vous/familles/:id', load: () => import('../features/rendezvous/FamilyPage') },
  { path: '/rendez-vous/offre', load: () => import('../features/rendezvous/OfferPage') },
  // end module routes
  { path: '/bientot/:module', load: () => import('../features/home/ComingSoonPage') },
];
