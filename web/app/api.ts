/** The API client of our pages: JSON, the CSRF header on every change, one error type. */
export interface FieldError {
  path: string;
  message: string;
  /** The language the server wrote `message` in, when it translated it (absent: French). */
  lang?: string;
}

/**
 * Field messages the server sent untranslated (French: no `lang`, or `fr`), so that a page in
 * another language marks them lang="fr" wherever they are shown (web/ui ErrorMessage, FormErrors).
 */
const untranslated = new Set<string>();

/** Whether this field message came from the server in French, untranslated. */
export function isUntranslated(message: string): boolean {
  return untranslated.has(message);
}

/** Error sentences the server sent translated (the body's `lang`, not French): shown as the page's language, not as a French island. */
const translated = new Set<string>();

/** Whether this error sentence came from the server in the reader's language. */
export function isTranslated(message: string): boolean {
  return translated.has(message);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    /** The language the server wrote `message` in, when it translated it (absent: French). */
    readonly lang?: string,
  ) {
    super(message);
    for (const f of fields) if (!f.lang || f.lang === 'fr') untranslated.add(f.message);
    if (lang && lang !== 'fr') translated.add(message);
  }
  /** The message for one field, if any. */
  field(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

/** What a form that needs the network says without it (errors.offline in the catalogues). */
export const OFFLINE_MESSAGE = 'Sans connexion : réessayez quand vous serez connecté·e.';

function csrfToken(): string {
  return document.cookie.match(/(?:^|;\s*)relais_csrf=([^;]+)/)?.[1] ?? '';
}

async function request<T>(method: string, url: string, body?: unknown, retried = false): Promise<T> {
  // The page's language: the server words field errors in it for a visitor (a signed-in user's own language wins).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': document.documentElement.lang || 'fr' };
  const sentToken = csrfToken();
  if (method !== 'GET') headers['x-csrf-token'] = sentToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    // A change that cannot reach the server is refused in words (issue 19): the forms a family may send later queue themselves (web/app/pwa.tsx, docs/pwa.md).
    if (method !== 'GET') throw new ApiError(0, 'offline', OFFLINE_MESSAGE);
    throw new ApiError(0, 'network', 'Connexion impossible. Vérifiez votre accès à internet puis réessayez.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    // The token belonged to a session that has ended (expired, or logged out elsewhere): the
    // refusal itself brought a fresh cookie, so try once more with it.
    if (res.status === 403 && e.code === 'http/csrf' && !retried && csrfToken() !== sentToken) return request<T>(method, url, body, true);
    throw new ApiError(res.status, e.code ?? 'unknown', e.message ?? 'Une erreur est survenue.', e.fields ?? [], e.lang);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown = {}) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown = {}) => request<T>('PATCH', url, body),
  del: <T>(url: string, body?: unknown) => request<T>('DELETE', url, body),
};
