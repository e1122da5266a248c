/**
 * One thing another module offers the family (a local aid beside the national benefits, on
 * its file or in the simulator's results): its title, how likely, what it gives, why, and
 * where to go. The server writes these in French: marked `lang="fr"` outside French pages.
 */
import type { ReactNode } from 'react';
import { Fr } from '../app/lang';

export interface Offer {
  key: string;
  title: string;
  likelihood: 'yes' | 'maybe' | 'no';
  gives: string;
  why: string[];
}

export function OfferItem({
  offer,
  badge,
  level = 3,
  idPrefix,
  className,
  children,
}: {
  offer: Offer;
  /** The likelihood in the page's words (« Vous pouvez l'obtenir »…). */
  badge: string;
  level?: 3 | 4;
  /** Makes the heading's id unique on the page. */
  idPrefix: string;
  className?: string;
  /** Where to go: the page's link or button. */
  children: ReactNode;
}) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const id = `${idPrefix}-${offer.key}`;
  return (
    <li>
      <article className={className} aria-labelledby={id}>
        <Heading id={id}>
          <Fr>{offer.title}</Fr>
        </Heading>
        <p>
          <span className="badge" data-tone={offer.likelihood === 'yes' ? 'success' : undefined}>
            {badge}
          </span>{' '}
          <Fr>{offer.gives}</Fr>
        </p>
        {offer.why.length ? (
          <ul>
            {offer.why.map((w) => (
              <li key={w}>
                <Fr>{w}</Fr>
              </li>
            ))}
          </ul>
        ) : null}
        {children}
      </article>
    </li>
  );
}
