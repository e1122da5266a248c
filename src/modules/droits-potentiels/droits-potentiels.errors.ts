import { defineErrors } from '../../platform/errors';

export const potentialErrors = defineErrors({
  'droits-potentiels/no-household': { status: 404, message: "Vous n'avez pas encore de dossier : créez-le pour y enregistrer votre estimation." },
  'droits-potentiels/household-required': { status: 422, message: 'Indiquez le dossier de la famille pour enregistrer son estimation.' },
  'droits-potentiels/invalid-neighbourhood': { status: 422, message: "Ce quartier n'existe pas dans la commune." },
});
