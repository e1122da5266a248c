import { describe, expect, it } from 'vitest';
import { analyse } from './analysis';
import { barChartSvg } from './bar-chart-svg';
import { parseQuestionnaire } from './questionnaire';
import { formatPercent, renderReport, truncateAnswer } from './report';
import { readResponsesCsv } from './responses-csv';

const qn = parseQuestionnaire({
  title: 'Enquête <test>',
  note: 'Passation en face à face.',
  questions: [
    { id: 'sexe', type: 'single', label: 'Vous êtes', options: ['Femme', 'Homme'], theme: 'Profil', profile: true },
    { id: 'defi', type: 'multi', label: 'Défis du logement', options: ['Coût', 'Taille'], theme: 'Logement' },
    { id: 'stress', type: 'scale', label: 'Stress', theme: 'Santé' },
    { id: 'enfants', type: 'number', label: 'Enfants', theme: 'Profil' },
    { id: 'avis', type: 'text', label: 'Une idée ?', theme: 'Idées' },
    { id: 'quartier', type: 'neighbourhood', label: 'Quartier', options: ['Nord', 'Sud'], theme: 'Profil' },
  ],
});
const csv = 'sexe,defi,stress,enfants,avis,quartier\nFemme,Coût|Taille,8,1,Plus de crèches <vite>,Nord\nHomme,Coût,5,2,,Sud\nFemme,,6,,,Nord\n';
const analysis = (by?: string) => analyse(readResponsesCsv(qn, csv).table, { by });

describe('HTML report', () => {
  // Non-breaking spaces (before « % », in « 3 réponses ») read as plain spaces here.
  const html = renderReport(qn, analysis('quartier'), 'html', { generatedAt: new Date('2026-03-10T10:00:00Z'), filtersLabel: 'stress ≥ 5' }).replace(
    /\u00a0/g,
    ' ',
  );

  it('is a French, self-contained page with title, method, profile and one section per theme', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Enquête &lt;test&gt;</h1>');
    expect(html).toContain('rapport du 10 mars 2026');
    const headings = [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Méthode', 'Profil des répondants', 'Profil', 'Logement', 'Santé', 'Idées']);
    expect(html).toContain('Passation en face à face.');
    expect(html).toContain('Filtre appliqué : stress ≥ 5.');
    expect(html).not.toMatch(/<script/);
  });

  it('puts an accessible SVG chart beside the data table of each question', () => {
    const article = html.slice(html.indexOf('<article id="q-sexe">'), html.indexOf('</article>', html.indexOf('<article id="q-sexe">')));
    expect(article).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby="chart-sexe-title chart-sexe-desc"/);
    expect(article).toContain('<desc id="chart-sexe-desc">Femme : 66,7 % ; Homme : 33,3 %</desc>');
    expect(article).toContain('<caption>Données : Vous êtes</caption>');
    expect(article).toContain('<th scope="row">Femme</th><td class="num">2</td><td class="num">66,7 %</td>');
  });

  it('gives a multiple choice over mentions and over respondents', () => {
    expect(html).toContain('<th scope="col" class="num">% des mentions</th><th scope="col" class="num">% des répondants</th>');
    expect(html).toContain('« Coût » est la réponse la plus citée : 66,7 % des mentions, cochée par 100,0 % des répondants (2 sur 2).');
  });

  it('gives the mean and median of a scale', () => {
    expect(html).toContain('Note moyenne : 6,33 sur 10 (médiane 6), sur 3 réponses.');
  });

  it('adds the cross-tabulation under each question', () => {
    expect(html).toContain('<caption>Stress — selon « Quartier »</caption>');
    expect(html).toContain('<th scope="row">Nord</th><td class="num">2</td><td class="num">7,00</td><td class="num">7</td>');
  });

  it('escapes free-text answers', () => {
    expect(html).toContain('<li>Plus de crèches &lt;vite&gt;</li>');
  });
});

describe('Markdown report', () => {
  const md = renderReport(qn, analysis(), 'md').replace(/\u00a0/g, ' ');

  it('has the same outline', () => {
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Méthode',
      '## Profil des répondants',
      '## Profil',
      '## Logement',
      '## Santé',
      '## Idées',
    ]);
  });

  it('prints tables with a text bar', () => {
    expect(md).toContain('| Femme | 2 | 66,7 % | ████████████████████ |');
    expect(md).toContain('| Homme | 1 | 33,3 % | ██████████ |');
  });

  it('escapes pipes in cells', () => {
    const q2 = parseQuestionnaire({ title: 'T', questions: [{ id: 'a', type: 'single', label: 'A', options: ['x | y'] }] });
    const out = renderReport(q2, analyse(readResponsesCsv(q2, 'a\nx | y\n').table), 'md');
    expect(out).toContain('| x \\| y | 1 |');
  });
});

describe('bar chart', () => {
  it('scales bars to the largest value and labels each', () => {
    const svg = barChartSvg(
      [
        { label: 'A', value: 50, display: '50 %' },
        { label: 'B', value: 25, display: '25 %' },
      ],
      { id: 'c', title: 'T', width: 470 },
    );
    expect(svg).toContain('width="400" height="16" fill="#1f4e79"');
    expect(svg).toContain('width="200" height="16" fill="#1f4e79"');
    expect(svg).toContain('<title id="c-title">T</title>');
  });

  it('draws no bar for zero, and survives all zeros', () => {
    const svg = barChartSvg([{ label: 'A', value: 0, display: '0 %' }], { id: 'z', title: 'T' });
    expect(svg).toContain('width="0" height="16"');
  });

  it('formats percentages the French way', () => {
    expect(formatPercent(70.9)).toBe('70,9\u00a0%');
    expect(formatPercent(36)).toBe('36,0\u00a0%');
  });
});

describe('truncateAnswer', () => {
  it('keeps a short answer as it is', () => {
    expect(truncateAnswer('Plus de places en crèche.', 10_000)).toBe('Plus de places en crèche.');
    expect(truncateAnswer('é'.repeat(2000))).toBe('é'.repeat(2000));
  });
  it('cuts a long one at the limit (in characters, not code units) and says how long it was', () => {
    const emoji = '👶'.repeat(3000);
    const cut = truncateAnswer(emoji, 2000);
    expect(cut.startsWith('👶'.repeat(2000) + '…')).toBe(true);
    expect(cut).not.toContain('👶'.repeat(2001));
    expect(cut).toContain(`réponse tronquée : ${(3000).toLocaleString('fr-FR')} caractères au total`);
  });
});
