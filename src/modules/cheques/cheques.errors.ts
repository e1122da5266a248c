import { defineErrors } from '../../platform/errors';

export const chequesErrors = defineErrors({
  'cheques/not-found': { status: 404, message: "Ce compte, ce passage ou ce Pass n'existe pas." },
  // Another partner's structure answers like an unknown one: a partner learns nothing of the others.
  'cheques/structure-not-found': { status: 404, message: "Cette structure n'existe pas ou vous n'y avez pas accès." },
  'cheques/insufficient-balance': { status: 409, message: 'Le solde disponible ne couvre pas ce montant.' },
  'cheques/invalid-code': { status: 422, message: "Ce code n'est pas valable ici : vérifiez-le ou demandez un nouveau code." },
  'cheques/code-used': { status: 409, message: 'Ce code a déjà été utilisé. Demandez à la famille d’afficher un nouveau code.' },
  'cheques/kind-not-accepted': { status: 403, message: "Votre structure n'accepte pas encore ce type de chèque." },
  'cheques/not-partner': { status: 403, message: "Votre compte n'est rattaché à aucune structure partenaire." },
  'cheques/no-account': { status: 404, message: "Vous n'avez pas encore de chèque de ce type." },
  'cheques/no-household': { status: 404, message: "Aucun dossier de famille n'est rattaché à votre compte." },
  'cheques/cancel-too-late': {
    status: 409,
    message: "Ce paiement ne peut plus être annulé ici : seule la ville peut le corriger maintenant qu'il est réglé ou qu'un autre jour a commencé.",
  },
  'cheques/already-cancelled': { status: 409, message: 'Ce paiement a déjà été annulé.' },
  'cheques/not-eligible': { status: 422, message: 'Le dossier de la famille ne remplit pas les conditions du Pass Famille Solo.' },
  'cheques/pass-exists': { status: 409, message: 'Cette famille a déjà un Pass Famille Solo en cours. Révoquez-le avant d’en émettre un nouveau.' },
  'cheques/no-pass': { status: 404, message: "Vous n'avez pas de Pass Famille Solo en cours." },
  'cheques/unknown-pass': { status: 422, message: "Ce Pass n'est pas reconnu : vérifiez le numéro ou scannez-le de nouveau." },
  'cheques/already-revoked': { status: 409, message: 'Ce Pass est déjà révoqué.' },
  'cheques/already-settled': { status: 409, message: 'Ce relevé est déjà établi pour ce partenaire et ce mois.' },
  'cheques/already-paid': { status: 409, message: 'Ce relevé est déjà marqué payé.' },
  'cheques/nothing-to-settle': { status: 422, message: "Ce partenaire n'a aucun paiement à régler sur ce mois." },
  'cheques/invalid-period': { status: 422, message: 'Un mois se règle une fois terminé (AAAA-MM).' },
  'cheques/nothing-to-print': { status: 404, message: "Rien à imprimer : cette famille n'a ni Pass Famille Solo ni chèque." },
  'cheques/allowance-already': { status: 409, message: 'Cette famille a déjà reçu la dotation annuelle de ce chèque pour cette année.' },
  'cheques/correction-too-large': { status: 409, message: 'Cette correction rendrait le solde négatif.' },
});
