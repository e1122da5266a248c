import { defineErrors } from '../../platform/errors';

export const aidesErrors = defineErrors({
  'aides/invalid-household': { status: 422, message: 'La description du foyer est incomplète ou incorrecte.' },
  'aides/aid-not-found': { status: 404, message: "Cette aide n'existe pas." },
  'aides/not-requestable': {
    status: 409,
    message: "Le Pass Famille Solo ne se demande pas : un agent du CCAS l'émet depuis votre dossier, au guichet ou lors d'un rendez-vous.",
  },
  'aides/aid-ended': { status: 410, message: 'Cette aide a pris fin : elle ne peut plus être demandée.' },
  'aides/invalid-aid': { status: 422, message: "La description de l'aide est incomplète ou incorrecte." },
  'aides/version-conflict': { status: 409, message: "Quelqu'un a modifié cette aide entre-temps : rechargez la page pour partir de la dernière version." },
  'aides/fund-not-found': { status: 404, message: "Ce fonds n'existe pas." },
  'aides/no-budget': { status: 409, message: "Ce fonds n'a pas de budget pour cette année." },
  'aides/fund-exhausted': { status: 409, message: "Le fonds de cette aide n'a plus assez de budget cette année pour ce montant." },
  'aides/no-household': { status: 409, message: "Créez d'abord votre dossier : la demande le réutilise." },
  'aides/request-not-found': { status: 404, message: "Cette demande n'existe pas." },
  'aides/transition-not-allowed': { status: 409, message: "Cette action n'est pas possible à cette étape de la demande." },
  'aides/invalid-fields': { status: 422, message: 'Certains champs de la demande sont manquants ou incorrects.' },
  'aides/amount-too-high': { status: 422, message: "Le montant dépasse ce que l'aide permet." },
  'aides/mandate-required': { status: 403, message: "Pour agir au nom d'une famille, il faut un mandat de sa part, en cours de validité." },
  'aides/mandate-not-found': { status: 404, message: "Ce mandat n'existe pas ou n'est plus actif." },
  'aides/file-type': { status: 415, message: 'Formats acceptés : PDF, JPEG ou PNG (le contenu du fichier doit correspondre).' },
  'aides/file-too-large': { status: 413, message: 'Le fichier dépasse 5 Mo.' },
  'aides/file-empty': { status: 422, message: 'Le fichier est vide.' },
  'aides/allowance-already-received': {
    status: 409,
    message:
      "La famille a déjà reçu ces chèques pour l'année (dotation annuelle de la ville) : rien n'est crédité une seconde fois. La demande peut être classée sans suite.",
  },
  'aides/vouchers-credited': {
    status: 409,
    message: 'Les chèques de cette aide sont déjà crédités sur le compte de la famille : une correction se fait sur ce compte (rubrique Chèques).',
  },
});
