/**
 * The diagnostic report of a survey, laid out like the Amiens diagnostic: title, method,
 * respondents' profile, one section per theme, and for each question a lead sentence,
 * a bar chart and the data table beside it (plus a cross-tabulation when asked).
 * Rendered as a self-contained HTML page (printable to PDF) or as Markdown. Pure: no I/O.
 */
import { NO_ANSWER_GROUP, type Analysis, type QuestionAnalysis } from './analysis';
import { barChartSvg, escapeXml, type ChartBar } from './bar-chart-svg';
import { findQuestion, hasOptions, neighbourhoodQuestion, QUESTION_TYPE_LABELS, themesOf, type Question, type Questionnaire } from './questionnaire';

export type ReportFormat = 'html' | 'md';

export interface ReportOptions {
  /** When the report was made (shown in the header). */
  generatedAt?: Date;
  /** Plain-words description of the filters applied, if any. */
  filtersLabel?: string;
  /** Bar colour (the town's primary colour). */
  color?: string;
  /** Free-text answers listed per question, at most. */
  maxTextAnswers?: number;
  /** Characters of one free-text answer shown, at most (the rest is cut, with a note). */
  maxAnswerChars?: number;
  /** Verbatims chosen for the report (listening sessions), by section heading; `other`: of no section. */
  quotes?: { bySection: Record<string, Quote[]>; other: Quote[] };
}

/** A verbatim as the report prints it: the words, and the speaker as they consented to be named. */
export interface Quote {
  text: string;
  attribution: string;
}

/**
 * A free-text answer can be very long (a pasted document, 1 MB of text): the report shows
 * its beginning and says so; the whole answer stays in the CSV export.
 */
export const MAX_ANSWER_CHARS = 2000;

export function truncateAnswer(answer: string, max = MAX_ANSWER_CHARS): string {
  const chars = [...answer.slice(0, 4 * max + 4)];
  if (chars.length <= max) return answer;
  const total = [...answer].length;
  return `${chars.slice(0, max).join('').trimEnd()}… [réponse tronquée : ${total.toLocaleString('fr-FR')} caractères au total, lisible en entier dans l'export CSV]`;
}

interface Table {
  caption: string;
  head: string[];
  rows: string[][];
}

interface QuestionBlock {
  question: Question;
  result: QuestionAnalysis;
  meta: string;
  lead: string;
  bars: ChartBar[] | null;
  table: Table | null;
  answers: string[] | null;
  cross: Table | null;
}

interface ReportModel {
  title: string;
  subtitle: string;
  method: string[];
  profile: QuestionBlock[];
  sections: Array<{ theme: string; blocks: QuestionBlock[]; quotes: Quote[] }>;
  otherQuotes: Quote[];
}

const NBSP = '\u00a0';
export const formatPercent = (p: number) => `${p.toFixed(1).replace('.', ',')}${NBSP}%`;
export const formatDecimal = (n: number, digits = 2) => n.toFixed(digits).replace('.', ',');
const formatNumber = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
const plural = (n: number, one: string, many: string) => `${n}${NBSP}${n > 1 ? many : one}`;

function frenchDate(d: Date): string {
  return d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
}

function profileQuestions(qn: Questionnaire): Question[] {
  const flagged = qn.questions.filter((q) => q.profile);
  if (flagged.length) return flagged;
  const themed = qn.questions.filter((q) => q.theme && /profil/i.test(q.theme));
  if (themed.length) return themed;
  const hood = neighbourhoodQuestion(qn);
  return hood ? [hood] : [];
}

