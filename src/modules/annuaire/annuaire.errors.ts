import { defineErrors } from '../../platform/errors';

export const annuaireErrors = defineErrors({
  'annuaire/invalid-file': { status: 422, message: "Le fichier contient des lignes invalides : rien n'a été importé." },
  'annuaire/invalid-listing': { status: 422, message: 'Certaines informations de la fiche ne sont pas valables.' },
  'annuaire/not-found': { status: 404, message: "Cette fiche de l'annuaire n'existe pas." },
  'annuaire/not-your-listing': { status: 403, message: 'Vous ne pouvez modifier que la fiche de votre structure.' },
  'annuaire/unknown-neighbourhood': { status: 422, message: "Ce quartier n'existe pas dans la configuration de la ville." },
  'annuaire/unknown-need': { status: 422, message: "Ce besoin n'existe pas dans l'annuaire." },
});
