/**
 * The features of the web app, each from its own folder: `web/features/<m>/pages.ts` default-exports
 * its pages (lazy routes) and its menu entries. Found by globbing, so a module adds its pages without
 * touching web/app (docs/modules.md, "What a new module touches"). A feature's page files are its
 * own: the app reaches them only through their `pages.ts` (eslint.config.js).
 */
import type { ComponentType } from 'react';
import type { Role } from '../../src/platform/platform.schemas';
import { registerMessages, type Messages } from './i18n';

export type { Role };

export interface RouteDef {
  /** `/annuaire/services/:id` → `useParams().id`. */
  path: string;
  /** A lazy page (its own chunk)… */
  load?: () => Promise<{ default: ComponentType }>;
  /** …or one in the first load. */
  component?: ComponentType;
}

/**
 * A module as the navigation shows it. `soon: true` until the module's issue lands: its entry
 * then leads to a "bientôt" page that says what is coming, not to fake content.
 */
export interface NavEntry {
  id: string;
  /** Place in the menu and on the home page (ascending; gaps of 10 leave room). */
  order: number;
  path: string;
  /** Message keys: title and one-line description for the home page. */
  label: string;
  description: string;
  /** Who sees it in the menu once signed in (everyone when absent): a parent's entry is not an agent's. */
  roles?: Role[];
  /** With `roles`: shown too to a visitor without an account (a parent's entry that leads to signing up). */
  visitors?: boolean;
  soon?: boolean;
}

export interface FeaturePages {
  /** Its pages, in matching order (a fixed path before a parameter at the same place). */
  routes: RouteDef[];
  /** Its entries in the menu and on the home page. */
  nav?: NavEntry[];
  /** The words of its entries (keys `nav.<id>`, `home.<id>`): in the first load, unlike its pages' catalogues. */
  messages?: Messages;
}

const found = import.meta.glob<FeaturePages>('../features/*/pages.ts', { eager: true, import: 'default' });

/** Every feature's pages, in folder order. */
export const FEATURES: readonly FeaturePages[] = Object.keys(found)
  .sort()
  .map((file) => found[file]!);

for (const f of FEATURES) if (f.messages) registerMessages('', f.messages);
