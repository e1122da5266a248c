/**
 * Errors as stable codes `module/reason`. A module declares its codes (HTTP status
 * and the French message a family reads) in its `<m>.errors.ts` with `defineErrors`
 * (no side effect) and lists that map as `errors` in its ModuleDef; the wiring
 * (src/platform/wiring.ts, at every start) builds the one code → spec catalogue from the
 * modules it is given. The one HTTP error handler maps an AppError to
 * `{ error: { code, message, fields? } }`. Anything that is not an AppError with a
 * declared code (or a validation error) is a bug: 500.
 *
 * `AppError`'s code is typed: only a code some module declares compiles. The union is
 * assembled from the module list itself (src/modules/registry.ts fills `Register`), so a
 * new module's codes exist as soon as its registry line does.
 */
export interface FieldError {
  /** Path of the offending field, dot-separated (`children.0.birth_date`). */
  path: string;
  /** French message for people (the error handler gives it in the request's language when it can). */
  message: string;
  /** The language `message` is written in, when the error handler translated it (absent: French). */
  lang?: string;
}

export interface ErrorSpec {
  status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 414 | 415 | 422 | 423 | 429 | 503;
  /** French, plain words. */
  message: string;
}

/** A module's codes: `'<module>/<reason>'` → spec. */
export type ErrorSpecs = Readonly<Record<string, ErrorSpec>>;

/** Types a `<m>.errors.ts` map (codes kept as literal types). Registers nothing: list the map in your ModuleDef. */
export function defineErrors<const T extends ErrorSpecs>(specs: T): T {
  return specs;
}

/**
 * Filled by src/modules/registry.ts through declaration merging
 * (`declare module '../platform/errors' { interface Register { modules: typeof modules } }`),
 * so that the platform knows the modules' codes without importing any module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Register {}
type RegisteredModule = Register extends { modules: readonly (infer M)[] } ? M : never;
type CodesOf<M> = M extends { errors?: infer E } ? (string extends keyof NonNullable<E> ? never : keyof NonNullable<E> & string) : never;

/** Every code a module (or the platform) declares. */
export type ErrorCode = (keyof typeof platformErrors & string) | CodesOf<RegisteredModule>;

/** The wired catalogue (null until the first wiring: then the platform's own codes only). */
let catalogue: ReadonlyMap<string, ErrorSpec> | null = null;

/** Called by the wiring with every declared code. */
export function installErrorCatalogue(specs: ReadonlyMap<string, ErrorSpec>): void {
  catalogue = new Map(specs);
}

export function errorSpec(code: string): ErrorSpec | undefined {
  if (catalogue) return catalogue.get(code);
  return Object.hasOwn(platformErrors, code) ? (platformErrors as ErrorSpecs)[code] : undefined;
}

/** What a person reads when a code was thrown that no module declares (a bug: answered 500, logged). */
const UNDECLARED_MESSAGE = "Une erreur inattendue s'est produite.";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, opts: { fields?: FieldError[]; details?: Record<string, unknown>; message?: string } = {}) {
    super(opts.message ?? errorSpec(code)?.message ?? UNDECLARED_MESSAGE);
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }
  /** False for a code no wired module declares (only reachable through `any`): the error handler treats it as a bug. */
  get declared(): boolean {
    return errorSpec(this.code) !== undefined;
  }
  get status(): number {
    return errorSpec(this.code)?.status ?? 500;
  }
}

export const platformErrors = defineErrors({
  'http/validation': { status: 400, message: 'Certaines informations sont manquantes ou incorrectes.' },
  'http/invalid-input': { status: 422, message: 'Certaines informations ne sont pas valables.' },
  'http/not-found': { status: 404, message: "Cette page ou cette ressource n'existe pas." },
  'http/payload-too-large': { status: 413, message: 'Le fichier envoyé est trop volumineux.' },
  'http/bad-request': { status: 400, message: 'La requête est mal formée.' },
  'http/bad-url': { status: 400, message: "L'adresse demandée est mal formée." },
  'http/uri-too-long': { status: 414, message: "L'adresse demandée est trop longue." },
  'http/unsupported-media-type': { status: 415, message: 'Format de données non pris en charge (utilisez application/json).' },
  'http/csrf': { status: 403, message: 'Votre session a expiré. Rechargez la page puis réessayez.' },
  'http/rate-limited': { status: 429, message: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.' },
  'http/busy': { status: 503, message: 'Le service est très sollicité en ce moment. Réessayez dans quelques instants.' },
  'http/render-timeout': { status: 503, message: 'Le document a pris trop de temps à produire. Réessayez plus tard, ou téléchargez-le en HTML.' },
  'http/aborted': { status: 400, message: 'La demande a été interrompue.' },
  'http/idempotency-pending': { status: 409, message: 'Cette demande est déjà en cours d’envoi. Patientez un instant.' },
  'http/idempotency-mismatch': { status: 422, message: 'Cette clé de rejeu a déjà servi pour une autre demande.' },
  'auth/required': { status: 401, message: 'Connectez-vous pour continuer.' },
  'auth/forbidden': { status: 403, message: "Vous n'avez pas accès à cette page." },
  'auth/invalid-credentials': { status: 401, message: 'Identifiant ou mot de passe incorrect.' },
  'auth/account-exists': { status: 409, message: 'Un compte existe déjà avec cet identifiant.' },
  'auth/unknown-structure': { status: 422, message: "Cette structure n'existe pas dans l'annuaire." },
  'auth/weak-password': { status: 422, message: 'Le mot de passe doit contenir au moins 10 caractères.' },
  'auth/reset-invalid': { status: 410, message: 'Ce lien de réinitialisation a expiré ou a déjà servi.' },
  'auth/oidc-disabled': { status: 404, message: "Cette façon de se connecter n'est pas proposée ici." },
  'auth/oidc-not-linked': { status: 404, message: "Cette identité n'est pas liée à votre compte." },
  'auth/oidc-unlink-needs-password': {
    status: 409,
    message: "Choisissez d'abord un mot de passe (« Mot de passe oublié ? ») : sans lui, vous ne pourriez plus vous connecter.",
  },
  'auth/oidc-request-not-found': { status: 404, message: "Cette demande d'accès n'existe pas ou a déjà été traitée." },
  'db/conflict': { status: 409, message: 'Cette action entre en conflit avec une autre. Réessayez.' },
  'db/invalid-data': { status: 422, message: 'Une valeur ne peut pas être enregistrée : trop longue, hors limites ou mal formée.' },
  'db/invalid-reference': { status: 422, message: "Un élément indiqué n'existe pas ou plus." },
  'db/constraint': { status: 422, message: 'Ces informations ne respectent pas une règle du service.' },
  'db/unavailable': { status: 503, message: 'Le service est momentanément indisponible. Réessayez dans un instant.' },
});
