import { describe, expect, it } from 'vitest';
import { defaultEngine } from './engine';
import { type TestHouseholdOptions, testHousehold } from './test-households';

const engine = defaultEngine();
const al = (o: TestHouseholdOptions) => engine.simulate({ ...testHousehold({ statut: 'locataire_vide', loyer: 500, zone: 2, ...o }) }).amounts.aide_logement;

describe('aides au logement', () => {
  it('nothing for owners or people housed for free', () => {
    expect(al({ statut: 'proprietaire', loyer: 0 })).toBe(0);
    expect(al({ statut: 'loge_gratuitement', loyer: 0 })).toBe(0);
  });
  it('grows with the rent up to the ceiling rent, then stays flat', () => {
    const low = al({ loyer: 250 });
    const ceilingish = al({ loyer: 500 });
    const above = al({ loyer: 700 });
    expect(low).toBeGreaterThan(0);
    expect(ceilingish).toBeGreaterThan(low);
    expect(above).toBe(ceilingish);
  });
  it('decreases for very high rents (dégressivité) and stops beyond', () => {
    const flat = al({ loyer: 700 });
    expect(al({ loyer: 1100 })).toBeLessThan(flat); // zone 2, 1 child: from 2,5 × the ceiling rent
    expect(al({ loyer: 1400 })).toBe(0); // beyond 3,1 ×
  });
  it('is higher in zone 1 than in zone 3 for the same rent', () => {
    expect(al({ zone: 1, loyer: 700 })).toBeGreaterThan(al({ zone: 3, loyer: 700 }));
  });
  it('a furnished home counts for two thirds of its rent', () => {
    expect(al({ statut: 'locataire_meuble', loyer: 300 })).toBe(al({ loyer: 200 }));
  });
  it('decreases with resources (rolling 12 months) and is not paid under 10 €', () => {
    expect(al({ salary: 1500 })).toBeLessThan(al({ salary: 1000 }));
    expect(al({ salary: 3000 })).toBe(0);
  });
  it('neutralises the income of unpaid unemployment (started more than 2 months ago)', () => {
    // chomeur without benefit: revenues counted as 0, like someone without income
    expect(al({ activite: 'chomeur', dateDebutChomage: '2023-01-01', salary: 0 })).toBe(al({ activite: 'inactif' }));
  });
  it('30 % abattement on earnings for an indemnified job-seeker', () => {
    const worker = al({ activite: 'actif', salary: 1200, unemployment: 300 });
    const jobSeeker = al({ activite: 'chomeur', dateDebutChomage: '2023-01-01', salary: 1200, unemployment: 300 });
    expect(jobSeeker).toBeGreaterThan(worker);
  });
  it('neutralises resources when RSA was paid the month before (APL)', () => {
    const r = engine.simulate(testHousehold({ statut: 'locataire_hlm', loyer: 500, zone: 2, salary: 300 }));
    expect(r.amounts.rsa).toBeGreaterThan(0);
    expect(r.explanations.aide_logement.steps.some((s) => s.label.includes('RSA perçu le mois précédent'))).toBe(true);
  });
  it('is already net of CRDS', () => {
    const r = engine.simulate(testHousehold({ statut: 'locataire_vide', loyer: 500, zone: 2 }));
    expect(r.net_crds.aide_logement).toBe(r.amounts.aide_logement);
  });
});
