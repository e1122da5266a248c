import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config';
import { certifiedIdentityOf, roleForEmail, safeReturn } from './oidc.service';
import { Refusal } from './refusals';

const FC = {
  FRANCECONNECT_ISSUER: 'https://fcp.integ01.dev-franceconnect.fr/api/v2',
  FRANCECONNECT_CLIENT_ID: 'id',
  FRANCECONNECT_CLIENT_SECRET: 'secret',
  FRANCECONNECT_REDIRECT_URL: 'https://relais.amiens.fr/api/auth/oidc/franceconnect/callback',
};

describe('OIDC configuration', () => {
  it('turns a provider on with its four variables, and none without', () => {
    expect(loadConfig({}).oidc).toEqual({});
    expect(loadConfig({ ...FC, PROCONNECT_ISSUER: '' }).oidc).toEqual({
      franceconnect: { issuer: FC.FRANCECONNECT_ISSUER, clientId: 'id', clientSecret: 'secret', redirectUrl: FC.FRANCECONNECT_REDIRECT_URL },
    });
  });
  it('refuses a partial set, naming what is missing', () => {
    expect(() => loadConfig({ PROCONNECT_ISSUER: 'https://proconnect.gouv.fr', PROCONNECT_CLIENT_ID: 'x' })).toThrow(
      /PROCONNECT_CLIENT_SECRET: requis[\s\S]*PROCONNECT_REDIRECT_URL: requis/,
    );
    expect(() => loadConfig({ ...FC, FRANCECONNECT_ISSUER: 'pas une adresse' })).toThrow(/FRANCECONNECT_ISSUER/);
  });
  it('reads PROCONNECT_ROLE_DOMAINS as domain=role pairs, and refuses anything else', () => {
    const c = loadConfig({ PROCONNECT_ROLE_DOMAINS: 'Amiens.fr=agent, asso-exemple.fr=partner' });
    expect([...c.PROCONNECT_ROLE_DOMAINS]).toEqual([
      ['amiens.fr', 'agent'],
      ['asso-exemple.fr', 'partner'],
    ]);
    expect(() => loadConfig({ PROCONNECT_ROLE_DOMAINS: 'amiens.fr=admin' })).toThrow(/amiens\.fr=admin/);
    expect(() => loadConfig({ PROCONNECT_ROLE_DOMAINS: 'amiens.fr' })).toThrow(/domaine=rôle/);
  });
});

describe('roleForEmail', () => {
  const domains = new Map([
    ['amiens.fr', 'agent' as const],
    ['asso-exemple.fr', 'partner' as const],
  ]);
  it('finds the domain or a parent domain, never a look-alike', () => {
    expect(roleForEmail(domains, 'claire@amiens.fr')).toBe('agent');
    expect(roleForEmail(domains, 'claire@ccas.amiens.fr')).toBe('agent');
    expect(roleForEmail(domains, 'x@asso-exemple.fr')).toBe('partner');
    expect(roleForEmail(domains, 'x@notamiens.fr')).toBeNull();
    expect(roleForEmail(domains, 'x@amiens.fr.evil.com')).toBeNull();
    expect(roleForEmail(domains, 'sans-arobase')).toBeNull();
  });
});

describe("FranceConnect's identity as the file reads it", () => {
  it('keeps names and a real birth date, nothing else (gender, birthplace, birth country: not asked for, not kept)', () => {
    expect(
      certifiedIdentityOf({
        given_name: ' Marie Louise ',
        family_name: 'Martin',
        birthdate: '1990-04-12',
        gender: 'female',
        birthplace: '80021',
        birthcountry: '99100',
      }),
    ).toEqual({ provider: 'franceconnect', givenName: 'Marie Louise', familyName: 'Martin', birthDate: '1990-04-12' });
  });
  it('drops a partial birth date, and refuses an identity without names', () => {
    expect(certifiedIdentityOf({ given_name: 'A', family_name: 'B', birthdate: '1990-00-00' })).toMatchObject({ birthDate: null });
    expect(() => certifiedIdentityOf({ given_name: 'A' })).toThrow(Refusal);
  });
});

describe('safeReturn', () => {
  it('keeps same-site paths only', () => {
    expect(safeReturn('/compte?lie=franceconnect')).toBe('/compte?lie=franceconnect');
    expect(safeReturn('//evil.example')).toBeNull();
    expect(safeReturn('/\\evil.example')).toBeNull();
    expect(safeReturn('https://evil.example')).toBeNull();
    expect(safeReturn(undefined)).toBeNull();
  });
});
