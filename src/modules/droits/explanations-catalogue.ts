/**
 * Every label of an explanation step and every reason, in French, numbered by their place in
 * these lists: what the compact output of `relais droits simulate --references ids` points
 * to, and what `relais droits references` / `GET /api/droits/references` serve beside the
 * legal references (`catalogue`). A step's label can only be one of these (its type is the
 * union of them): an explanation cannot say something the catalogue does not hold.
 *
 * A label with `{1}`, `{2}` takes the step's arguments (a year, a month): the list stays
 * finite. Append new texts at the end: the numbers of the others do not move (the catalogue's
 * `version`, written on every compact line, changes anyway, so a reader can tell).
 */
export const STEP_LABELS = [
  'Mois de calcul',
  'Enfants de moins de 20 ans ouvrant droit',
  'Montant par enfant (part de la BMAF)',
  'Montant avant pension alimentaire',
  'Pension alimentaire reçue par mois, déduite euro pour euro',
  "Pension fixée mais non payée chaque mois : la CAF (ARIPA) peut la réclamer à l'autre parent",
  'Montant mensuel',
  'Période de référence des ressources',
  'Salaires et allocations chômage imposables {1}',
  'Après abattement forfaitaire de 10 %',
  'Pensions alimentaires reçues {1}',
  'Pensions après abattement de 10 %',
  'Ressources retenues',
  'Enfants à charge (moins de 20 ans)',
  'Base mensuelle des allocations familiales (BMAF)',
  'Taux selon les ressources (modulation)',
  'Allocation de base',
  "Majorations pour âge (enfants de 14 ans et plus, sauf l'aîné de deux enfants)",
  'Allocation forfaitaire (enfant de 20 ans, famille de 3 enfants et plus)',
  'Complément dégressif (ressources juste au-dessus du plafond)',
  'Total mensuel',
  'Montant complet',
  'Montant majoré (ressources sous la moitié du plafond)',
  "Non cumulable avec l'allocation de base de la PAJE",
  'Période de référence',
  'Personnes au foyer (vous et les enfants de moins de 25 ans)',
  'Montant forfaitaire',
  'Montant forfaitaire majoré pour parent isolé',
  'Salaires nets',
  'Allocations chômage nettes',
  'Pension alimentaire reçue',
  'Allocations familiales (hors majorations)',
  'ASF comptée forfaitairement',
  'Complément familial et PAJE comptés',
  'Forfait logement déduit',
  'Total des ressources',
  'Montant mensuel (non versé sous 6 €)',
  '{1} : montant forfaitaire',
  '{1} : montant forfaitaire majoré (parent isolé)',
  "{1} : {2} % des revenus d'activité",
  '{1} : bonification individuelle',
  '{1} : ressources comptées (dont prestations familiales)',
  '{1} : forfait logement',
  '{1} : prime calculée',
  'Moyenne des trois mois',
  'Montant mensuel (non versé sous 15 €)',
  'Statut du logement',
  'Zone du logement',
  'Personnes à charge (enfants jusqu’à 20 ans)',
  'Salaires imposables sur 12 mois',
  'Allocations chômage imposables sur 12 mois',
  'Abattement forfaitaire de 10 % (frais professionnels)',
  'Abattement de 30 % sur les revenus d’activité (chômage indemnisé)',
  'Revenus neutralisés : RSA perçu le mois précédent',
  'Revenus neutralisés : chômage non indemnisé',
  'Pensions alimentaires reçues (après abattement de 10 %)',
  'Ressources retenues (arrondies aux 100 € supérieurs)',
  'Abattement forfaitaire R0',
  'Loyer pris en compte (meublé : deux tiers du loyer)',
  'Loyer réel',
  'Loyer plafond',
  'Loyer retenu (dans la limite du plafond)',
  'Forfait charges',
  'Participation personnelle',
  'Aide avant minimum de versement',
  'Coefficient de dégressivité (loyer élevé)',
  'Minoration forfaitaire',
  'Réduction de loyer de solidarité (RLS) déduite à 98 %',
  'Montant mensuel net de CRDS',
  'Montant à taux plein (part de la BMAF)',
  'Rentrée scolaire',
  'Âges pris au 31 décembre',
  'Enfants de 6 à 10 ans',
  'Enfants de 11 à 14 ans',
  'Enfants de 15 à 18 ans',
  'Ressources {1} (N-2)',
  'Plafond de ressources',
  'Dépassement du plafond déduit (ARS différentielle)',
  'Montant annuel (non versé sous 15 €)',
] as const;

