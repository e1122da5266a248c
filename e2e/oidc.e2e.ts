/**
 * Journey (issue 19, "Done when"): against a real OpenID Connect provider on this machine, a
 * FranceConnect-style sign-in creates a parent whose household file shows a prefilled, locked
 * identity, and logs out at the provider; a ProConnect-style sign-in logs an existing agent in.
 */
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertUser } from '../src/platform/auth/auth.service';
import { startLocalProvider, type LocalClient, type LocalProvider } from '../src/platform/auth/oidc/testing-provider';
import { startJourney, type Journey } from './harness';

let j: Journey;
let provider: LocalProvider;

/** A free loopback port, known before the app starts: the provider's redirect URLs name it. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const client = (name: string) => ({
    clientId: `relais-${name}`,
    clientSecret: `secret-${name}-e2e-0123456789`,
    redirectUri: `${url}/api/auth/oidc/${name}/callback`,
    postLogoutRedirectUri: `${url}/connexion`,
  });
  // FranceConnect v2 answers userinfo as a signed JWT.
  const fc: LocalClient = { ...client('franceconnect'), signedUserinfo: true };
  const pc = client('proconnect');
  provider = await startLocalProvider({
    clients: [fc, pc],
    accounts: {
      'fc-sarah': {
        given_name: 'Sarah Amina',
        family_name: 'Benali',
        birthdate: '1988-11-23',
        gender: 'female',
        birthplace: '80021',
        birthcountry: '99100',
        email: 'sarah.benali@exemple.fr',
      },
      'fc-lina': {
        given_name: 'Lina',
        family_name: 'Moreau',
        birthdate: '1992-02-03',
        gender: 'female',
        birthplace: '80021',
        birthcountry: '99100',
        email: 'lina.moreau@exemple.fr',
      },
      'pc-agent': { email: 'agent.e2e@amiens.fr', given_name: 'Claire', usual_name: 'Petit', uid: 'cp', siret: '21800021000013' },
      'pc-new': { email: 'nadia.benali@amiens.fr', given_name: 'Nadia', usual_name: 'Benali', uid: 'nb', siret: '21800021000013' },
    },
  });
  const vars = (prefix: string, c: typeof fc) => ({
    [`${prefix}_ISSUER`]: provider.issuer,
    [`${prefix}_CLIENT_ID`]: c.clientId,
    [`${prefix}_CLIENT_SECRET`]: c.clientSecret,
    [`${prefix}_REDIRECT_URL`]: c.redirectUri,
  });
  j = await startJourney('oidc', {
    port,
    env: { PUBLIC_URL: url, ...vars('FRANCECONNECT', fc), ...vars('PROCONNECT', pc), PROCONNECT_ROLE_DOMAINS: 'amiens.fr=agent' },
  });
});
afterAll(async () => {
  await j?.close();
  await provider?.close();
});

/** The provider's own login and consent pages (devInteractions): not ours, so no axe step there. */
async function atProvider(account: string) {
  const { page } = j;
  await page.waitForURL((u) => u.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('x');
  await page.locator('button[type="submit"]').first().click();
  await page.waitForURL((u) => u.origin !== provider.issuer || u.pathname.startsWith('/interaction'));
  // Consent page (FranceConnect asks each time), then back to Relais.
  if (new URL(page.url()).origin === provider.issuer) await page.locator('button[type="submit"]').first().click();
  await page.waitForURL((u) => u.origin !== provider.issuer);
}

it('the sign-in page offers FranceConnect to families and ProConnect to agents', async () => {
  const { page, url } = j;
  await page.goto(`${url}/connexion`);
  await expect.poll(() => page.getByRole('link', { name: 'S’identifier avec FranceConnect' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: /Qu’est-ce que FranceConnect/ }).count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: 'S’identifier avec ProConnect' }).count()).toBe(1);
  await j.step('connexion');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('connexion-telephone');
  await page.setViewportSize({ width: 1100, height: 900 });
});