function leadOf(q: Question, r: QuestionAnalysis): string {
  if (r.answered === 0) return 'Personne n’a répondu à cette question.';
  if (q.type === 'scale') {
    return `Note moyenne : ${formatDecimal(r.mean!)} sur ${q.max} (médiane ${formatNumber(r.median!)}), sur ${plural(r.answered, 'réponse', 'réponses')}.`;
  }
  if (q.type === 'number') {
    return `Moyenne : ${formatDecimal(r.mean!)}${q.unit ? ` ${q.unit}` : ''} (médiane ${formatNumber(r.median!)}), sur ${plural(r.answered, 'réponse', 'réponses')}.`;
  }
  if (q.type === 'text') return `${plural(r.answered, 'réponse libre', 'réponses libres')}.`;
  const [top, n] = Object.entries(r.counts).sort((a, b) => b[1] - a[1])[0]!;
  if (q.type === 'multi') {
    return `« ${top} » est la réponse la plus citée : ${formatPercent(r.percent[top]!)} des mentions, cochée par ${formatPercent(r.percent_of_respondents![top]!)} des répondants (${n} sur ${r.answered}).`;
  }
  return `« ${top} » est la réponse la plus fréquente : ${formatPercent(r.percent[top]!)} (${n} sur ${r.answered}).`;
}

function block(qn: Questionnaire, q: Question, r: QuestionAnalysis, analysis: Analysis, opts: ReportOptions): QuestionBlock {
  const meta = `${QUESTION_TYPE_LABELS[q.type]} · ${plural(r.answered, 'réponse', 'réponses')} sur ${analysis.n_respondents}`;
  let bars: ChartBar[] | null = null;
  let table: Table | null = null;
  const caption = `Données : ${q.label}`;
  if (hasOptions(q)) {
    const keys = q.options;
    bars = keys.map((k) => ({ label: k, value: r.percent[k] ?? 0, display: formatPercent(r.percent[k] ?? 0) }));
    table =
      q.type === 'multi'
        ? {
            caption,
            head: ['Réponse', 'Mentions', '% des mentions', '% des répondants'],
            rows: keys.map((k) => [k, String(r.counts[k] ?? 0), formatPercent(r.percent[k] ?? 0), formatPercent(r.percent_of_respondents?.[k] ?? 0)]),
          }
        : { caption, head: ['Réponse', 'Effectif', '%'], rows: keys.map((k) => [k, String(r.counts[k] ?? 0), formatPercent(r.percent[k] ?? 0)]) };
    table.rows.push(
      q.type === 'multi' ? ['Total', String(r.mentions ?? 0), '100,0 %', '—'] : ['Total', String(r.answered), r.answered ? `100,0${NBSP}%` : '—'],
    );
  } else if (q.type === 'scale') {
    const keys = Object.keys(r.distribution ?? {});
    bars = keys.map((k) => ({ label: `Note ${k}`, value: r.percent[k] ?? 0, display: formatPercent(r.percent[k] ?? 0) }));
    table = { caption, head: ['Note', 'Effectif', '%'], rows: keys.map((k) => [k, String(r.counts[k] ?? 0), formatPercent(r.percent[k] ?? 0)]) };
    if (r.answered) table.rows.push(['Moyenne', formatDecimal(r.mean!), ''], ['Médiane', formatNumber(r.median!), '']);
  } else if (q.type === 'number') {
    const keys = Object.keys(r.counts);
    if (keys.length && keys.length <= 20) {
      bars = keys.map((k) => ({ label: k.replace('.', ','), value: r.percent[k] ?? 0, display: formatPercent(r.percent[k] ?? 0) }));
    }
    table = {
      caption,
      head: ['Indicateur', 'Valeur'],
      rows: r.answered
        ? [
            ['Réponses', String(r.answered)],
            ['Moyenne', formatDecimal(r.mean!)],
            ['Médiane', formatNumber(r.median!)],
            ['Minimum', formatNumber(r.min!)],
            ['Maximum', formatNumber(r.max!)],
          ]
        : [['Réponses', '0']],
    };
  }
  const max = opts.maxTextAnswers ?? 30;
  return {
    question: q,
    result: r,
    meta,
    lead: leadOf(q, r),
    bars,
    table,
    answers: q.type === 'text' ? (r.answers ?? []).slice(0, max).map((a) => truncateAnswer(a, opts.maxAnswerChars)) : null,
    cross: crossTable(q, analysis, (analysis.by_question && findQuestion(qn, analysis.by_question)?.label) || ''),
  };
}

