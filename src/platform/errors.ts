/**
 * Errors as stable codes `module/reason`. A module declares its codes (HTTP status
 * and the French message a family reads) in its `<m>.errors.ts` with `defineErrors`;
 * the one HTTP error handler maps an AppError to `{ error: { code, message, fields? } }`.
 * Anything that is not an AppError (or a validation error) is a bug: 500.
 */
export interface FieldError {
  /** Path of the offending field, dot-separated (`children.0.birth_date`). */
  path: string;
  /** French message for people. */
  message: string;
}

export interface ErrorSpec {
  status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 423 | 429 | 503;
  /** French, plain words. */
  message: string;
}

const registry = new Map<string, ErrorSpec>();

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): T {
  for (const [code, spec] of Object.entries(specs)) {
    if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(code)) throw new Error(`bad error code ${code}`);
    registry.set(code, spec);
  }
  return specs;
}

export function errorSpec(code: string): ErrorSpec | undefined {
  return registry.get(code);
}

export class AppError extends Error {
  readonly code: string;
  readonly fields?: FieldError[];
  readonly details?: Record<string, unknown>;
  constructor(code: string, opts: { fields?: FieldError[]; details?: Record<string, unknown>; message?: string } = {}) {
    const spec = registry.get(code);
    super(opts.message ?? spec?.message ?? code);
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }
  get status(): number {
    return registry.get(this.code)?.status ?? 400;
  }
}

export const platformErrors = defineErrors({
  'http/validation': { status: 400, message: 'Certaines informations sont manquantes ou incorrectes.' },
  'http/invalid-input': { status: 422, message: 'Certaines informations ne sont pas valables.' },
  'http/not-found': { status: 404, message: "Cette page ou cette ressource n'existe pas." },
  'http/payload-too-large': { status: 413, message: 'Le fichier envoyé est trop volumineux.' },
  'http/csrf': { status: 403, message: 'Votre session a expiré. Rechargez la page puis réessayez.' },
  'http/rate-limited': { status: 429, message: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.' },
  'auth/required': { status: 401, message: 'Connectez-vous pour continuer.' },
  'auth/forbidden': { status: 403, message: "Vous n'avez pas accès à cette page." },
  'auth/invalid-credentials': { status: 401, message: 'Identifiant ou mot de passe incorrect.' },
  'auth/account-exists': { status: 409, message: 'Un compte existe déjà avec cet identifiant.' },
  'auth/weak-password': { status: 422, message: 'Le mot de passe doit contenir au moins 10 caractères.' },
  'auth/reset-invalid': { status: 410, message: 'Ce lien de réinitialisation a expiré ou a déjà servi.' },
  'db/conflict': { status: 409, message: "Cette action entre en conflit avec une autre. Réessayez." },
  'db/unavailable': { status: 503, message: 'Le service est momentanément indisponible. Réessayez dans un instant.' },
});