it('a FranceConnect sign-in creates a parent whose file shows the identity, prefilled and locked', async () => {
  const { page, url } = j;
  await page.goto(`${url}/connexion`);
  await page.getByRole('link', { name: 'S’identifier avec FranceConnect' }).click();
  await atProvider('fc-sarah');
  await page.waitForURL(`${url}/dossier`);
  await expect.poll(() => page.getByText('Sarah Amina Benali', { exact: false }).count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText(/Ces informations viennent de FranceConnect/).count()).toBeGreaterThan(0);
  await j.step('dossier-identite-certifiee');
  // The correction form shows the identity read-only, with the sentence.
  await page.goto(`${url}/dossier/remplir`);
  const first = page.getByLabel('Prénom', { exact: false }).first();
  await expect.poll(() => first.inputValue()).toBe('Sarah Amina');
  await expect.poll(() => first.getAttribute('readonly')).not.toBeNull();
  // The birth date is a DateField (jj/mm/aaaa segments): locked, its segments are read-only.
  const birthDate = page.getByRole('group', { name: 'Date de naissance', exact: false }).first();
  await expect.poll(() => birthDate.locator('[role="spinbutton"]').count()).toBeGreaterThan(0);
  await expect.poll(() => birthDate.locator('[role="spinbutton"]:not([data-readonly])').count()).toBe(0);
  await expect.poll(() => page.getByText(/Ces informations viennent de FranceConnect/).count()).toBe(1);
  await j.step('identite-en-lecture-seule');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('identite-en-lecture-seule-telephone');
  await page.setViewportSize({ width: 1100, height: 900 });
  const user = await j.env.rt.deps.db.query(`SELECT id, role FROM users WHERE email = 'sarah.benali@exemple.fr'`);
  expect(user.rows).toEqual([{ id: expect.any(String), role: 'parent' }]);
  await j.env.expectAudit('auth/oidc-signup', user.rows[0].id);
});

it('logging out ends the session at Relais and at the provider, which sends the browser back', async () => {
  const { page, url } = j;
  await page.goto(`${url}/compte`);
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await page.waitForURL((u) => u.origin === provider.issuer);
  await page.getByRole('button', { name: /sign me out/i }).click();
  await page.waitForURL((u) => u.origin === url && u.pathname === '/connexion');
  expect(new URL(page.url()).searchParams.get('state')).toBeTruthy();
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(me.user).toBeNull();
});

it('a ProConnect sign-in logs an existing agent in', async () => {
  const { page, url } = j;
  const agent = await insertUser(j.env.rt.deps.db, { identifier: 'agent.e2e@amiens.fr', role: 'agent', displayName: 'Claire Petit' });
  await j.context.clearCookies();
  await page.goto(`${url}/connexion`);
  await page.getByRole('link', { name: 'S’identifier avec ProConnect' }).click();
  await atProvider('pc-agent');
  await page.waitForURL((u) => u.origin === url && !u.pathname.startsWith('/api/'));
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(me.user).toMatchObject({ id: agent.id, role: 'agent' });
  await page.goto(`${url}/compte`);
  await expect.poll(() => page.getByText(/Votre compte est lié à ProConnect/).count()).toBe(1);
  await j.step('agent-connecte-proconnect');
});

it('a parent with a password links FranceConnect from « Mon compte »', async () => {
  const { page, url } = j;
  await j.context.clearCookies();
  await j.login('parent', { displayName: 'Lina M.' });
  await page.goto(`${url}/compte`);
  await expect.poll(() => page.getByRole('link', { name: 'Lier FranceConnect' }).count()).toBe(1);
  await j.step('compte-lier-franceconnect');
  await page.getByRole('link', { name: 'Lier FranceConnect' }).click();
  await atProvider('fc-lina');
  await page.waitForURL((u) => u.origin === url && u.pathname === '/compte');
  await expect.poll(() => page.getByText('FranceConnect est maintenant lié à votre compte.').count()).toBe(1);
  await expect.poll(() => page.getByRole('button', { name: 'Délier FranceConnect' }).count()).toBe(1);
  await j.step('compte-franceconnect-lie');
});

it('an unknown agent of an authorised domain waits; an admin accepts the request; the agent then signs in', async () => {
  const { page, url } = j;
  await j.context.clearCookies();
  await page.goto(`${url}/connexion`);
  await page.getByRole('link', { name: 'S’identifier avec ProConnect' }).click();
  await atProvider('pc-new');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Demande d'accès enregistrée");
  await j.step('demande-acces-enregistree');
  await j.context.clearCookies();
  await j.login('admin');
  await page.goto(`${url}/admin/acces`);
  await expect.poll(() => page.getByRole('heading', { name: 'Nadia Benali' }).count()).toBe(1);
  await j.step('admin-demandes-acces');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('admin-demandes-acces-telephone');
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.getByRole('button', { name: 'Accepter' }).click();
  await expect.poll(() => page.getByText(/Demande acceptée/).count()).toBe(1);
  await j.step('admin-demande-acceptee');
  await j.context.clearCookies();
  await page.goto(`${url}/connexion`);
  await page.getByRole('link', { name: 'S’identifier avec ProConnect' }).click();
  await atProvider('pc-new');
  await page.waitForURL((u) => u.origin === url && !u.pathname.startsWith('/api/'));
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(me.user).toMatchObject({ role: 'agent', displayName: 'Nadia Benali' });
});
