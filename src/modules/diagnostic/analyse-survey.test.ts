import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { analyseSurvey, describeFilters, parseFilter } from './analyse-survey';

const repo = path.resolve(import.meta.dirname, '../../..');
// The Amiens reference answers, committed with the demo (demo/README.md).
const questionnairePath = path.join(import.meta.dirname, 'demo/amiens-questionnaire.json');
const responsesPath = path.join(import.meta.dirname, 'demo/amiens-responses.csv');

describe('parseFilter', () => {
  it.each([
    ['quartier=Nord', { question: 'quartier', equals: 'Nord' }],
    ['stress>=7', { question: 'stress', gte: 7 }],
    ['stress <= 3', { question: 'stress', lte: 3 }],
    ['permis!=Oui', { question: 'permis', not_equals: 'Oui' }],
    ['nb_enfants=2', { question: 'nb_enfants', equals: 2 }],
    ['quartier=Saint-Leu', { question: 'quartier', equals: 'Saint-Leu' }],
  ])('reads %s', (text, cond) => expect(parseFilter(text)).toEqual(cond));

  it.each(['quartier', 'stress>=beaucoup', '=Nord'])('refuses %s', (text) => expect(() => parseFilter(text)).toThrowError(AppError));

  it('describes filters in words', () => {
    expect(describeFilters([parseFilter('quartier=Nord'), parseFilter('stress>=7')])).toBe('quartier = Nord ; stress ≥ 7');
  });
});

describe('analyseSurvey', () => {
  const input = { questionnaireJson: fs.readFileSync(questionnairePath, 'utf8'), responsesCsv: fs.readFileSync(responsesPath, 'utf8') };

  it('gives the JSON shape of the issue', () => {
    const out = JSON.parse(analyseSurvey(input).output);
    expect(Object.keys(out)).toEqual(['n_respondents', 'questions']);
    expect(out.questions.stress).toMatchObject({ type: 'scale', answered: 86, mean: 6.24 });
    expect(out.questions.defi_logement.percent_of_respondents).toBeDefined();
  });

  it('cross-tabulates and filters', () => {
    const { analysis } = analyseSurvey({ ...input, by: 'quartier', filters: [parseFilter('sexe=Femme')] });
    expect(analysis.n_respondents).toBe(69);
    expect(Object.keys(analysis.by!)).toEqual(['Nord', 'Étouvie', 'Sud', 'Saint-Maurice', 'Saint-Leu', 'Centre-ville', 'Elbeuf']);
    const sum = Object.values(analysis.by!).reduce((a, g) => a + g.n_respondents, 0);
    expect(sum).toBe(69);
  });

  it('refuses bad JSON in French', () => {
    try {
      analyseSurvey({ ...input, questionnaireJson: '{' });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('diagnostic/invalid-questionnaire');
      expect((e as AppError).fields![0]!.message).toMatch(/^Le fichier n'est pas du JSON valable/);
    }
  });

  it('refuses answers with bad cells, listing each one', () => {
    const bad = input.responsesCsv.replace('R002,Femme', 'R002,Femmes').replace(',8,6,6,1,8,7,', ',8,6,6,1,18,7,');
    try {
      analyseSurvey({ ...input, responsesCsv: bad });
      expect.unreachable();
    } catch (e) {
      const err = e as AppError;
      expect(err.code).toBe('diagnostic/invalid-responses');
      expect(err.fields!.map((f) => f.message)).toEqual([
        "ligne 3, colonne B (sexe) : « Femmes » n'est pas une réponse possible. Réponses attendues : « Femme », « Homme ».",
        "ligne 3, colonne W (joie) : « 18 » n'est pas un nombre entier de 1 à 10.",
      ]);
    }
  });
});

describe('npx relais diagnostic analyse', () => {
  const relais = path.join(repo, 'bin/relais.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [relais, 'diagnostic', 'analyse', ...args], { cwd: repo, encoding: 'utf8' });

  it('prints the analysis of the Amiens answers, with the published means', () => {
    const stdout = execFileSync(process.execPath, [relais, 'diagnostic', 'analyse', '--questionnaire', questionnairePath, '--responses', responsesPath], {
      cwd: repo,
      encoding: 'utf8',
    });
    const out = JSON.parse(stdout);
    expect(out.n_respondents).toBe(86);
    const means = ['stress', 'fatigue', 'epuisement', 'deprime', 'joie', 'forme'].map((q) => out.questions[q].mean);
    expect(means).toEqual([6.24, 6.35, 5.74, 4.79, 5.97, 5.66]);
    expect(out.questions.pouvoir_achat.percent).toEqual({ Non: 70.9, Oui: 29.1 });
    expect(out.questions.defi_logement.percent['Coût élevé']).toBe(33.7);
  }, 60_000);

  it('writes an HTML report cross-tabulated by neighbourhood', () => {
    const file = path.join(os.tmpdir(), `diag-${process.pid}.html`);
    const r = run('--questionnaire', questionnairePath, '--responses', responsesPath, '--format', 'html', '--by', 'quartier', '--output', file);
    expect(r.status).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    fs.rmSync(file);
    expect(html).toContain('<h2 id="s-methode">Méthode</h2>');
    expect(html.match(/<svg /g)!.length).toBe(29);
    expect(html).toContain('selon « Votre quartier »');
  }, 60_000);

  it("lays the report out in the diagnostic's sections with --themes", () => {
    const themes = path.join(repo, 'src/modules/diagnostic/demo/amiens-themes.json');
    const r = run('--questionnaire', questionnairePath, '--responses', responsesPath, '--format', 'md', '--themes', themes);
    expect(r.status).toBe(0);
    const sections = r.stdout.split('\n').filter((l) => l.startsWith('## '));
    expect(sections).toEqual([
      '## Méthode',
      '## Profil des répondants',
      '## Budget et précarité',
      '## Logement et cadre de vie',
      '## Santé et bien-être',
      '## Mobilité',
    ]);
  }, 60_000);

  it('exits with 2 and a French message on an unknown --by question', () => {
    const r = run('--questionnaire', questionnairePath, '--responses', responsesPath, '--by', 'age');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Cette question n'existe pas dans le questionnaire.");
  }, 60_000);

  it('exits with 2 and lists bad cells by row and column', () => {
    const file = path.join(os.tmpdir(), `diag-${process.pid}.csv`);
    fs.writeFileSync(file, 'id,sexe,stress\nR1,Femme,7\nR2,F,11\n');
    const r = run('--questionnaire', questionnairePath, '--responses', file, '--format', 'md');
    fs.rmSync(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ligne 3, colonne B (sexe)');
    expect(r.stderr).toContain('ligne 3, colonne C (stress)');
  }, 60_000);
});
