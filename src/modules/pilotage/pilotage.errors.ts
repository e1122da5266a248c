import { defineErrors } from '../../platform/errors';

export const pilotageErrors = defineErrors({
  'pilotage/not-found': { status: 404, message: "Cet élément du plan d'action n'existe pas." },
  'pilotage/unknown-indicator': { status: 422, message: "Cet indicateur n'existe pas dans le registre de Relais." },
  'pilotage/invalid-questionnaire': { status: 422, message: 'Le questionnaire ou la question choisis ne permettent pas ce calcul.' },
  'pilotage/not-manual': { status: 409, message: 'Cet indicateur est calculé par Relais : ses valeurs ne se saisissent pas à la main.' },
  'pilotage/unknown-neighbourhood': { status: 422, message: "Ce quartier n'existe pas dans la configuration de la ville." },
  'pilotage/invalid-period': { status: 422, message: 'La période doit être un mois au format AAAA-MM, pas dans le futur.' },
  'pilotage/invalid-dates': { status: 422, message: 'La date de fin doit être après la date de début.' },
  'pilotage/not-in-plan': { status: 422, message: "Cet indicateur n'appartient pas à cette action." },
  'pilotage/objective-not-in-plan': { status: 422, message: "Cet objectif n'appartient pas au plan d'où vient l'idée." },
  'pilotage/axis-not-in-plan': { status: 422, message: "Cet axe n'appartient pas à ce plan d'action." },
  'pilotage/ideation-closed': { status: 409, message: "Ce plan ne reçoit pas d'idées en ce moment." },
  'pilotage/proposal-not-published': { status: 409, message: "Cette idée n'est pas publiée : elle ne peut pas encore être soutenue ni devenir une action." },
  'pilotage/already-supported': { status: 409, message: 'Vous soutenez déjà cette idée : un seul soutien par compte.' },
  'pilotage/not-supported': { status: 409, message: 'Vous ne soutenez pas cette idée.' },
  'pilotage/already-moderated': { status: 409, message: 'Cette idée a déjà été publiée ou refusée.' },
  'pilotage/already-action': { status: 409, message: 'Cette idée est déjà devenue une action du plan.' },
  'pilotage/not-an-action': { status: 409, message: "Cette idée n'est pas encore devenue une action du plan." },
  'pilotage/territory-invalid': {
    status: 422,
    message: "Le fichier contient des erreurs : rien n'a été importé. Corrigez les lignes indiquées puis recommencez.",
  },
});
