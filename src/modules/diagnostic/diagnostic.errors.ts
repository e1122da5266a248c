import { defineErrors } from '../../platform/errors';

export const diagnosticErrors = defineErrors({
  'diagnostic/invalid-questionnaire': { status: 422, message: "Le questionnaire n'est pas valable." },
  'diagnostic/invalid-csv': { status: 422, message: "Le fichier CSV n'a pas pu être lu." },
  'diagnostic/invalid-responses': { status: 422, message: 'Certaines réponses ne sont pas valables : rien n’a été importé.' },
  'diagnostic/invalid-answers': { status: 422, message: 'Certaines réponses ne sont pas valables.' },
  'diagnostic/empty-response': { status: 422, message: 'Répondez au moins à une question avant d’envoyer.' },
  'diagnostic/unknown-question': { status: 422, message: "Cette question n'existe pas dans le questionnaire." },
  'diagnostic/not-groupable': { status: 422, message: 'On ne peut pas croiser les résultats par une question à réponse libre.' },
  'diagnostic/invalid-filter': { status: 422, message: "Le filtre demandé n'est pas valable." },
  'diagnostic/not-found': { status: 404, message: "Ce questionnaire n'existe pas." },
  'diagnostic/not-published': { status: 409, message: "Ce questionnaire n'est pas encore publié." },
  'diagnostic/nothing-to-publish': { status: 409, message: 'Il n’y a pas de brouillon à publier : modifiez le questionnaire d’abord.' },
  'diagnostic/closed': { status: 410, message: 'Ce questionnaire est clos : il ne reçoit plus de réponses.' },
  'diagnostic/link-required': { status: 403, message: 'Ce questionnaire se remplit avec un lien personnel ou auprès d’un agent.' },
  'diagnostic/link-invalid': { status: 404, message: "Ce lien de questionnaire n'est pas valable." },
  'diagnostic/link-used': { status: 410, message: 'Ce lien a déjà servi : une seule réponse par lien. Merci de votre participation !' },
  'diagnostic/draft-not-found': { status: 404, message: 'Ces réponses en cours ont expiré ou ont déjà été envoyées.' },
  'diagnostic/duplicate-import': { status: 409, message: 'Certaines réponses de ce fichier ont déjà été importées (même identifiant).' },
  'diagnostic/invalid-indicator': { status: 422, message: 'Cet indicateur ne peut pas être calculé sur ce questionnaire.' },
  'diagnostic/pdf-unavailable': { status: 503, message: "L'export PDF n'est pas disponible sur ce serveur : exportez le rapport en HTML puis imprimez-le." },
});
