import { defineErrors } from '../../platform/errors';

export const entraideErrors = defineErrors({
  'entraide/no-household': { status: 409, message: "Créez d'abord votre dossier famille pour participer à l'entraide." },
  'entraide/not-found': { status: 404, message: "Cet élément de l'entraide n'existe pas ou ne vous est pas accessible." },
  'entraide/price-refused': { status: 422, message: "L'entraide entre parents est gratuite : retirez le montant ou la mention de paiement." },
  'entraide/not-validated': { status: 403, message: 'Seuls les foyers validés par un agent ou un parent ambassadeur peuvent proposer une garde.' },
  'entraide/blocked': { status: 403, message: 'Vous ne pouvez pas échanger avec ce foyer.' },
  'entraide/own-post': { status: 409, message: 'Vous ne pouvez pas répondre à votre propre annonce.' },
  'entraide/already-answered': { status: 409, message: 'Vous avez déjà répondu à cette annonce : continuez dans la conversation.' },
  'entraide/post-closed': { status: 409, message: "Cette annonce n'est plus ouverte." },
  'entraide/unknown-neighbourhood': { status: 422, message: "Ce quartier n'existe pas dans la configuration de la ville." },
  'entraide/invalid-dates': { status: 422, message: 'La fin doit être après le début.' },
  'entraide/not-ambassador': { status: 403, message: 'Réservé aux agents et aux parents ambassadeurs.' },
  'entraide/self-block': { status: 422, message: 'Vous ne pouvez pas bloquer votre propre foyer.' },
  'entraide/item-taken': { status: 409, message: 'Cet objet est déjà réservé ou prêté à une autre famille.' },
  'entraide/item-unavailable': { status: 409, message: "Cet objet n'est plus disponible." },
  'entraide/overdue-loan': { status: 409, message: "Rendez d'abord l'objet dont le prêt est en retard : vous pourrez ensuite en emprunter un autre." },
  'entraide/invalid-loan-status': { status: 409, message: "Ce prêt n'est pas dans un état qui permet cette action." },
  'entraide/report-resolved': { status: 409, message: 'Ce signalement a déjà été traité.' },
  'entraide/coop-full': { status: 409, message: 'Cette coopérative a déjà 4 familles.' },
  'entraide/coop-too-far': { status: 409, message: 'Cette coopérative est dans un quartier trop éloigné du vôtre.' },
  'entraide/coop-member': { status: 409, message: 'Votre famille fait déjà partie de cette coopérative.' },
});