function crossTable(q: Question, analysis: Analysis, byLabel: string): Table | null {
  if (!analysis.by || !analysis.by_question || analysis.by_question === q.id) return null;
  const groups = Object.entries(analysis.by);
  const caption = `${q.label} — selon « ${byLabel} »`;
  const groupCell = (g: string) => (g === NO_ANSWER_GROUP ? 'Sans réponse' : g);
  if (hasOptions(q)) {
    return {
      caption,
      head: ['Groupe', 'Répondants', ...q.options.map((o) => `${o} (${q.type === 'multi' ? '% mentions' : '%'})`)],
      rows: groups.map(([g, a]) => {
        const r = a.questions[q.id]!;
        return [groupCell(g), String(r.answered), ...q.options.map((o) => (r.answered ? formatPercent(r.percent[o] ?? 0) : '—'))];
      }),
    };
  }
  if (q.type === 'scale' || q.type === 'number') {
    return {
      caption,
      head: ['Groupe', 'Réponses', 'Moyenne', 'Médiane'],
      rows: groups.map(([g, a]) => {
        const r = a.questions[q.id]!;
        return [groupCell(g), String(r.answered), r.mean == null ? '—' : formatDecimal(r.mean), r.median == null ? '—' : formatNumber(r.median)];
      }),
    };
  }
  return {
    caption,
    head: ['Groupe', 'Réponses libres'],
    rows: groups.map(([g, a]) => [groupCell(g), String(a.questions[q.id]!.answered)]),
  };
}

export function buildReportModel(qn: Questionnaire, analysis: Analysis, opts: ReportOptions = {}): ReportModel {
  const profile = profileQuestions(qn).filter((q) => analysis.questions[q.id]);
  const profileIds = new Set(profile.map((q) => q.id));
  const method = [
    `${plural(analysis.n_respondents, 'personne a', 'personnes ont')} répondu au questionnaire.`,
    ...(qn.description ? [qn.description] : []),
    ...(qn.note ? [qn.note] : []),
    'Pour une question à choix unique, les pourcentages portent sur les personnes qui ont répondu à la question. ' +
      'Pour une question à choix multiple, ils portent sur l’ensemble des mentions (une personne peut cocher plusieurs réponses), ' +
      'comme dans le diagnostic d’Amiens ; la part des répondants qui ont coché chaque réponse est donnée à côté. ' +
      'Pour une échelle, on donne la moyenne, la médiane et la répartition des notes.',
    'Pourcentages arrondis à une décimale, moyennes à deux décimales ; les totaux peuvent donc différer de 100 % de quelques dixièmes.',
  ];
  if (analysis.by_question) {
    const byQ = findQuestion(qn, analysis.by_question);
    method.push(`Les résultats sont aussi croisés selon la question « ${byQ?.label ?? analysis.by_question} ».`);
  }
  if (opts.filtersLabel) method.push(`Filtre appliqué : ${opts.filtersLabel}.`);
  const quotes = opts.quotes ?? { bySection: {}, other: [] };
  if (quotes.other.length || Object.values(quotes.bySection).some((l) => l.length)) {
    method.push(
      'Les citations viennent des séances d’écoute (focus groups et entretiens individuels). Chaque personne citée l’a accepté, ' +
        'sous la forme qu’elle a choisie (prénom, pseudonyme ou anonymat) ; une personne qui retire son accord n’est plus citée.',
    );
  }
  const sections = themesOf(qn, 'Résultats par question')
    .map(({ theme, questions }) => ({
      theme,
      blocks: questions.filter((q) => !profileIds.has(q.id) && analysis.questions[q.id]).map((q) => block(qn, q, analysis.questions[q.id]!, analysis, opts)),
      quotes: quotes.bySection[theme] ?? [],
    }))
    .filter((s) => s.blocks.length > 0);
  const date = opts.generatedAt ? ` · rapport du ${frenchDate(opts.generatedAt)}` : '';
  return {
    title: qn.title,
    subtitle: `Diagnostic · résultats du questionnaire · ${plural(analysis.n_respondents, 'répondant', 'répondants')}${date}`,
    method,
    profile: profile.map((q) => block(qn, q, analysis.questions[q.id]!, analysis, opts)),
    sections,
    otherQuotes: quotes.other,
  };
}

