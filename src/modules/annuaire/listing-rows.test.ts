import { describe, expect, it } from 'vitest';
import { categoryOf } from './categories';
import { compactExtras, DEFAULT_SERVICE_EXTRAS, DEFAULT_STRUCTURE_EXTRAS, isDefaultExtras } from './extras';
import { serviceRow, structureRow, type StructureBasics } from './listing-rows';
import { demoDirectory, DEMO_STRUCTURES } from './demo-data';
import { validateRecords, type SourceRecord } from './data-inclusion';
import { isStale, staleBefore } from './staleness';

const shapes = [
  { id: 'nord', name: 'Nord', center: [49.9165, 2.2935] as [number, number] },
  { id: 'etouvie', name: 'Étouvie', center: [49.9115, 2.2535] as [number, number] },
];
const now = new Date('2026-11-25T10:00:00+01:00');
const structure: StructureBasics = {
  id: '11111111-1111-4111-8111-111111111111',
  nom: 'Centre social',
  adresse: '1 rue A',
  code_postal: '80080',
  commune: 'Amiens',
  telephone: '0322000000',
  latitude: 49.9115,
  longitude: 2.2535,
  horaires_accueil: 'Mo-Fr 09:00-12:00',
  quartier: 'etouvie',
};

describe('structureRow', () => {
  it('finds the neighbourhood from the coordinates unless one is given', () => {
    const rec = { source: 's', id: 's--1', nom: 'Nom', date_maj: '2026-01-01', latitude: 49.9166, longitude: 2.2936 };
    expect(structureRow(rec, DEFAULT_STRUCTURE_EXTRAS, shapes).quartier).toBe('nord');
    expect(structureRow(rec, { ...DEFAULT_STRUCTURE_EXTRAS, quartier: 'etouvie' }, shapes).quartier).toBe('etouvie');
    expect(structureRow({ ...rec, latitude: null, longitude: null }, DEFAULT_STRUCTURE_EXTRAS, shapes).quartier).toBeNull();
  });
});

describe('serviceRow', () => {
  const base = { source: 's', id: 's--v', structure_id: 's--1', nom: 'Service', description: 'Une description.', date_maj: '2026-01-01' };
  it('inherits place, phone and hours from its structure', () => {
    const row = serviceRow(base, DEFAULT_SERVICE_EXTRAS, structure, shapes, now);
    expect(row).toMatchObject({ adresse: '1 rue A', telephone: '0322000000', latitude: 49.9115, quartier: 'etouvie', horaires_accueil: 'Mo-Fr 09:00-12:00' });
    expect(row.week_open).toBe('{[540,720),[1980,2160),[3420,3600),[4860,5040),[6300,6480)}');
  });
  it('keeps its own place and hours when it has them', () => {
    const row = serviceRow(
      { ...base, latitude: 49.9166, longitude: 2.2936, horaires_accueil: 'Sa 09:00-12:00' },
      DEFAULT_SERVICE_EXTRAS,
      structure,
      shapes,
      now,
    );
    expect(row.quartier).toBe('nord');
    expect(row.week_open).toBe('{[7740,7920)}');
  });
  it('derives its category from the thématiques, an explicit one wins', () => {
    expect(serviceRow({ ...base, thematiques: ['famille--garde-denfants'] }, DEFAULT_SERVICE_EXTRAS, structure, shapes, now).categorie).toBe('garde');
    expect(categoryOf(['famille--garde-denfants'], 'repit')).toBe('repit');
    expect(categoryOf(['numerique--acquerir-un-equipement'])).toBeNull();
  });
  it('searches the structure name, theme labels, profession and area', () => {
    const row = serviceRow({ ...base, thematiques: ['sante--acces-aux-soins'] }, { ...DEFAULT_SERVICE_EXTRAS, profession: 'dentiste' }, structure, shapes, now);
    expect(row.search_extra).toContain('Centre social');
    expect(row.search_extra).toContain('Santé');
    expect(row.search_extra).toContain('Chirurgien-dentiste');
    expect(row.search_extra).toMatch(/geo\d+x\d+/);
  });
});

describe('extras', () => {
  it('exports only what differs from the defaults', () => {
    expect(isDefaultExtras('structure', DEFAULT_STRUCTURE_EXTRAS)).toBe(true);
    expect(compactExtras('structure', { ...DEFAULT_STRUCTURE_EXTRAS, pass_famille_solo: true })).toEqual({ pass_famille_solo: true });
  });
});

describe('stale listings', () => {
  it('are older than six months (Paris dates)', () => {
    expect(staleBefore(now)).toBe('2026-05-25');
    expect(isStale('2026-05-24', now)).toBe(true);
    expect(isStale('2026-05-25', now)).toBe(false);
    expect(isStale(null, now)).toBe(true);
  });
});

describe('demo directory', () => {
  const demo = demoDirectory(now);
  it('is valid data·inclusion, every record marked demo', () => {
    const records: SourceRecord[] = [
      ...demo.structures.map((input, i) => ({ line: i + 1, kind: 'structure' as const, input })),
      ...demo.services.map((input, i) => ({ line: 1000 + i, kind: 'service' as const, input })),
    ];
    const r = validateRecords(records);
    expect(r.errors).toEqual([]);
    expect(r.valid.every((v) => v.extras.demo)).toBe(true);
    expect(demo.structures.every((s) => String(s.nom).endsWith('(démo)'))).toBe(true);
  });
  it('covers every category of the seeds, with a dentist open on Saturday morning in Étouvie', () => {
    const cats = new Set(demo.services.map((s) => categoryOf(s.thematiques as string[], (s.relais as { categorie: string | null }).categorie)));
    expect([...cats].sort()).toEqual(['alimentation', 'droits', 'emploi', 'garde', 'hebergement', 'loisirs', 'repit', 'sante']);
    const dentist = DEMO_STRUCTURES.find((s) => s.hood === 'etouvie' && s.services.some((v) => v.profession === 'dentiste'));
    expect(dentist?.hours).toMatch(/Sa 08:30-12:00/);
  });
});

describe('isSeasonal', () => {
  it('spots rules that depend on the date', async () => {
    const { isSeasonal } = await import('./refresh-hours');
    expect(isSeasonal('Jul-Aug off; Mo-Fr 09:00-17:00')).toBe(true);
    expect(isSeasonal('week 1-26 Mo 10:00-12:00')).toBe(true);
    expect(isSeasonal('2026 Dec 24 off')).toBe(true);
    expect(isSeasonal('Mo-Fr 08:30-12:00; PH off')).toBe(false);
    expect(isSeasonal('24/7')).toBe(false);
  });
});
