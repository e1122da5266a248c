/**
 * The whole analysis from texts: a questionnaire (JSON text) and answers (CSV text) in,
 * the JSON, HTML or Markdown result out. What `relais diagnostic analyse` runs.
 * Pure: the caller reads and writes the files.
 */
import { AppError } from '../../platform/errors';
import { analyse, type Analysis } from './analysis';
import { parseQuestionnaire, type Condition } from './questionnaire';
import { renderReport, type ReportFormat } from './report';
import { readResponsesCsv, type CellError } from './responses-csv';
import { applyThemes, parseThemes } from './themes';

export type OutputFormat = 'json' | ReportFormat;

export interface SurveyInput {
  questionnaireJson: string;
  /** Report sections for a questionnaire without themes (see themes.ts). */
  themesJson?: string;
  responsesCsv: string;
  format?: OutputFormat;
  by?: string;
  filters?: Condition[];
  generatedAt?: Date;
}

export interface SurveyOutput {
  analysis: Analysis;
  output: string;
  warnings: string[];
}

/** "quartier=Nord", "stress>=7", "stress<=3", "permis!=Oui" → a condition. */
export function parseFilter(text: string): Condition {
  const m = /^\s*([A-Za-z0-9_-]+)\s*(>=|<=|!=|=)\s*(.*?)\s*$/.exec(text);
  if (!m) {
    throw new AppError('diagnostic/invalid-filter', {
      fields: [{ path: 'filter', message: `« ${text} » : écrivez question=valeur, question!=valeur, question>=nombre ou question<=nombre.` }],
    });
  }
  const [, question, op, raw] = m as unknown as [string, string, string, string];
  const asNumber = Number(raw.replace(',', '.'));
  if (op === '>=' || op === '<=') {
    if (raw === '' || !Number.isFinite(asNumber)) {
      throw new AppError('diagnostic/invalid-filter', { fields: [{ path: 'filter', message: `« ${raw} » n'est pas un nombre.` }] });
    }
    return op === '>=' ? { question, gte: asNumber } : { question, lte: asNumber };
  }
  const value: string | number = raw !== '' && /^-?\d+([.,]\d+)?$/.test(raw) ? asNumber : raw;
  return op === '=' ? { question, equals: value } : { question, not_equals: value };
}

export function describeFilters(filters: Condition[]): string {
  return filters
    .map((f) => {
      if (f.equals !== undefined) return `${f.question} = ${f.equals}`;
      if (f.not_equals !== undefined) return `${f.question} ≠ ${f.not_equals}`;
      if (f.in !== undefined) return `${f.question} parmi ${f.in.join(', ')}`;
      if (f.answered !== undefined) return `${f.question} ${f.answered ? 'renseignée' : 'sans réponse'}`;
      return [f.gte !== undefined ? `${f.question} ≥ ${f.gte}` : '', f.lte !== undefined ? `${f.question} ≤ ${f.lte}` : ''].filter(Boolean).join(' et ');
    })
    .join(' ; ');
}

/** One line per bad cell, as a person reads it in a spreadsheet. */
export function describeCellError(e: CellError): string {
  const where = e.column ? `ligne ${e.row}, colonne ${e.column_letter ?? '?'} (${e.column})` : `ligne ${e.row}`;
  return `${where} : ${e.message}`;
}

export function analyseSurvey(input: SurveyInput): SurveyOutput {
  let json: unknown;
  try {
    json = JSON.parse(input.questionnaireJson);
  } catch (e) {
    throw new AppError('diagnostic/invalid-questionnaire', {
      fields: [{ path: '', message: `Le fichier n'est pas du JSON valable : ${(e as Error).message}` }],
    });
  }
  let questionnaire = parseQuestionnaire(json);
  if (input.themesJson !== undefined) {
    let themes: unknown;
    try {
      themes = JSON.parse(input.themesJson);
    } catch (e) {
      throw new AppError('diagnostic/invalid-questionnaire', {
        fields: [{ path: 'themes', message: `Le fichier des thèmes n'est pas du JSON valable : ${(e as Error).message}` }],
      });
    }
    questionnaire = applyThemes(questionnaire, parseThemes(themes));
  }
  const { table, errors, warnings } = readResponsesCsv(questionnaire, input.responsesCsv);
  if (errors.length) {
    throw new AppError('diagnostic/invalid-responses', {
      fields: errors.map((e) => ({ path: e.column ? `${e.row}.${e.column}` : String(e.row), message: describeCellError(e) })),
      details: { errors },
    });
  }
  const filters = input.filters ?? [];
  const analysis = analyse(table, { by: input.by, filters });
  const format = input.format ?? 'json';
  const output =
    format === 'json'
      ? `${JSON.stringify(analysis, null, 2)}\n`
      : renderReport(questionnaire, analysis, format, { generatedAt: input.generatedAt, filtersLabel: filters.length ? describeFilters(filters) : undefined });
  return { analysis, output, warnings };
}
