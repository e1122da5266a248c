import { describe, expect, it } from 'vitest';
import { findPrice, priceHits } from './free-help';

describe('free help: a price in an offer is found', () => {
  it.each([
    'Je garde vos enfants pour 10 €',
    'garde 10€ le soir',
    '10,50 euros la soirée',
    'participation 5 euro',
    '8 eur par enfant',
    'je prends 5e/h',
    '5 e/h',
    '5e de l’heure',
    "7 € de l'heure",
    '6 par heure',
    '12/h',
    '€10 la course',
    'EUR 15',
    '20 balles',
    'travail rémunéré',
    'service payant',
    'tarif à voir',
    'prix à négocier',
    'contre paiement',
    'Rémunération possible',
    'Je garde vos enfants pour dix euros',
    'Vingt-cinq euros la soirée',
    'soixante et onze € le mois',
    'Quinze EUR',
    'cinq euros de l’heure',
    'un euro symbolique',
    'contre quelques euros',
    'petit dédommagement bienvenu',
    'un pourboire suffira',
    'Je garde pour 10\u202f€',
  ])('refuses « %s »', (text) => {
    expect(findPrice(text)).not.toBeNull();
  });
});

describe('free help: ordinary text passes', () => {
  it.each([
    "Je peux accompagner vos enfants à l'école Jean Moulin à 8 h 15",
    'Nous habitons au 5e étage, interphone 12',
    'Deux enfants en CM2 et CE1',
    'Trajet école mercredi 13h30',
    'Gratuit, entre voisins',
    'garde de 2 enfants de 18h à 20h',
    'Lit parapluie en bon état, 3 ans',
    'Bus ligne 5, arrêt Étouvie',
    'Rendez-vous le 12/03',
    'Je suis en 1re année de BTS',
    'Deux enfants, trois fois par semaine',
    'Aucun frais, on se rend service',
    'Je prête deux balles de tennis et un ballon',
    'Cent mètres de l’école',
  ])('accepts « %s »', (text) => {
    expect(findPrice(text)).toBeNull();
  });
});

describe('priceHits', () => {
  it('names each field that carries a price, with an excerpt', () => {
    const hits = priceHits({ title: 'Garde le soir', description: 'Je garde vos petits, 10 € de l’heure, à Étouvie', place: null });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.field).toBe('description');
    expect(hits[0]!.excerpt).toContain('10 €');
  });
  it('returns nothing for free text', () => {
    expect(priceHits({ title: 'Courses du samedi', description: undefined })).toEqual([]);
  });
});
