import { defineErrors } from '../../platform/errors';

export const rendezvousErrors = defineErrors({
  'rendezvous/not-found': { status: 404, message: "Ce rendez-vous ou ce créneau n'existe pas." },
  'rendezvous/no-file': { status: 409, message: "Créez d'abord votre dossier pour prendre rendez-vous." },
  'rendezvous/not-bookable': { status: 403, message: 'Ce rendez-vous se prend auprès d’un agent, pas en ligne.' },
  'rendezvous/slot-unavailable': { status: 409, message: "Ce créneau n'est pas ou plus proposé. Choisissez-en un autre." },
  'rendezvous/full': { status: 409, message: "Ce créneau est complet. Vous pouvez rejoindre la liste d'attente." },
  'rendezvous/overlap': { status: 409, message: 'Cette personne a déjà un rendez-vous à ce moment-là.' },
  'rendezvous/agent-busy': { status: 409, message: "L'agent a déjà un rendez-vous à ce moment-là." },
  'rendezvous/unknown-child': { status: 422, message: "Cet enfant n'est pas dans le dossier de la famille." },
  'rendezvous/nobody': { status: 422, message: 'Choisissez qui vient au rendez-vous.' },
  'rendezvous/child-required': { status: 422, message: "Choisissez un seul enfant pour cette place d'accueil." },
  'rendezvous/no-age-group': { status: 422, message: "Aucune place n'est prévue pour l'âge de cet enfant." },
  'rendezvous/too-late-to-cancel': { status: 409, message: 'Il est trop tard pour annuler en ligne : appelez le service.' },
  'rendezvous/not-full': { status: 409, message: 'Ce créneau a encore des places : réservez-le directement.' },
  'rendezvous/already-waiting': { status: 409, message: "Cette personne est déjà sur la liste d'attente de ce créneau." },
  'rendezvous/offer-expired': { status: 410, message: "Cette proposition de place a expiré ou n'est plus valable." },
  'rendezvous/bad-status': { status: 409, message: 'Ce rendez-vous ne peut pas passer à cet état.' },
  'rendezvous/not-yet': { status: 409, message: "Le rendez-vous n'a pas encore eu lieu." },
  'rendezvous/invalid-plage': { status: 422, message: "Cette plage d'ouverture est incomplète ou incohérente." },
  'rendezvous/bad-origin': { status: 403, message: 'Cette page ne peut pas ouvrir la mise à jour en direct.' },
  'rendezvous/answered': { status: 409, message: 'Cette demande a déjà reçu une réponse.' },
});
