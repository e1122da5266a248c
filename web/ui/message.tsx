/**
 * A translated sentence with elements in its placeholders, for data that must keep its own
 * language inside it: `message(t, 'annuaire.structure', { name: <Fr>{s.structure.nom}</Fr> })`
 * gives "Offered by <bdi lang="fr">CCAS d'Amiens</bdi>". Strings and numbers are passed to the
 * catalogue as usual (plurals and number formats still work on them).
 */
import { Fragment, isValidElement, type ReactNode } from 'react';
import type { T } from '../app/i18n';

const OPEN = '\uE000';
const CLOSE = '\uE001';

export function message(t: T, key: string, vars: Record<string, ReactNode>): ReactNode {
  const plain: Record<string, string | number> = {};
  const nodes: ReactNode[] = [];
  for (const [k, v] of Object.entries(vars)) {
    if (typeof v === 'string' || typeof v === 'number') plain[k] = v;
    else if (isValidElement(v) || Array.isArray(v)) plain[k] = `${OPEN}${nodes.push(v) - 1}${CLOSE}`;
    else plain[k] = '';
  }
  const parts = t(key, plain).split(new RegExp(`${OPEN}(\\d+)${CLOSE}`));
  return parts.map((p, i) => <Fragment key={i}>{i % 2 ? nodes[Number(p)] : p}</Fragment>);
}
