/**
 * A real OpenID Connect provider on this machine (oidc-provider), for the tests and the
 * journeys: clients for FranceConnect and ProConnect (PKCE required, secrets, logout URLs),
 * accounts with FranceConnect-like and ProConnect-like claims, its own login and consent
 * pages (devInteractions). A client may ask for userinfo as a signed JWT (FranceConnect v2 signs
 * it). `drive` walks a browser's way through it over HTTP with a cookie jar. `tamperNext`
 * re-signs the next id_token it issues with changed claims (or another key), to see the relying
 * party refuse a wrong audience, an expired token, a foreign signature; `tamperUserinfoNext` does
 * the same to the next signed userinfo.
 * Test support only: never imported by the app.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface LocalClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Userinfo as a JWT signed with the provider's key (RS256), as FranceConnect v2 answers it. */
  signedUserinfo?: boolean;
}

export type Claims = Record<string, string | boolean>;

export interface Tamper {
  /** Claims replaced in the next id_token (aud, exp, nonce…), or computed from the issued ones. */
  claims?: Record<string, unknown> | ((issued: Record<string, any>) => Record<string, unknown>);
  /** Sign it with a key the provider does not publish. */
  foreignKey?: boolean;
}

export interface LocalProvider {
  issuer: string;
  accounts: Map<string, Claims>;
  /** Applied to the next token response only. */
  tamperNext(t: Tamper): void;
  /** Applied to the next signed userinfo only. */
  tamperUserinfoNext(t: Tamper): void;
  /** The content type of each userinfo answered, in order (application/jwt when signed). */
  userinfoTypes: string[];
  close(): Promise<void>;
}

/** FranceConnect's scopes are its claims' names; ProConnect adds usual_name, uid, siret. */
const CLAIMS = {
  openid: ['sub'],
  email: ['email'],
  given_name: ['given_name'],
  family_name: ['family_name'],
  birthdate: ['birthdate'],
  gender: ['gender'],
  birthplace: ['birthplace'],
  birthcountry: ['birthcountry'],
  preferred_username: ['preferred_username'],
  usual_name: ['usual_name'],
  uid: ['uid'],
  siret: ['siret'],
};

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function resign(jwt: string, t: Tamper, key: crypto.KeyObject): string {
  const [h, p] = jwt.split('.');
  const issued = JSON.parse(Buffer.from(p, 'base64url').toString());
  const payload = { ...issued, ...(typeof t.claims === 'function' ? t.claims(issued) : t.claims) };
  const signer = t.foreignKey ? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : key;
  const input = `${h}.${b64(JSON.stringify(payload))}`;
  return `${input}.${b64(crypto.sign('sha256', Buffer.from(input), signer))}`;
}

export async function startLocalProvider(opts: { clients: LocalClient[]; accounts: Record<string, Claims> }): Promise<LocalProvider> {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'local-1', alg: 'RS256', use: 'sig' };
  const accounts = new Map(Object.entries(opts.accounts));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let tamper: Tamper | null = null;
  let tamperUserinfo: Tamper | null = null;
  const userinfoTypes: string[] = [];
  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      post_logout_redirect_uris: [c.postLogoutRedirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
      ...(c.signedUserinfo ? { userinfo_signed_response_alg: 'RS256' } : {}),
    })),
    jwks: { keys: [jwk] },
    pkce: { required: () => true, methods: ['S256'] },
    claims: CLAIMS,
    acrValues: ['eidas1'],
    // Claims in the id_token too, as FranceConnect's id_token carries them with userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true }, jwtUserinfo: { enabled: true } },
    findAccount: async (_ctx: unknown, id: string) => {
      const claims = accounts.get(id);
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
  });
  provider.use(async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.path === '/token' && tamper && ctx.body?.id_token) {
      ctx.body = { ...ctx.body, id_token: resign(ctx.body.id_token, tamper, privateKey) };
      tamper = null;
    }
    if (ctx.path === '/me' && ctx.status === 200) {
      userinfoTypes.push(String(ctx.type));
      if (tamperUserinfo && typeof ctx.body === 'string') {
        ctx.body = resign(ctx.body, tamperUserinfo, privateKey);
        tamperUserinfo = null;
      }
    }
  });
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    tamperNext: (t) => {
      tamper = t;
    },
    tamperUserinfoNext: (t) => {
      tamperUserinfo = t;
    },
    userinfoTypes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookies, one jar per test browser (names only: paths are ignored). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

async function send(jar: CookieJar, url: string, form?: Record<string, string>): Promise<Response> {
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  jar.store(res);
  return res;
}

/**
 * Goes from the authorization URL through the provider's login (as `account`) and consent
 * pages, following its redirects with the jar, until it sends the browser elsewhere: returns
 * that URL (our callback, with code and state, or an error).
 */
export async function drive(authorizationUrl: string, account: string, jar = new CookieJar()): Promise<URL> {
  let url = authorizationUrl;
  const issuerOrigin = new URL(authorizationUrl).origin;
  for (let hops = 0; hops < 20; hops++) {
    const res = await send(jar, url);
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== issuerOrigin) return next;
      url = next.href;
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`provider page without a form at ${url} (${res.status})`);
    // Its hidden fields as they are (prompt, xsrf…), and the account on a login page.
    const fields = Object.fromEntries([...page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const submitted = await send(jar, new URL(action, url).href, fields.prompt === 'login' ? { ...fields, login: account, password: 'x' } : fields);
    const after = submitted.headers.get('location');
    if (!after) throw new Error(`provider did not redirect after the form ${action} (${submitted.status})`);
    url = new URL(after, url).href;
  }
  throw new Error('too many redirects at the provider');
}

/** Follows the provider's logout page (confirms it) until it sends the browser back: returns that URL. */
export async function driveLogout(endSessionUrl: string, jar: CookieJar): Promise<URL> {
  const res = await send(jar, endSessionUrl);
  const page = await res.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !xsrf) throw new Error(`no logout form at the provider (${res.status})`);
  const confirmed = await send(jar, new URL(action, endSessionUrl).href, { xsrf, logout: 'yes' });
  const location = confirmed.headers.get('location');
  if (!location) throw new Error(`provider did not redirect after logout (${confirmed.status})`);
  return new URL(location, endSessionUrl);
}