export function renderReport(qn: Questionnaire, analysis: Analysis, format: ReportFormat, opts: ReportOptions = {}): string {
  const model = buildReportModel(qn, analysis, opts);
  return format === 'html' ? renderHtml(model, opts) : renderMarkdown(model);
}

// ---------------------------------------------------------------- HTML

const CSS = `
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;margin:0;background:#fff;line-height:1.45}
main{max-width:1000px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.8rem;margin:0 0 4px}
.subtitle{color:#4a4a4a;margin:0 0 24px}
h2{font-size:1.35rem;border-bottom:3px solid var(--accent);padding-bottom:4px;margin-top:40px;text-transform:uppercase;letter-spacing:.02em}
h3{font-size:1.05rem;margin:0 0 4px}
article{break-inside:avoid;page-break-inside:avoid;margin:24px 0;padding:16px;border:1px solid #d0d5dd;border-radius:8px}
.meta{color:#4a4a4a;font-size:.9rem;margin:0 0 8px}
.lead{margin:0 0 12px}
.figure{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.figure svg{max-width:100%;height:auto;flex:1 1 320px}
table{border-collapse:collapse;font-size:.9rem;flex:1 1 260px}
caption{text-align:left;font-weight:600;margin-bottom:4px}
th,td{border:1px solid #d0d5dd;padding:4px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
thead th{background:#f2f4f7}
.cross{margin-top:12px;overflow-x:auto}
ul.answers{margin:0;padding-left:20px;overflow-wrap:anywhere}
.quotes{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:16px;margin:16px 0}
figure.quote{margin:0;padding:12px 16px;border-left:4px solid var(--accent);background:#f7f8fa;break-inside:avoid;page-break-inside:avoid}
figure.quote blockquote{margin:0;font-style:italic;font-size:1.05rem}
figure.quote figcaption{margin-top:6px;color:#4a4a4a;font-size:.9rem}
@media print{main{padding:0}article{border:none;padding:0}}
`;

function htmlTable(t: Table): string {
  const numeric = (s: string) => /^[\d\s,.\u00a0%—-]+$/.test(s);
  const head = t.head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeXml(h)}</th>`).join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeXml(c)}</th>` : `<td${numeric(c) ? ' class="num"' : ''}>${escapeXml(c)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table><caption>${escapeXml(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function htmlBlock(b: QuestionBlock, color: string): string {
  const parts = [
    `<article id="q-${escapeXml(b.question.id)}">`,
    `<h3>${escapeXml(b.question.label)}</h3>`,
    `<p class="meta">${escapeXml(b.meta)}</p>`,
    `<p class="lead">${escapeXml(b.lead)}</p>`,
  ];
  if (b.bars || b.table) {
    parts.push('<div class="figure">');
    if (b.bars && b.result.answered) parts.push(barChartSvg(b.bars, { id: `chart-${b.question.id}`, title: b.question.label, color }));
    if (b.table) parts.push(htmlTable(b.table));
    parts.push('</div>');
  }
  if (b.answers?.length) {
    parts.push(`<ul class="answers">${b.answers.map((a) => `<li>${escapeXml(a)}</li>`).join('')}</ul>`);
    if (b.result.answered > b.answers.length) parts.push(`<p class="meta">… et ${b.result.answered - b.answers.length} autres réponses.</p>`);
  }
  if (b.cross) parts.push(`<div class="cross">${htmlTable(b.cross)}</div>`);
  parts.push('</article>');
  return parts.join('\n');
}

function htmlQuotes(quotes: Quote[]): string {
  if (!quotes.length) return '';
  const items = quotes.map(
    (q) =>
      `<figure class="quote"><blockquote><p>«\u00a0${escapeXml(q.text)}\u00a0»</p></blockquote><figcaption>— ${escapeXml(q.attribution)}</figcaption></figure>`,
  );
  return `<div class="quotes" role="group" aria-label="Ce que disent les parents">${items.join('\n')}</div>`;
}

function renderHtml(m: ReportModel, opts: ReportOptions): string {
  const color = opts.color ?? '#1f4e79';
  const body = [
    `<h1>${escapeXml(m.title)}</h1>`,
    `<p class="subtitle">${escapeXml(m.subtitle)}</p>`,
    '<section aria-labelledby="s-methode"><h2 id="s-methode">Méthode</h2>',
    ...m.method.map((p) => `<p>${escapeXml(p)}</p>`),
    '</section>',
  ];
  if (m.profile.length) {
    body.push('<section aria-labelledby="s-profil"><h2 id="s-profil">Profil des répondants</h2>', ...m.profile.map((b) => htmlBlock(b, color)), '</section>');
  }
  m.sections.forEach((s, i) => {
    body.push(
      `<section aria-labelledby="s-${i}"><h2 id="s-${i}">${escapeXml(s.theme)}</h2>`,
      htmlQuotes(s.quotes),
      ...s.blocks.map((b) => htmlBlock(b, color)),
      '</section>',
    );
  });
  if (m.otherQuotes.length) {
    body.push('<section aria-labelledby="s-paroles"><h2 id="s-paroles">Paroles de parents</h2>', htmlQuotes(m.otherQuotes), '</section>');
  }
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(`Diagnostic — ${m.title}`)}</title>`,
    `<style>${CSS.replace('var(--accent)', escapeXml(color))}</style></head>`,
    `<body><main>${body.join('\n')}</main></body></html>`,
  ].join('\n');
}

