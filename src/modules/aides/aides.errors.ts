import { defineErrors } from '../../platform/errors';

export const aidesErrors = defineErrors({
  'aides/invalid-household': { status: 422, message: 'La description du foyer est incomplète ou incorrecte.' },
  'aides/aid-not-found': { status: 404, message: "Cette aide n'existe pas." },
  'aides/aid-ended': { status: 410, message: "Cette aide a pris fin : elle ne peut plus être demandée." },
  'aides/invalid-aid': { status: 422, message: "La description de l'aide est incomplète ou incorrecte." },
  'aides/fund-not-found': { status: 404, message: "Ce fonds n'existe pas." },
  'aides/fund-exhausted': { status: 409, message: "Le fonds de cette aide n'a plus assez de budget cette année pour ce montant." },
});
