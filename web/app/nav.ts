/**
 * The modules as the navigation shows them. `soon: true` until the module's issue
 * lands: its entry then leads to a "bientôt" page that says what is coming, not to
 * fake content. Labels are message keys (web/app/messages.ts).
 */
export type Role = 'parent' | 'agent' | 'partner' | 'coordinator' | 'admin';

export interface NavEntry {
  id: string;
  path: string;
  /** Message keys: title and one-line description for the home page. */
  label: string;
  description: string;
  /** Who sees it in the menu (everyone when absent). */
  roles?: Role[];
  soon?: boolean;
}

export const NAV: NavEntry[] = [
  { id: 'droits', path: '/droits', label: 'nav.droits', description: 'home.droits' },
  { id: 'annuaire', path: '/annuaire', label: 'nav.annuaire', description: 'home.annuaire' },
  { id: 'rendezvous', path: '/rendez-vous', label: 'nav.rendezvous', description: 'home.rendezvous' },
  { id: 'aides', path: '/aides', label: 'nav.aides', description: 'home.aides' },
  { id: 'entraide', path: '/entraide/voisins', label: 'nav.entraide', description: 'home.entraide' },
  { id: 'groupes', path: '/groupes', label: 'nav.groupes', description: 'home.groupes', roles: ['parent', 'agent', 'coordinator', 'admin'] },
  { id: 'dossier', path: '/dossier', label: 'nav.dossier', description: 'home.dossier' },
  { id: 'familles', path: '/dossier', label: 'nav.familles', description: 'home.familles', roles: ['agent', 'coordinator'] },
  { id: 'ma-fiche', path: '/annuaire/ma-fiche', label: 'nav.maFiche', description: 'home.maFiche', roles: ['partner'] },
  { id: 'places', path: '/places', label: 'nav.places', description: 'home.places' },
  { id: 'idees', path: '/idees', label: 'nav.idees', description: 'home.idees' },
  { id: 'cheques', path: '/cheques/accueil', label: 'nav.cheques', description: 'home.cheques', roles: ['parent', 'partner', 'agent', 'coordinator', 'admin'] },
  { id: 'diagnostic', path: '/diagnostic', label: 'nav.diagnostic', description: 'home.diagnostic', roles: ['coordinator', 'admin', 'agent'] },
  { id: 'pilotage', path: '/pilotage', label: 'nav.pilotage', description: 'home.pilotage', roles: ['coordinator', 'admin'] },
];

export function hrefOf(e: NavEntry): string {
  return e.soon ? `/bientot/${e.id}` : e.path;
}
