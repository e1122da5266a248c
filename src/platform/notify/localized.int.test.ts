/**
 * Notifications in the family's language (issue 19): the recipient's users.locale picks the catalogue;
 * a language without texts falls back to French; users.locale accepts a language a town adds, the API
 * only the languages the notifications are written in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../auth/auth.service';
import { TEST_PASSWORD, createTestEnv, type TestEnv } from '../testing';
import { isSupportedLocale, renderNotification, supportedLocales } from './localized';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ env: { PUBLIC_URL: 'https://relais.amiens.fr' } });
});
afterAll(() => env?.close());

async function resetMessage(identifier: string) {
  const res = await env.client().post('/api/auth/password-reset', { identifier });
  expect(res.statusCode).toBe(202);
  const { rows } = await env.rt.deps.db.query(
    `SELECT subject, body, locale FROM notifications WHERE template = 'auth.password-reset' AND recipient = $1 ORDER BY created_at DESC LIMIT 1`,
    [identifier],
  );
  return rows[0] as { subject: string; body: string; locale: string };
}

describe('account e-mails in the recipient’s language', () => {
  it('writes the password reset in English, in Arabic, and in French for a language without texts', async () => {
    const en = await insertUser(env.rt.deps.db, { identifier: 'amy@example.fr', password: TEST_PASSWORD, role: 'parent', displayName: 'Amy' });
    const ar = await insertUser(env.rt.deps.db, { identifier: 'salma@example.fr', password: TEST_PASSWORD, role: 'parent', displayName: 'Salma' });
    const tr = await insertUser(env.rt.deps.db, { identifier: 'elif@example.fr', password: TEST_PASSWORD, role: 'parent', displayName: 'Elif' });
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [en.id]);
    await env.rt.deps.db.query(`UPDATE users SET locale = 'ar' WHERE id = $1`, [ar.id]);
    // The database takes a language a town adds before its texts exist.
    await env.rt.deps.db.query(`UPDATE users SET locale = 'tr' WHERE id = $1`, [tr.id]);

    const mEn = await resetMessage('amy@example.fr');
    expect(mEn).toMatchObject({ locale: 'en', subject: 'Amiens – Relais: reset your password' });
    expect(mEn.body).toMatch(/^Hello,\n\nTo choose a new password, open this link within the hour:\nhttps:\/\/relais\.amiens\.fr\//);

    const mAr = await resetMessage('salma@example.fr');
    expect(mAr.locale).toBe('ar');
    expect(mAr.subject).toBe('Amiens – Relais: إعادة تعيين كلمة المرور');
    expect(mAr.body).toContain('لاختيار كلمة مرور جديدة');

    const mTr = await resetMessage('elif@example.fr');
    expect(mTr).toMatchObject({ locale: 'fr', subject: 'Amiens – Relais : réinitialiser votre mot de passe' });
    await env.expectAudit('auth/password-reset-requested', en.id);
  });

  it('refuses a malformed language in the database', async () => {
    await expect(env.rt.deps.db.query(`UPDATE users SET locale = 'Français' WHERE role = 'parent'`)).rejects.toThrow(/users_locale_check/);
  });
});

describe('choosing a language on the account', () => {
  it('accepts every language the notifications are written in, refuses another with the field named', async () => {
    expect(supportedLocales()).toEqual(['ar', 'en', 'fr']);
    const parent = await env.as('parent');
    const ok = await parent.patch('/api/account', { locale: 'ar' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('ar');
    await env.expectAudit('auth/account-updated', parent.user.id);
    const bad = await parent.patch('/api/account', { locale: 'xx' });
    expect(bad.statusCode).toBe(400);
    // The parent reads Arabic (chosen above): its field errors come in Arabic, marked as such.
    expect(bad.json().error.fields).toEqual([{ path: 'locale', message: 'هذه اللغة غير متوفرة.', lang: 'ar' }]);
    const { rows } = await env.rt.deps.db.query(`SELECT locale FROM users WHERE id = $1`, [parent.user.id]);
    expect(rows[0].locale).toBe('ar');
  });

  it('only a signed-in user changes a language', async () => {
    const res = await env.client().patch('/api/account', { locale: 'en' });
    expect(res.statusCode).toBe(401);
  });
});

describe('module notifications', () => {
  it('renders dossiers’ renewal and droits’ estimate change from the modules’ own catalogues, plurals per language', () => {
    const vars = { year: '2027', expired: 2, link: 'https://x/dossier/renouvellement', ccas: 'CCAS' };
    expect(renderNotification('fr', 'dossiers.renewal-open', vars).body).toContain('2 justificatifs ne sont plus valables');
    expect(renderNotification('en', 'dossiers.renewal-open', vars).body).toContain('2 documents are no longer valid');
    expect(renderNotification('ar', 'dossiers.renewal-open', vars).body).toContain('وثيقتان لم تعودا صالحتين');
    expect(renderNotification('ar', 'dossiers.renewal-open', { ...vars, expired: 0 }).body).not.toContain('وثيق');
    expect(renderNotification('en', 'droits.estimate-changed', { date: '01/04/2026', lines: '- ASF : €200.18 → €203.57', link: 'l', ccas: 'c' }).subject).toBe(
      'Your estimated benefits have changed',
    );
    expect(isSupportedLocale('fr')).toBe(true);
    expect(() => renderNotification('fr', 'nobody.nothing', {})).toThrow(/no French text/);
  });
});