export type StepLabel = (typeof STEP_LABELS)[number];

/** Why a benefit is due or not: one sentence per case (explanations.ts). */
export const REASONS = [
  "Aucun enfant de moins de 20 ans : l'ASF n'est pas due.",
  "L'autre parent ne paie pas toute la pension fixée : l'ASF est versée et la CAF (ARIPA) peut récupérer la pension impayée auprès de lui (recouvrement).",
  "Vous élevez seul·e vos enfants ; l'ASF complète la pension alimentaire reçue jusqu'au montant de l'ASF.",
  "Vous élevez seul·e vos enfants sans pension alimentaire : l'ASF est versée. Si l'autre parent ne paie pas la pension fixée, la CAF (ARIPA) peut la lui réclamer (recouvrement).",
  'La pension alimentaire reçue dépasse (ou égale presque) le montant de l’ASF : rien à verser.',
  'Les allocations familiales commencent au 2e enfant à charge (moins de 20 ans).',
  'Au moins deux enfants à charge : allocations familiales versées.',
  'Au moins 3 enfants de 3 à 20 ans et ressources sous le plafond : complément familial versé.',
  'Un enfant de moins de 3 ans ouvre droit à la PAJE, qui ne se cumule pas avec le complément familial.',
  'Il faut au moins 3 enfants à charge âgés de 3 à 20 ans et des ressources sous le plafond.',
  'Vos ressources sont inférieures au montant forfaitaire : le RSA complète.',
  'Le RSA est ouvert à partir de 25 ans, ou plus tôt avec un enfant à charge.',
  'Le RSA calculé est inférieur à 6 € : il n’est pas versé.',
  'Vos ressources (et aides comptées) dépassent le montant garanti par le RSA.',
  "La prime d'activité suppose des revenus d'activité au cours des 3 derniers mois.",
  "Vos revenus d'activité ouvrent droit à la prime d'activité.",
  'Vos ressources sont trop élevées pour la prime d’activité (ou le montant est inférieur à 15 €).',
  'Les aides au logement simulées ici concernent les locataires.',
  'APL (logement conventionné) : le loyer dépasse votre participation personnelle.',
  'Allocation de logement familiale (ALF) : le loyer dépasse votre participation personnelle.',
  'Allocation de logement sociale (ALS) : le loyer dépasse votre participation personnelle.',
  'Vos ressources sont trop élevées pour ce loyer (ou l’aide serait inférieure à 10 €).',
  "Un enfant de moins de 3 ans et des ressources sous le plafond : allocation de base versée jusqu'au mois précédant ses 3 ans.",
  'Il faut un enfant de moins de 3 ans et des ressources sous le plafond.',
  "Aucun enfant de 6 à 18 ans à la rentrée : pas d'ARS.",
  'Ressources un peu au-dessus du plafond : ARS réduite du dépassement.',
  'Enfants scolarisés de 6 à 18 ans et ressources sous le plafond : ARS versée en août.',
  'Ressources trop élevées pour l’ARS.',
  /** --no-explanations: no reason given. */
  '',
] as const;

export type Reason = (typeof REASONS)[number];

export const LABEL_ID: ReadonlyMap<string, number> = new Map(STEP_LABELS.map((l, i) => [l, i]));
export const REASON_ID: ReadonlyMap<string, number> = new Map(REASONS.map((r, i) => [r, i]));

/** A label with its arguments put in (`{1}` is the first). */
export function formatLabel(template: string, args: readonly (string | number)[] | undefined): string {
  if (!args || args.length === 0) return template;
  return template.replace(/\{(\d)\}/g, (_, n: string) => String(args[Number(n) - 1]));
}
