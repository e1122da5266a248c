import { describe, expect, it } from 'vitest';
import { ApiError, isUntranslated } from './api';

describe('field messages the server left in French', () => {
  it('are known as untranslated, so a page in another language marks them lang="fr"', () => {
    new ApiError(422, 'http/validation', 'Vérifiez les champs.', [
      { path: 'email', message: 'Enter an e-mail address.', lang: 'en' },
      { path: 'rent', message: 'Le loyer doit être positif (test api).' },
      { path: 'city', message: 'Choisissez une commune (test api).', lang: 'fr' },
    ]);
    expect(isUntranslated('Enter an e-mail address.')).toBe(false);
    expect(isUntranslated('Le loyer doit être positif (test api).')).toBe(true);
    expect(isUntranslated('Choisissez une commune (test api).')).toBe(true);
    expect(isUntranslated('Never sent by the server.')).toBe(false);
  });
});
