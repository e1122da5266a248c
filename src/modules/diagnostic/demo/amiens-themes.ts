/**
 * The sections of the Amiens diagnostic ("LE QUESTIONNAIRE PARENTS SOLO : PROFIL DES
 * RÉPONDANTS / BUDGET ET PRÉCARITÉ / LOGEMENT ET CADRE DE VIE / SANTÉ ET BIEN-ÊTRE /
 * MOBILITÉ"), applied to the reference questionnaire for the demo report.
 */
import type { Questionnaire } from '../questionnaire';

const THEMES: Record<string, string[]> = {
  'Profil des répondants': ['sexe', 'tranche_age', 'nb_enfants', 'quartier'],
  'Budget et précarité': ['pouvoir_achat', 'poste_reduit', 'budget_difficile', 'cout_education', 'alimentation_compromise', 'loyer_vs_essentiel'],
  'Logement et cadre de vie': ['logement_adapte_difficile', 'defi_logement', 'satisfait_quartier', 'amelioration_quartier', 'solutions_logement', 'participation_cadre_vie'],
  'Santé et bien-être': ['acces_sante', 'specialite_difficile', 'stress', 'fatigue', 'epuisement', 'deprime', 'joie', 'forme'],
  Mobilité: ['deplacements_probleme', 'mode_transport', 'permis', 'astuces_deplacement', 'cout_transport_limite'],
};

export const AMIENS_SOURCE = "Données de référence d'Amiens (diagnostic « Parents solo », 86 répondants ; croisements entre questions synthétiques)";

export function withAmiensThemes(qn: Questionnaire): Questionnaire {
  const themeOf = new Map(Object.entries(THEMES).flatMap(([theme, ids]) => ids.map((id) => [id, theme] as const)));
  return {
    ...qn,
    questions: qn.questions.map((q) => {
      const theme = themeOf.get(q.id);
      const base = theme ? { ...q, theme } : q;
      if (theme === 'Profil des répondants') return { ...base, profile: true };
      // The neighbourhood question drives the cross-tabulations and the indicators.
      return base;
    }),
  };
}
