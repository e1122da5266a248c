import { defineErrors } from '../../platform/errors';

export const groupesErrors = defineErrors({
  'groupes/not-found': { status: 404, message: "Ce groupe de parole n'existe pas." },
  'groupes/message-not-found': { status: 404, message: "Ce message n'existe pas ou a été supprimé." },
  'groupes/session-not-found': { status: 404, message: "Cette séance n'existe pas." },
  'groupes/not-member': { status: 403, message: "Rejoignez d'abord ce groupe pour lire et écrire." },
  'groupes/not-moderator': { status: 403, message: 'Seuls les animateurs de ce groupe et la coordination peuvent faire cela.' },
  'groupes/already-member': { status: 409, message: 'Vous faites déjà partie de ce groupe.' },
  'groupes/pseudonym-taken': { status: 409, message: 'Ce pseudonyme est déjà utilisé dans ce groupe : choisissez-en un autre.' },
  'groupes/removed': { status: 403, message: "Vous avez été retiré·e de ce groupe par l'animation." },
  'groupes/muted': { status: 403, message: "L'animation vous a mis·e en sourdine pour un moment : vous pourrez écrire plus tard." },
  'groupes/announcement-only': { status: 403, message: 'Dans ce groupe, seuls les animateurs publient des annonces.' },
  'groupes/slow-mode': { status: 429, message: 'Le groupe est en mode lent : attendez un peu avant votre prochain message.' },
  'groupes/duplicate': { status: 409, message: 'Vous venez déjà d’envoyer ce message.' },
  'groupes/not-author': { status: 403, message: 'Vous ne pouvez supprimer que vos propres messages.' },
  'groupes/cannot-block-self': { status: 422, message: 'Vous ne pouvez pas vous bloquer vous-même.' },
  'groupes/not-facilitator-role': { status: 422, message: 'Seul un agent ou la coordination peut animer un groupe.' },
  'groupes/session-closed': { status: 409, message: 'Cette séance est terminée.' },
  'groupes/already-reported': { status: 409, message: 'Vous avez déjà signalé ce message.' },
  'groupes/bad-pattern': { status: 422, message: 'Ce motif ne contient aucun mot utilisable (un préfixe « mot* » doit avoir au moins 3 lettres).' },
  'groupes/word-exists': { status: 409, message: 'Ce motif est déjà dans la liste.' },
  'groupes/bad-origin': { status: 403, message: 'La connexion en direct doit venir des pages de Relais.' },
});
