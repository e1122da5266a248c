/**
 * An eligibility answer as the other modules show it (the rights simulator's results, the
 * family's file): the aid, what it gives, why, where to ask, in plain French. Pure.
 */
import type { AidEligibility } from './eligibility';

export interface AidOffer {
  key: string;
  title: string;
  likelihood: 'yes' | 'maybe' | 'no';
  gives: string;
  why: string[];
  href: string;
}

export const OFFERS_TITLE = 'Les aides de la ville';
export const ALL_AIDS = { href: '/aides', label: 'Toutes les aides de la ville et leurs conditions' };

const LIKELIHOOD = { eligible: 'yes', to_check: 'maybe', not_eligible: 'no' } as const;

/** `ask`: where the family asks (its own request form), else the aid in the public catalogue. */
export function toOffer(e: AidEligibility, ask: boolean): AidOffer {
  const why = e.status === 'not_eligible' ? e.reasons : e.status === 'to_check' ? e.questions.map((q) => q.label) : [];
  return {
    key: e.aid,
    title: e.title,
    likelihood: LIKELIHOOD[e.status],
    gives: e.benefit,
    why: e.priority && e.status === 'eligible' ? [`Prioritaire : ${e.profile ?? 'votre situation'}`] : why,
    href: ask && e.askable ? `/aides/demander/${e.aid}` : `/aides#aide-${e.aid}`,
  };
}

/** Eligible first, then to check, then the others; the catalogue's order within each. */
export function rankOffers(list: readonly AidEligibility[]): AidEligibility[] {
  const rank = { eligible: 0, to_check: 1, not_eligible: 2 } as const;
  return [...list].sort((a, b) => rank[a.status] - rank[b.status]);
}
