/**
 * The two providers Relais signs people in with, and the relying party's side of the
 * protocol (openid-client): discovery, the authorization URL (code flow, PKCE S256, state,
 * nonce), the code exchange with the id_token's checks (signature from the issuer's JWKS,
 * issuer, audience, nonce, expiry), userinfo (a signed JWT from FranceConnect, its signature checked
 * against the issuer's keys), and the provider's logout URL.
 */
import * as oidc from 'openid-client';
import type { Config, OidcProviderConfig, OidcProviderName } from '../../../config';
import { AppError } from '../../errors';

export type ProviderName = OidcProviderName;
export const PROVIDER_NAMES: readonly ProviderName[] = ['franceconnect', 'proconnect'];

interface ProviderProfile {
  label: string;
  scope: string;
  /** Extra parameters of the authorization request. */
  extra: Record<string, string>;
  /**
   * Userinfo must come as a JWT signed with this algorithm (FranceConnect v2 signs it): a plain JSON
   * answer is refused, and the signature is checked against the issuer's keys like the id_token's.
   */
  userinfoSigned?: 'RS256';
}

/**
 * FranceConnect: the part of the identity pivot the file holds (given names, birth name, birth date) and
 * the e-mail, level eidas1 — not gender, birthplace nor birth country, which Relais has no use for (decision 0017).
 * ProConnect: the professional e-mail (verified by the provider), names, the organisation's SIRET.
 */
export const PROFILES: Record<ProviderName, ProviderProfile> = {
  franceconnect: {
    label: 'FranceConnect',
    scope: 'openid given_name family_name birthdate email preferred_username',
    extra: { acr_values: 'eidas1', prompt: 'login consent' },
    userinfoSigned: 'RS256',
  },
  proconnect: {
    label: 'ProConnect',
    scope: 'openid email given_name usual_name uid siret',
    extra: { acr_values: 'eidas1' },
  },
};

/**
 * Tokens are checked against the issuer's time, which is real time: the relying party's
 * check uses the system clock plus this skew (seconds). Tests move it to see an expired
 * id_token refused, as they replace the login slowdown's sleep (auth.service.ts).
 */
export const tokenTime = { skewSeconds: 0 };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const configurations = new Map<string, Promise<oidc.Configuration>>();

export function providerConfig(config: Config, name: string): OidcProviderConfig & { name: ProviderName } {
  const p = (PROVIDER_NAMES as readonly string[]).includes(name) ? config.oidc[name as ProviderName] : undefined;
  if (!p) throw new AppError('auth/oidc-disabled');
  return { ...p, name: name as ProviderName };
}

/** The provider's metadata (discovered once per process and issuer) and our client's. */
export function configuration(p: OidcProviderConfig & { name: ProviderName }): Promise<oidc.Configuration> {
  const skew = tokenTime.skewSeconds;
  const userinfoAlg = PROFILES[p.name].userinfoSigned;
  const key = `${p.issuer}|${p.clientId}|${skew}|${userinfoAlg ?? ''}`;
  let c = configurations.get(key);
  if (!c) {
    const issuer = new URL(p.issuer);
    // Plain HTTP only to a provider on this machine (the local one of the tests and journeys).
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    c = oidc.discovery(
      issuer,
      p.clientId,
      {
        client_secret: p.clientSecret,
        id_token_signed_response_alg: 'RS256',
        ...(userinfoAlg ? { userinfo_signed_response_alg: userinfoAlg } : {}),
        [oidc.clockSkew]: skew,
      },
      oidc.ClientSecretBasic(p.clientSecret),
      // Non-repudiation: the id_token's signature is checked against the issuer's keys, even though
      // it came straight from the token endpoint (openid-client skips it otherwise); so is a JWT userinfo's.
      { execute: insecure ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks], timeout: 10 },
    );
    c.catch(() => configurations.delete(key));
    configurations.set(key, c);
  }
  return c;
}

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationUrl(p: OidcProviderConfig & { name: ProviderName }): Promise<AuthorizationStart> {
  const conf = await configuration(p);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(conf, {
    redirect_uri: p.redirectUrl,
    response_type: 'code',
    scope: PROFILES[p.name].scope,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...PROFILES[p.name].extra,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface ProviderIdentity {
  subject: string;
  idToken: string;
  /** The id_token's claims merged with userinfo's (userinfo wins: it is what the provider knows now). */
  claims: Record<string, unknown>;
}

/**
 * Exchanges the code. Throws (openid-client's errors) on any mismatch: state, PKCE, the
 * id_token's signature, issuer, audience, nonce, expiry; or userinfo about someone else.
 */
export async function exchangeCode(
  p: OidcProviderConfig & { name: ProviderName },
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<ProviderIdentity> {
  const conf = await configuration(p);
  const tokens = await oidc.authorizationCodeGrant(conf, callbackUrl, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new Error('no id_token');
  const userinfo = await oidc.fetchUserInfo(conf, tokens.access_token, idClaims.sub);
  return { subject: idClaims.sub, idToken: tokens.id_token, claims: { ...idClaims, ...userinfo } };
}

/** The provider's logout, for the session's id_token. Null when the provider has no end_session. */
export async function endSessionUrl(p: OidcProviderConfig & { name: ProviderName }, idToken: string, postLogoutRedirect: string, state: string) {
  const conf = await configuration(p);
  if (!conf.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(conf, { id_token_hint: idToken, state, post_logout_redirect_uri: postLogoutRedirect }).href;
}