// ---------------------------------------------------------------- Markdown

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function mdTable(t: Table, bars?: ChartBar[] | null): string {
  const withBars = !!bars && bars.length === t.rows.filter((r) => r[0] !== 'Total' && r[0] !== 'Moyenne' && r[0] !== 'Médiane').length;
  const max = withBars ? Math.max(1, ...bars!.map((b) => b.value)) : 1;
  const head = withBars ? [...t.head, 'Graphique'] : t.head;
  const lines = [`*${mdCell(t.caption)}*`, '', `| ${head.map(mdCell).join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  t.rows.forEach((r, i) => {
    const cells = [...r];
    if (withBars) cells.push(bars![i] ? '█'.repeat(Math.round((bars![i]!.value / max) * 20)) || '▏' : '');
    lines.push(`| ${cells.map(mdCell).join(' | ')} |`);
  });
  return lines.join('\n');
}

function mdBlock(b: QuestionBlock): string {
  const out = [`### ${b.question.label}`, '', `_${b.meta}_`, '', b.lead, ''];
  if (b.table) out.push(mdTable(b.table, b.result.answered ? b.bars : null), '');
  if (b.answers?.length) {
    out.push(...b.answers.map((a) => `- ${a.replace(/\n/g, ' ')}`), '');
    if (b.result.answered > b.answers.length) out.push(`… et ${b.result.answered - b.answers.length} autres réponses.`, '');
  }
  if (b.cross) out.push(mdTable(b.cross), '');
  return out.join('\n');
}

function renderMarkdown(m: ReportModel): string {
  const out = [`# ${m.title}`, '', m.subtitle, '', '## Méthode', '', ...m.method.flatMap((p) => [p, ''])];
  if (m.profile.length) out.push('## Profil des répondants', '', ...m.profile.map(mdBlock));
  const mdQuotes = (quotes: Quote[]) => quotes.flatMap((q) => [`> «\u00a0${q.text.replace(/\n/g, ' ')}\u00a0»`, '>', `> — ${q.attribution}`, '']);
  for (const s of m.sections) out.push(`## ${s.theme}`, '', ...mdQuotes(s.quotes), ...s.blocks.map(mdBlock));
  if (m.otherQuotes.length) out.push('## Paroles de parents', '', ...mdQuotes(m.otherQuotes));
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
