import { defineErrors } from '../../platform/errors';

export const attributionErrors = defineErrors({
  'attribution/proof-expired': { status: 422, message: 'Ce justificatif n’est plus valable : joignez-en un plus récent.' },
  'attribution/not-found': { status: 404, message: "Cette campagne, cette demande ou cette proposition de place n'existe pas." },
  'attribution/no-household': { status: 409, message: "Créez d'abord votre dossier : la demande se remplit à partir de lui." },
  'attribution/not-open': { status: 409, message: 'Les demandes ne sont pas ouvertes pour cette campagne (pas encore, ou plus).' },
  'attribution/already-applied': { status: 409, message: 'Une demande existe déjà pour cet enfant dans cette campagne.' },
  'attribution/unknown-child': { status: 422, message: "Cet enfant n'est pas dans votre dossier." },
  'attribution/unknown-group': { status: 422, message: "Ce groupe n'existe pas dans cette campagne." },
  'attribution/unknown-criterion': { status: 422, message: "Ce critère n'existe pas dans cette campagne." },
  'attribution/not-editable': { status: 409, message: 'Cette campagne est publiée : ses règles ne changent plus.' },
  'attribution/already-published': { status: 409, message: 'Les résultats de cette campagne sont déjà publiés.' },
  'attribution/not-published': { status: 409, message: 'Les résultats de cette campagne ne sont pas encore publiés.' },
  'attribution/no-application': { status: 409, message: 'Aucune demande à classer dans cette campagne.' },
  'attribution/offer-closed': { status: 409, message: "Cette proposition de place n'attend plus de réponse." },
  'attribution/group-full': { status: 409, message: "Ce groupe n'a plus de place libre." },
  'attribution/age-band': { status: 422, message: "Ce groupe n'accueille pas les enfants de cet âge." },
  'attribution/file-empty': { status: 422, message: 'Le fichier est vide.' },
  'attribution/file-too-large': { status: 413, message: 'Le fichier dépasse 3 Mo.' },
  'attribution/file-content': { status: 422, message: 'Le contenu du fichier ne correspond pas à son type (PDF, JPEG ou PNG attendu).' },
  'attribution/proofs-closed': { status: 409, message: "Les résultats sont publiés : les justificatifs ne s'ajoutent ni ne se retirent plus." },
  'attribution/invalid-dates': { status: 422, message: "La date de clôture doit être après la date d'ouverture." },
});
