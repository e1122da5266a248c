/**
 * A logged-in bench client: the session cookie with its CSRF token (read from the first
 * answer when the login does not set it), and a JSON POST that fails loudly on an error.
 */
import { loginCookie } from '../harness';

export interface BenchSession {
  cookie: string;
  csrf: string;
}

export async function benchSession(url: string, identifier: string, password: string): Promise<BenchSession> {
  const me = await fetch(`${url}/api/auth/me`);
  const csrfCookie = me.headers
    .getSetCookie()
    .find((c) => c.startsWith('relais_csrf='))!
    .split(';')[0];
  const cookie = await loginCookie(url, identifier, password);
  const all = cookie.includes('relais_csrf=') ? cookie : `${csrfCookie}; ${cookie}`;
  return { cookie: all, csrf: all.match(/relais_csrf=([^;]+)/)![1] };
}

/** POST `body` as JSON with the session; anything but 2xx throws with the answer. */
export async function postJson<T>(url: string, s: BenchSession, path: string, body: unknown): Promise<T> {
  const r = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(body),
  });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<T>;
}
