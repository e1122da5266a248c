import { defineErrors } from '../../platform/errors';

export const dossiersErrors = defineErrors({
  'dossiers/not-found': { status: 404, message: "Ce dossier n'existe pas ou vous n'y avez pas accès." },
  'dossiers/no-household': { status: 404, message: "Vous n'avez pas encore de dossier. Créez-le en quelques étapes." },
  'dossiers/already-exists': { status: 409, message: 'Un dossier existe déjà pour ce compte.' },
  'dossiers/reason-required': { status: 403, message: "Indiquez pourquoi vous ouvrez ce dossier : chaque consultation est tracée." },
  'dossiers/no-consent': { status: 403, message: "La famille n'a pas donné son accord pour partager ces informations avec votre structure." },
  'dossiers/unknown-form': { status: 404, message: "Ce formulaire n'est pas déclaré." },
  'dossiers/child-not-found': { status: 404, message: "Cet enfant n'est pas dans le dossier." },
  'dossiers/document-not-found': { status: 404, message: "Ce justificatif n'est pas dans le dossier." },
  'dossiers/invalid-neighbourhood': { status: 422, message: "Ce quartier n'existe pas dans la commune." },
  'dossiers/consent-not-found': { status: 404, message: "Cet accord n'existe pas ou a déjà été retiré." },
  'dossiers/consent-exists': { status: 409, message: 'Un accord est déjà en cours pour cette structure et ce motif. Retirez-le avant d’en donner un nouveau.' },
  'dossiers/orientation-not-found': { status: 404, message: "Cette orientation n'existe pas ou ne concerne pas votre structure." },
  'dossiers/orientation-state': { status: 409, message: "Cette orientation n'est plus dans un état qui permet cette action." },
  'dossiers/task-not-found': { status: 404, message: "Cette tâche n'existe pas." },
  'dossiers/no-renewal': { status: 404, message: "Aucun renouvellement n'est ouvert pour votre dossier." },
  'dossiers/erased': { status: 410, message: 'Ce dossier a été effacé à la demande de la famille.' },
  'dossiers/erase-confirm': { status: 422, message: 'Confirmez la demande d’effacement en recopiant le mot EFFACER.' },
  'dossiers/file-too-large': { status: 413, message: 'Le fichier dépasse 3 Mo.' },
  'dossiers/file-type': { status: 422, message: 'Formats acceptés : PDF, JPEG ou PNG.' },
  'dossiers/invalid-date': { status: 422, message: 'Cette date est impossible.' },
});
