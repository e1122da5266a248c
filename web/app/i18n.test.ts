import { describe, expect, it } from 'vitest';
import { catalogues, cataloguesReady, loadCatalogues, registerMessages, translate } from './i18n';
import { formatEuros, formatLongDate, formatNumber } from './format';

registerMessages(
  'test',
  catalogues({
    './i18n/fr.json': {
      kids: '{n, plural, one {# enfant} other {# enfants}}',
      town: 'Les services de {town}',
      ask: 'Élevez-vous seul·e vos enfants ?',
      hello: 'Bonjour {name}',
    },
    './i18n/en.json': { kids: '{n, plural, one {# child} other {# children}}', town: 'Services in {town}', hello: 'Hello {name}' },
    './i18n/ar.json': { kids: '{n, plural, zero {لا أطفال} one {طفل واحد} two {طفلان} few {# أطفال} many {# طفلًا} other {# طفل}}' },
    './i18n/fr-falc.json': { town: 'Les aides de {town}' },
  }),
);
// The older object form still registers ("falc" is the French easy-read variant).
registerMessages('legacy', { fr: { a: 'Texte' }, falc: { a: 'Texte simple' }, en: { a: 'Text' } });

describe('translate', () => {
  it('formats plurals per language', () => {
    expect(translate('fr', false, 'test.kids', { n: 1 })).toBe('1 enfant');
    expect(translate('fr', false, 'test.kids', { n: 1234 }).replace(/\s/g, ' ')).toBe('1 234 enfants');
    expect(translate('en', false, 'test.kids', { n: 2 })).toBe('2 children');
    expect(translate('ar', false, 'test.kids', { n: 2 })).toBe('طفلان');
    expect(translate('ar', false, 'test.kids', { n: 3 })).toBe('3 أطفال');
    expect(translate('ar', false, 'test.kids', { n: 11 })).toBe('11 طفلًا');
  });

  it('elides French "de {x}" and not in other languages', () => {
    expect(translate('fr', false, 'test.town', { town: 'Amiens' })).toBe("Les services d'Amiens");
    expect(translate('en', false, 'test.town', { town: 'Amiens' })).toBe('Services in Amiens');
  });

  it('uses the easy-read variant when asked, in French only where no other variant exists', () => {
    expect(translate('fr', true, 'test.town', { town: 'Dijon' })).toBe('Les aides de Dijon');
    expect(translate('en', true, 'test.town', { town: 'Dijon' })).toBe('Services in Dijon');
    expect(translate('fr', true, 'legacy.a')).toBe('Texte simple');
    expect(translate('en', false, 'legacy.a')).toBe('Text');
  });

  it('falls back to French, isolated left to right inside an Arabic page', () => {
    expect(translate('ar', false, 'test.ask')).toBe('\u2066Élevez-vous seul·e vos enfants ?\u2069');
    expect(translate('en', false, 'test.ask')).toBe('Élevez-vous seul·e vos enfants ?');
    expect(translate('en', false, 'test.unknown')).toBe('test.unknown');
  });
});

describe('formats per locale', () => {
  it('writes numbers, amounts and dates in the reader’s language, Arabic with Latin digits', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'ar')).toBe('1,234.5');
    expect(formatEuros(123456, 'en')).toBe('€1,234.56');
    expect(formatEuros(123456, 'ar')).toMatch(/^\u2066.*1,234\.56.*€\u2069$/);
    expect(formatLongDate('2026-12-04', 'en')).toBe('4 December 2026');
    expect(formatLongDate('2026-12-04', 'ar')).toBe('4 ديسمبر 2026');
  });
});

describe('catalogues loaded when their language is chosen', () => {
  it('keeps French in the first load and fetches another language only once chosen, for modules registered before and after', async () => {
    const fetched: string[] = [];
    const later = (name: string, entries: Record<string, string>) => ({
      [`./i18n/${name}.json`]: () => {
        fetched.push(name);
        return Promise.resolve(entries);
      },
    });
    registerMessages(
      'early',
      catalogues(
        { './i18n/fr.json': { hi: 'Bonjour' } },
        { ...later('en', { hi: 'Hello' }), ...later('ar', { hi: 'مرحبا' }), ...later('fr', { hi: 'ignored' }) },
      ),
    );
    expect(translate('en', false, 'early.hi')).toBe('Bonjour');
    expect(fetched).toEqual([]);

    await loadCatalogues('en', false);
    expect(fetched).toEqual(['en']);
    expect(translate('en', false, 'early.hi')).toBe('Hello');
    expect(translate('fr', false, 'early.hi')).toBe('Bonjour');

    // A page's module registered while English is chosen: its English comes at once; the router waits for it.
    registerMessages('late', catalogues({ './i18n/fr.json': { bye: 'Au revoir' } }, later('en', { bye: 'Goodbye' })));
    await cataloguesReady();
    expect(translate('en', false, 'late.bye')).toBe('Goodbye');
    expect(fetched).toEqual(['en', 'en']);

    // A catalogue that cannot arrive (offline): French stays, nothing throws.
    registerMessages('offline', catalogues({ './i18n/fr.json': { x: 'Hors ligne' } }, { './i18n/en.json': () => Promise.reject(new Error('offline')) }));
    await cataloguesReady();
    expect(translate('en', false, 'offline.x')).toBe('Hors ligne');

    await loadCatalogues('fr', false);
    expect(fetched).toEqual(['en', 'en']);
  });
});
