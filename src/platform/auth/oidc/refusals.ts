/**
 * Why a provider's callback opened no session, and the page the browser then shows: a 4xx,
 * in French, saying what to do next. Never a code, never what the provider sent.
 */
const REFUSALS = {
  state: {
    status: 400,
    title: 'Connexion non vérifiée',
    message:
      "Cette connexion n'a pas pu être vérifiée : le lien a expiré, a déjà servi, ou n'a pas été ouvert dans le navigateur qui l'a demandé. Aucune session n'a été ouverte. Recommencez depuis la page de connexion.",
  },
  'provider-error': {
    status: 400,
    title: 'Connexion annulée',
    message: "La connexion a été annulée ou refusée avant d'aboutir. Aucune session n'a été ouverte. Vous pouvez recommencer.",
  },
  token: {
    status: 400,
    title: 'Connexion refusée',
    message: "La réponse du service de connexion n'a pas pu être vérifiée. Aucune session n'a été ouverte. Recommencez depuis la page de connexion.",
  },
  claims: {
    status: 422,
    title: 'Identité incomplète',
    message: "Le service de connexion n'a pas transmis votre nom et votre prénom. Aucun compte n'a été créé.",
  },
  unavailable: {
    status: 503,
    title: 'Service de connexion indisponible',
    message: 'Le service de connexion ne répond pas pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre mot de passe.',
  },
  'no-email': {
    status: 422,
    title: 'Adresse e-mail manquante',
    message: "Le service de connexion n'a pas transmis d'adresse e-mail : Relais en a besoin pour votre compte. Aucun compte n'a été créé.",
  },
  'email-taken': {
    status: 409,
    title: 'Vous avez déjà un compte Relais',
    message: 'Un compte Relais existe déjà avec la même adresse e-mail. Connectez-vous avec votre mot de passe, puis liez FranceConnect depuis « Mon compte ».',
  },
  'identity-taken': {
    status: 409,
    title: 'Identité déjà liée',
    message: 'Cette identité FranceConnect est déjà liée à un autre compte Relais. Elle ne peut être liée qu’à un seul compte.',
  },
  'already-linked': {
    status: 409,
    title: 'Compte déjà lié',
    message: 'Votre compte Relais est déjà lié à une autre identité de ce service de connexion.',
  },
  'link-session': {
    status: 403,
    title: 'Liaison non vérifiée',
    message: "Pour lier FranceConnect, restez connecté·e à votre compte Relais pendant toute l'opération. Recommencez depuis « Mon compte ».",
  },
  disabled: {
    status: 403,
    title: 'Compte désactivé',
    message: 'Ce compte Relais est désactivé. Adressez-vous au CCAS.',
  },
  'families-only': {
    status: 403,
    title: 'Connexion réservée aux familles',
    message: 'FranceConnect sert aux familles. Les agents et partenaires se connectent avec ProConnect.',
  },
  'staff-only': {
    status: 403,
    title: 'Connexion réservée aux professionnels',
    message: 'ProConnect sert aux agents et aux partenaires. Pour votre compte de famille, utilisez FranceConnect ou votre mot de passe.',
  },
  domain: {
    status: 403,
    title: 'Accès non prévu',
    message:
      "Votre adresse professionnelle n'appartient pas à une structure qui utilise Relais. Si vous travaillez avec le CCAS, demandez à son équipe de vous créer un compte.",
  },
  'request-refused': {
    status: 403,
    title: 'Accès refusé',
    message: "Votre demande d'accès à Relais a été refusée par un administrateur. Adressez-vous au CCAS si vous pensez qu'il s'agit d'une erreur.",
  },
} as const;

export type RefusalReason = keyof typeof REFUSALS;

/** Thrown inside a sign-in: its transaction rolls back, then the refusal is audited and shown. */
export class Refusal extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`oidc sign-in refused: ${reason}`);
  }
}

export function refusalStatus(reason: RefusalReason): number {
  return REFUSALS[reason].status;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page of its own (the web app is not loaded): the message and the way back. */
export function messagePage(title: string, message: string, link: { href: string; label: string }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Relais</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 1.5rem; color: #1e1e1e; background: #f6f6f6; line-height: 1.5; }
  main { max-width: 36rem; margin: 2rem auto; background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 1.5rem; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  a { color: #000091; font-weight: 600; }
  a:focus { outline: 3px solid #0a76f6; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<p>${escape(message)}</p>
<p><a href="${escape(link.href)}">${escape(link.label)}</a></p>
</main>
</body>
</html>`;
}

export function refusalPage(reason: RefusalReason): string {
  const r = REFUSALS[reason];
  return messagePage(r.title, r.message, { href: '/connexion', label: 'Revenir à la page de connexion' });
}

export const PENDING_PAGE = messagePage(
  "Demande d'accès enregistrée",
  "Votre demande d'accès à Relais est enregistrée. Un administrateur de la commune doit la valider : vous pourrez ensuite vous connecter avec ProConnect. Aucun accès n'est ouvert d'ici là.",
  { href: '/', label: "Revenir à l'accueil" },
);
