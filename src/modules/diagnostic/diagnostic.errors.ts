import { defineErrors } from '../../platform/errors';

export const diagnosticErrors = defineErrors({
  'diagnostic/invalid-questionnaire': { status: 422, message: "Le questionnaire n'est pas valable." },
  'diagnostic/invalid-csv': { status: 422, message: "Le fichier CSV n'a pas pu être lu." },
  'diagnostic/invalid-responses': { status: 422, message: 'Certaines réponses ne sont pas valables.' },
  'diagnostic/invalid-answers': { status: 422, message: 'Certaines réponses ne sont pas valables.' },
  'diagnostic/unknown-question': { status: 422, message: "Cette question n'existe pas dans le questionnaire." },
  'diagnostic/not-groupable': { status: 422, message: 'On ne peut pas croiser les résultats par une question à réponse libre.' },
  'diagnostic/invalid-filter': { status: 422, message: "Le filtre demandé n'est pas valable." },
});
