/**
 * The criteria a new campaign starts from, as towns publish them (points per situation, each
 * naming what proves it; a bonus after a campaign lost, a penalty for a refused matching
 * offer), and the published tie-break rule. A coordinator changes weights per campaign. Data.
 */
import type { CriterionRow } from './attribution.store';

export const DEFAULT_TIE_BREAK =
  'À score égal, la demande déposée la première passe avant. Si deux demandes ont été déposées au même instant, un numéro tiré au hasard au dépôt de chaque demande les départage. Les frères et sœurs qui demandent à rester ensemble sont admis ensemble ou pas du tout. Chaque famille est placée dans le premier groupe de sa liste où il reste de la place.';

export const DEFAULT_CRITERIA: readonly CriterionRow[] = [
  {
    code: 'monoparentalite',
    label: 'Parent seul avec ses enfants',
    description: "Vous élevez vos enfants seul·e (l'autre parent n'en a pas la garde, ou une garde alternée : moitié des points).",
    weight: 20,
    proof: 'Jugement ou convention de garde',
    proofDocument: 'jugement-garde',
    derive: 'single_parent',
    position: 1,
  },
  {
    code: 'qf_tranche_1',
    label: "Quotient familial jusqu'à 500 €",
    description: 'Votre quotient familial CAF est de 500 € ou moins.',
    weight: 15,
    proof: 'Attestation de quotient familial de la CAF',
    proofDocument: 'attestation-caf',
    derive: 'qf:0-500',
    position: 2,
  },
  {
    code: 'qf_tranche_2',
    label: 'Quotient familial de 501 à 800 €',
    description: 'Votre quotient familial CAF est entre 501 € et 800 €.',
    weight: 8,
    proof: 'Attestation de quotient familial de la CAF',
    proofDocument: 'attestation-caf',
    derive: 'qf:501-800',
    position: 3,
  },
  {
    code: 'contrainte_emploi',
    label: 'Travail ou formation aux horaires contraints',
    description: 'Vous travaillez ou suivez une formation (horaires décalés, week-end, déplacements).',
    weight: 10,
    proof: 'Bulletin de salaire, contrat ou attestation de formation',
    proofDocument: 'bulletin-salaire',
    derive: 'work',
    position: 4,
  },
  {
    code: 'fratrie',
    label: 'Frères et sœurs à garder ensemble',
    description: 'Vous demandez une place pour plusieurs enfants, ensemble.',
    weight: 5,
    proof: 'Les enfants inscrits dans votre dossier',
    proofDocument: null,
    derive: 'siblings',
    position: 5,
  },
  {
    code: 'campagne_perdue',
    label: 'Pas de place lors d’une campagne précédente',
    description: 'Vous aviez demandé une place lors d’une campagne précédente sans en obtenir.',
    weight: 5,
    proof: 'Vos demandes précédentes dans Relais',
    proofDocument: null,
    derive: 'lost',
    position: 6,
  },
  {
    code: 'refus',
    label: 'Place correspondante refusée',
    description: 'Dans les 12 derniers mois, vous avez refusé une place qui correspondait à votre demande (points retirés).',
    weight: -10,
    proof: 'Vos réponses aux propositions de place dans Relais',
    proofDocument: null,
    derive: 'refused',
    position: 7,
  },
  {
    code: 'handicap',
    label: 'Enfant ou parent en situation de handicap',
    description: 'Un enfant ou vous-même avez une reconnaissance de handicap.',
    weight: 10,
    proof: 'Notification de la MDPH',
    proofDocument: 'notification-mdph',
    derive: null,
    position: 8,
  },
  {
    code: 'orientation_sociale',
    label: 'Orientation par un travailleur social',
    description: 'Un travailleur social soutient votre demande.',
    weight: 10,
    proof: 'Courrier ou fiche de liaison du travailleur social',
    proofDocument: 'courrier-travailleur-social',
    derive: null,
    position: 9,
  },
];
