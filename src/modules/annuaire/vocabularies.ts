/**
 * data·inclusion v1 controlled vocabularies (copied into rules/annuaire from the
 * published schema) and the labels we show. Pure data access.
 */
import frais from '../../../rules/annuaire/frais.json';
import modesAccueil from '../../../rules/annuaire/modes-accueil.json';
import modesMobilisation from '../../../rules/annuaire/modes-mobilisation.json';
import personnesMobilisatrices from '../../../rules/annuaire/personnes-mobilisatrices.json';
import publics from '../../../rules/annuaire/publics.json';
import reseauxPorteurs from '../../../rules/annuaire/reseaux-porteurs.json';
import thematiques from '../../../rules/annuaire/thematiques.json';
import typesDeServices from '../../../rules/annuaire/types-de-services.json';

export interface VocabularyEntry {
  value: string;
  label: string;
  description: string | null;
}

export const VOCABULARIES = {
  frais: frais as VocabularyEntry[],
  modes_accueil: modesAccueil as VocabularyEntry[],
  modes_mobilisation: modesMobilisation as VocabularyEntry[],
  mobilisable_par: personnesMobilisatrices as VocabularyEntry[],
  publics: publics as VocabularyEntry[],
  reseaux_porteurs: reseauxPorteurs as VocabularyEntry[],
  thematiques: thematiques as VocabularyEntry[],
  type: typesDeServices as VocabularyEntry[],
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;

const index = new Map<string, Map<string, VocabularyEntry>>(Object.entries(VOCABULARIES).map(([k, list]) => [k, new Map(list.map((e) => [e.value, e]))]));

export function labelOf(vocabulary: VocabularyName, value: string): string {
  return index.get(vocabulary)?.get(value)?.label ?? value;
}

export function isKnown(vocabulary: VocabularyName, value: string): boolean {
  return index.get(vocabulary)?.has(value) ?? false;
}

/** Top-level theme of a thématique (`famille--garde-denfants` → `famille`). */
export function themeOf(thematique: string): string {
  return thematique.split('--')[0];
}

/** French labels of the top-level themes (the vocabulary file only labels the sub-themes). */
export const THEME_LABELS: Record<string, string> = {
  'choisir-un-metier': 'Choisir un métier',
  'creer-une-entreprise': 'Créer une entreprise',
  'difficultes-administratives-ou-juridiques': 'Difficultés administratives ou juridiques',
  'difficultes-financieres': 'Difficultés financières',
  'equipement-et-alimentation': 'Équipement et alimentation',
  famille: 'Famille',
  'lecture-ecriture-calcul': 'Lecture, écriture, calcul',
  'logement-hebergement': 'Logement et hébergement',
  mobilite: 'Mobilité',
  numerique: 'Numérique',
  'preparer-sa-candidature': 'Préparer sa candidature',
  remobilisation: 'Remobilisation',
  sante: 'Santé',
  'se-former': 'Se former',
  'souvrir-a-linternational': "S'ouvrir à l'international",
  'trouver-un-emploi': 'Trouver un emploi',
};
