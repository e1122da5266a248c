import { defineErrors } from '../../platform/errors';

export const droitsErrors = defineErrors({
  'droits/invalid-household': { status: 422, message: 'La description du foyer est incomplète ou incorrecte.' },
  'droits/unknown-period': { status: 422, message: 'Ce mois n’est pas couvert par les paramètres connus.' },
  'droits/too-many-households': { status: 413, message: 'Trop de foyers dans une seule demande (1 000 au plus).' },
});
