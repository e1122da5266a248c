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
});
