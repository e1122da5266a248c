/**
 * The modules as the navigation shows them, from every feature's pages.ts (web/app/features.ts),
 * in their `order`. Labels are message keys (web/app/messages.ts).
 */
import { FEATURES, type NavEntry, type Role } from './features';

export type { NavEntry, Role };

export const NAV: NavEntry[] = FEATURES.flatMap((f) => f.nav ?? []).sort((a, b) => a.order - b.order);

export function hrefOf(e: NavEntry): string {
  return e.soon ? `/bientot/${e.id}` : e.path;
}
