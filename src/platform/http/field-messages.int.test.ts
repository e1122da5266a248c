/** Field errors in the reader's language (issue 19): the same fields for every client, the words in the request's language. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing';
import { localizeMessage, requestLocale } from './field-messages';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

async function signup(headers: Record<string, string>) {
  const c = env.client();
  await c.get('/api/auth/me'); // the pre-session CSRF token
  return c.request('POST', '/api/auth/signup', { identifier: 'samia@example.fr', password: 'court', displayName: '' }, headers);
}

describe('a bad sign-up', () => {
  it('in English: each field named, its message in English', async () => {
    const res = await signup({ 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('http/validation');
    expect(error.fields).toEqual([
      { path: 'password', message: 'At least 10 characters.', lang: 'en' },
      { path: 'displayName', message: 'This field is required.', lang: 'en' },
    ]);
  });

  it('in Arabic, from the browser’s own preferences (q-values)', async () => {
    const res = await signup({ 'accept-language': 'de-DE, ar;q=0.8, en;q=0.5' });
    expect(res.json().error.fields).toEqual([
      { path: 'password', message: '10 أحرف على الأقل.', lang: 'ar' },
      { path: 'displayName', message: 'هذا الحقل إلزامي.', lang: 'ar' },
    ]);
  });

  it('in French by default, and for a language we do not ship: the body is as it always was', async () => {
    for (const headers of [{}, { 'accept-language': 'de' }] as Record<string, string>[]) {
      const res = await signup(headers);
      expect(res.json().error.fields).toEqual([
        { path: 'password', message: 'Au moins 10 caractères.' },
        { path: 'displayName', message: 'Ce champ est obligatoire.' },
      ]);
    }
  });

  it('a signed-in user’s own language wins over the header', async () => {
    const parent = await env.as('parent');
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [parent.user.id]);
    const res = await parent.request('POST', '/api/pilotage/ideas', { planId: 'x', axisId: 'y', title: 'a', body: '' }, { 'accept-language': 'fr' });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(res.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byPath).toMatchObject({
      planId: 'Choose a plan.',
      axisId: 'Choose the area of the plan your idea belongs to.',
      title: 'The title must be at least 3 characters long.',
      body: 'Describe your idea.',
    });
  });
});

describe('a refusal’s own sentence (a declared code’s message) in the reader’s language', () => {
  async function badLogin(headers: Record<string, string>) {
    const c = env.client();
    await c.get('/api/auth/me');
    return c.request('POST', '/api/auth/login', { identifier: 'personne@example.fr', password: 'pas le bon mot de passe' }, headers);
  }

  it('in English and Arabic, marked with its language', async () => {
    expect((await badLogin({ 'accept-language': 'en' })).json().error).toEqual({
      code: 'auth/invalid-credentials',
      message: 'Wrong login or password.',
      lang: 'en',
    });
    expect((await badLogin({ 'accept-language': 'ar' })).json().error).toEqual({
      code: 'auth/invalid-credentials',
      message: 'المعرّف أو كلمة المرور غير صحيحة.',
      lang: 'ar',
    });
  });

  it('in French without a language (no `lang`: the body as it always was)', async () => {
    expect((await badLogin({})).json().error).toEqual({ code: 'auth/invalid-credentials', message: 'Identifiant ou mot de passe incorrect.' });
  });

  it('a module’s refusal and its schema’s own sentences, to a parent in the parent’s own language', async () => {
    const parent = await env.as('parent');
    await env.rt.deps.db.query(`UPDATE users SET locale = 'ar' WHERE id = $1`, [parent.user.id]);
    const none = await parent.get('/api/entraide/conversations');
    expect(none.json().error).toEqual({ code: 'entraide/no-household', message: 'أنشئ ملف أسرتك أولًا للمشاركة في التعاون المتبادل.', lang: 'ar' });
    const empty = await parent.request('POST', '/api/entraide/posts', {});
    const byPath = Object.fromEntries(empty.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byPath).toMatchObject({ kind: 'اختر: أعرض أو أطلب.', category: 'اختر نوع التعاون.', title: 'أدخل عنوانًا.' });
  });
});

describe('the messages', () => {
  it('the request’s language: the user’s, else Accept-Language’s first supported, else French', () => {
    expect(requestLocale('ar', 'en')).toBe('ar');
    expect(requestLocale(null, 'en-GB,en;q=0.9')).toBe('en');
    expect(requestLocale(undefined, 'de;q=1, ar;q=0.2, fr;q=0.9')).toBe('fr');
    expect(requestLocale(undefined, 'xx, *')).toBe('fr');
    expect(requestLocale('tlh', undefined)).toBe('fr');
  });

  it('numbers in the generic messages are read back and written for the reader; an unknown sentence stays French, said so', () => {
    expect(localizeMessage('Au plus 1\u202f000 caractères.', 'en')).toEqual({ message: 'At most 1,000 characters.', lang: 'en' });
    expect(localizeMessage('Au moins 1 élément.', 'en')).toEqual({ message: 'At least 1 item.', lang: 'en' });
    expect(localizeMessage('Moins de 2,5.', 'en')).toEqual({ message: 'Less than 2.5.', lang: 'en' });
    expect(localizeMessage('Adresse e-mail invalide.', 'ar')).toEqual({ message: 'عنوان بريد إلكتروني غير صالح.', lang: 'ar' });
    expect(localizeMessage('Une phrase que personne n’a traduite.', 'en')).toEqual({ message: 'Une phrase que personne n’a traduite.', lang: 'fr' });
    expect(localizeMessage('Ce champ est obligatoire.', 'fr')).toEqual({ message: 'Ce champ est obligatoire.', lang: 'fr' });
  });

  it('a sentence written with values is read back by its numbered form, each value given to the translation', () => {
    expect(localizeMessage('Il reste 1 place(s).', 'en')).toEqual({ message: '1 place left.', lang: 'en' });
    expect(localizeMessage('Il reste 0 place(s).', 'en')).toEqual({ message: 'No place left.', lang: 'en' });
    expect(localizeMessage('Il reste 2 place(s).', 'ar')).toEqual({ message: 'تبقى مكانان.', lang: 'ar' });
    expect(localizeMessage("Montant ou paiement trouvé : « 10 € ». L'entraide est gratuite.", 'en')).toEqual({
      message: 'Amount or payment found: “10 €”. Mutual aid is free.',
      lang: 'en',
    });
    expect(localizeMessage('Indiquez un mois entre 2020-01 et 2026-12 (AAAA-MM).', 'en').message).toBe('Enter a month between 2020-01 and 2026-12 (YYYY-MM).');
    // Not the whole sentence: no match, left French.
    expect(localizeMessage('Il reste 2 place(s). Merci.', 'en')).toEqual({ message: 'Il reste 2 place(s). Merci.', lang: 'fr' });
  });
});
