import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileList, normalise, parsePattern, scan, type WordRule } from './vigilance';
import { rulesFromYaml } from './word-list';

const file = path.resolve(import.meta.dirname, '../../../rules/groupes/mots-vigilance.yaml');
const list = compileList(rulesFromYaml(parse(fs.readFileSync(file, 'utf8'))));
const cats = (text: string) => scan(list, text)?.categories ?? [];

describe('normalise', () => {
  it('strips accents, case and punctuation', () => {
    expect(normalise('  Élève, ÇA va ?! Non-Violence  ')).toBe('eleve ca va non violence');
    expect(normalise("l'œuvre")).toBe('l oeuvre');
  });
});

describe('parsePattern', () => {
  it('refuses empty patterns and short prefixes', () => {
    expect(parsePattern('  ')).toBeNull();
    expect(parsePattern('a*')).toBeNull();
    expect(parsePattern('su*i')).toBeNull();
    expect(parsePattern('suicid*')).toEqual([{ word: 'suicid', prefix: true }]);
  });
});

describe('scan (the rules file)', () => {
  it('finds suicide words whatever the accents and case', () => {
    expect(cats('je vais me suicider')).toEqual(['suicide']);
    expect(cats('JE VAIS ME SUICIDER')).toEqual(['suicide']);
    expect(cats('je me sens suicidaire')).toEqual(['suicide']);
    expect(cats("j'ai plus envie de vivre")).toEqual(['suicide']);
    expect(cats('Je veux mettre fin à mes jours.')).toEqual(['suicide']);
    expect(cats('Je veux en finir')).toEqual(['suicide']);
  });
  it('matches whole words only, never inside another', () => {
    expect(cats('mon fils joue du violon')).toEqual([]);
    expect(cats('une robe violette')).toEqual([]);
    expect(cats('les viols conjugaux existent')).toEqual(['violence']);
  });
  it('stems: violence, violent, violentée', () => {
    expect(cats('il est violent')).toEqual(['violence']);
    expect(cats("j'ai été violentée")).toEqual(['violence']);
    expect(cats('Violences conjugales')).toEqual(['violence']);
  });
  it('whitelists non-violence and prevention of suicide', () => {
    expect(cats('un atelier de communication non-violente')).toEqual([]);
    expect(cats('La NON VIOLENCE éducative')).toEqual([]);
    expect(cats('journée de prévention du suicide samedi')).toEqual([]);
  });
  it('a term outside the whitelisted phrase still counts', () => {
    expect(cats('non-violence ? il est violent avec moi')).toEqual(['violence']);
  });
  it('child in danger, several categories in order', () => {
    expect(cats('je crois que ma voisine maltraite son bébé')).toEqual(['enfance']);
    expect(cats('il me frappe et il frappe mes enfants, je veux mourir')).toEqual(['suicide', 'violence', 'enfance']);
  });
  it('ordinary messages pass', () => {
    expect(cats('Bonjour à tous, quelqu’un connaît une crèche à Étouvie ?')).toEqual([]);
    expect(cats('Mon ado ne range jamais sa chambre')).toEqual([]);
    expect(cats('')).toEqual([]);
  });
  it('reports the patterns that matched', () => {
    expect(scan(list, 'suicide')?.patterns).toEqual(['suicid*']);
  });
});

describe('compileList', () => {
  it('an edited list takes effect: a new term, a new whitelist phrase', () => {
    const rules: WordRule[] = [
      { kind: 'term', category: 'violence', pattern: 'cogne*' },
      { kind: 'whitelist', pattern: 'cogner a la porte' },
    ];
    const l = compileList(rules);
    expect(scan(l, 'il me cogne')?.categories).toEqual(['violence']);
    expect(scan(l, 'cogner à la porte')).toBeNull();
  });
  it('skips unusable patterns instead of matching everything', () => {
    const l = compileList([{ kind: 'term', category: 'suicide', pattern: '*' }]);
    expect(l.terms).toEqual([]);
    expect(scan(l, 'tout')).toBeNull();
  });
});
