/**
 * The modules as the navigation shows them, from every feature's pages.ts (web/app/features.ts),
 * in their `order`. Labels are message keys (web/app/messages.ts).
 */
import { FEATURES, type NavEntry, type Role } from './features';

export type { NavEntry, Role };

export const NAV: NavEntry[] = FEATURES.flatMap((f) => f.nav ?? []).sort((a, b) => a.order - b.order);

/** The menu of someone signed in with `role`, or of a visitor (null): only the entries meant for them. */
export function menuFor(role: Role | null, nav: readonly NavEntry[] = NAV): NavEntry[] {
  return nav.filter((e) => !e.roles || (role ? e.roles.includes(role) : Boolean(e.visitors)));
}

/** The entries the home page presents to families (every visitor reads them, signed in or not). */
export function familyEntries(nav: readonly NavEntry[] = NAV): NavEntry[] {
  return nav.filter((e) => !e.roles || e.visitors);
}

export function hrefOf(e: NavEntry): string {
  return e.soon ? `/bientot/${e.id}` : e.path;
}
