/**
 * The words of the detailed calculation, in plain French: one list, shown under each
 * "Pourquoi ce montant ?" table for the terms that table uses (never a tooltip only a mouse reaches).
 */
export interface GlossaryEntry {
  term: string;
  /** Where the term appears in a step's label. */
  match: RegExp;
  text: string;
}

export const GLOSSARY: GlossaryEntry[] = [
  {
    term: 'BMAF',
    match: /BMAF/,
    text: 'Base mensuelle des allocations familiales : un montant fixé par l’État chaque année. Beaucoup d’aides en sont une part.',
  },
  {
    term: 'CRDS',
    match: /CRDS/,
    text: 'Contribution au remboursement de la dette sociale : une petite retenue sur la plupart des aides. « Avant CRDS », c’est le montant avant cette retenue ; vous recevez un peu moins.',
  },
  {
    term: 'Abattement',
    match: /[Aa]battement/,
    text: 'Une somme retirée de vos revenus avant le calcul : vos ressources comptées baissent, l’aide peut monter.',
  },
  {
    term: 'R0',
    match: /\bR0\b/,
    text: 'Pour l’aide au logement, une somme fixe retirée de vos ressources ; elle dépend du nombre de personnes à charge.',
  },
  {
    term: 'Forfait logement',
    match: /[Ff]orfait logement/,
    text: 'Si vous avez une aide au logement ou êtes logé·e gratuitement, le RSA et la prime d’activité retirent une somme fixe : le logement est déjà en partie couvert.',
  },
  {
    term: 'Forfait charges',
    match: /[Ff]orfait charges/,
    text: 'Les charges (eau, chauffage…) que compte la CAF : une somme fixe selon le nombre d’enfants, pas vos charges réelles.',
  },
  {
    term: 'Loyer plafond',
    match: /[Ll]oyer plafond|limite du plafond/,
    text: 'Le loyer le plus haut que compte la CAF, selon la zone et la famille : au-delà, un loyer plus cher ne fait plus monter l’aide.',
  },
  {
    term: 'Participation personnelle',
    match: /Participation personnelle/,
    text: 'La part du logement que la CAF estime que vous pouvez payer vous-même, selon vos ressources.',
  },
  {
    term: 'Plafond de ressources',
    match: /Plafond de ressources|au-dessus du plafond|Dépassement du plafond/,
    text: 'Au-dessus de ces revenus, l’aide n’est pas versée, ou seulement en partie.',
  },
  {
    term: 'Période de référence',
    match: /Période de référence/,
    text: 'Les mois dont les revenus sont comptés : souvent pas le mois en cours.',
  },
  {
    term: 'Montant forfaitaire',
    match: /Montant forfaitaire/,
    text: 'Le montant de base du RSA ou de la prime d’activité pour votre famille, avant d’y retirer vos ressources.',
  },
  {
    term: 'Minoration forfaitaire',
    match: /Minoration forfaitaire/,
    text: 'Une somme fixe retirée de l’aide au logement calculée.',
  },
  {
    term: 'Dégressivité',
    match: /[Dd]égressi/,
    text: 'L’aide diminue peu à peu quand le loyer ou les ressources dépassent un seuil, au lieu de s’arrêter d’un coup.',
  },
  {
    term: 'RLS',
    match: /\bRLS\b/,
    text: 'Réduction de loyer de solidarité : en HLM, le bailleur baisse votre loyer ; la CAF baisse d’autant l’aide au logement.',
  },
  {
    term: 'Modulation',
    match: /modulation/,
    text: 'Le montant change selon vos ressources : plein en dessous d’un seuil, réduit au-dessus.',
  },
  {
    term: 'Taux plein',
    match: /taux plein/,
    text: 'Le montant complet de l’aide, quand les ressources sont sous le premier seuil.',
  },
];

/** The entries whose term appears in these labels, once each, in the list's order. */
export function glossaryFor(labels: string[]): GlossaryEntry[] {
  return GLOSSARY.filter((g) => labels.some((l) => g.match.test(l)));
}
