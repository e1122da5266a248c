/**
 * Every French sentence a parent can receive as an error has its English and Arabic (issue 19).
 *
 * Schemas and use cases word their errors in French, and the error handler gives them in the reader's
 * language through field-messages/<locale>.json (`said.<sentence>`, field-messages.ts). This test reads
 * the sources (the TypeScript syntax tree, not a grep) for every sentence written where an error is:
 * a `message:` / `error:` property (a module's declared codes, a field error, a zod `{ message }`) and the
 * string arguments of calls (`.min(3, '…')`, `.refine(…, '…')`, `invalid('path', '…')`, `field('…')`).
 * A sentence of a file a parent's request can reach with no `said.` entry in English and Arabic fails the
 * test: a new error sentence arrives with its translation. Only the files listed in STAFF_ONLY (each
 * with why) and command-line, seed and demo files are left French: staff pages are French.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CATALOGUE_DIR = path.join(import.meta.dirname, 'field-messages');
const TRANSLATED = ['en', 'ar'];

/** Files no parent request reaches: their sentences are read by staff, partners or operators only (French). */
const STAFF_ONLY: Record<string, string> = {
  'src/modules/annuaire/data-inclusion.ts': "the directory's data·inclusion import (coordinator)",
  'src/modules/annuaire/di-files.ts': "the directory's import files (coordinator)",
  'src/modules/annuaire/extras.ts': "a structure's extra fields in the import (coordinator)",
  'src/modules/annuaire/indicators-csv.ts': 'the neighbourhood indicators import (coordinator)',
  'src/modules/annuaire/json-schema.ts': "the import's JSON Schema validation (coordinator)",
  'src/modules/annuaire/territory.ts': 'the territory settings (coordinator)',
  'src/modules/annuaire/week-hours.ts': "a partner's opening hours on its listing (partner)",
  'src/modules/attribution/campaign.service.ts': "a campaign's rules (agent, coordinator)",
  'src/modules/attribution/forecast.service.ts': 'the places forecast (coordinator)',
  'src/modules/cheques/bulk-credit.ts': 'crediting vouchers from a file (agent)',
  'src/modules/cheques/ledger.service.ts': 'crediting and correcting an account (agent)',
  'src/modules/cheques/settlement.service.ts': "partners' monthly statements (coordinator)",
  'src/modules/cheques/redemption.service.ts': 'a partner cashing a code (partner)',
  'src/modules/cheques/pass.service.ts': 'issuing and checking a pass (agent, partner)',
  'src/modules/diagnostic/analysis.ts': 'survey analysis (coordinator)',
  'src/modules/diagnostic/indicators.ts': 'survey indicators (coordinator)',
  'src/modules/diagnostic/listening.schemas.ts': 'listening sessions, verbatims, personas (agent, coordinator)',
  'src/modules/diagnostic/listening.service.ts': 'listening sessions (agent, coordinator)',
  'src/modules/diagnostic/personas.service.ts': 'personas (coordinator)',
  'src/modules/diagnostic/questionnaire.ts': 'the questionnaire editor (coordinator)',
  'src/modules/diagnostic/response-table.ts': 'importing responses (coordinator)',
  'src/modules/diagnostic/responses-csv.ts': 'importing responses (coordinator)',
  'src/modules/diagnostic/results.service.ts': 'results and imports (coordinator)',
  'src/modules/diagnostic/themes.ts': "the report's themes (coordinator)",
  'src/modules/dossiers/agent.routes.ts': "an agent opening a family's file",
  'src/modules/dossiers/agent.service.ts': "an agent opening a family's file",
  'src/modules/dossiers/desk.schemas.ts': 'the desk (agent)',
  'src/modules/dossiers/orientation.service.ts': 'orientations between structures (agent, partner)',
  'src/modules/dossiers/directory-reference.ts': 'the structures an orientation names (agent, partner)',
  'src/modules/droits/batch.ts': "the simulator's batch API (agent, CLI)",
  'src/modules/groupes/moderation.service.ts': 'moderating a talking group (facilitator, coordinator)',
  'src/modules/groupes/sessions.service.ts': "running a group's session (facilitator)",
  'src/modules/pilotage/dashboard.service.ts': 'the steering dashboard (coordinator)',
  'src/modules/pilotage/evaluation.service.ts': 'evaluating the plan (coordinator)',
  'src/modules/pilotage/pilotage.schemas.ts': 'the action plan (coordinator)',
  'src/modules/pilotage/pilotage.service.ts': 'the action plan (coordinator)',
  'src/modules/pilotage/territory-figures.ts': "the territory's figures import (coordinator)",
  'src/modules/pilotage/territory.schemas.ts': "the territory's figures (coordinator)",
  'src/modules/pilotage/territory.service.ts': "the territory's figures (coordinator)",
  'src/modules/rendezvous/catalogue.service.ts': 'the appointments offer: motifs, places, openings (agent, coordinator)',
  'src/modules/rendezvous/session-change.service.ts': 'moving a session to another place or agent (agent)',
  'src/modules/rendezvous/referral.service.ts': 'a partner proposing an appointment (partner)',
  'src/platform/auth/oidc/access-requests.ts': 'approving a ProConnect access (admin)',
  'src/platform/town.ts': "the town's configuration file (operator, at start)",
  'src/modules/aides/aid-files.ts': "the aids' definition files (coordinator)",
  'src/modules/aides/decisions.service.ts': "an agent's decision on a request",
  'src/modules/diagnostic/analyse-survey.ts': 'the survey analysis command (operator)',
  'src/modules/diagnostic/report.ts': "the diagnostic's report (coordinator)",
  'src/platform/csv.ts': "reading an imported CSV file (staff's imports)",
  'src/platform/db/embedded.ts': 'the database at start (operator)',
};

/**
 * Sentences with values that are not in `said.`, and why: the generic ones field-messages.ts reads by
 * their meaning, and those whose first value is a field's French name, which a translation cannot
 * carry (to be split into the field's path and a sentence alone, as aides' fields were).
 */
const NOT_SAID: Record<string, string> = {
  'Au moins {0} caractères.': 'read by its meaning (minChars)',
};

/** Command lines, seeds, demo data, fixtures: an operator's or a test's, never a parent's request. */
const NOT_HTTP = /\.cli\.ts$|\.seed\.ts$|\.fixture\.ts$|\/demo\/|\/seed\/|\/fixtures?\//;

/** Calls whose string arguments are not errors: SQL, OpenAPI summaries and descriptions, logs. */
const NOT_ERRORS = new Set(['query', 'describe', 'description', 'route', 'step', 'log', 'info', 'warn', 'debug', 'to', 'fileBody', 'binaryBody']);

/** A sentence a person reads: a capital (or «) first, a space inside, a full stop, question or exclamation mark (or ») last. */
const isSentence = (s: string) => /^[A-ZÀ-Ý«]/.test(s) && /\s/.test(s) && /[.?!»]$/.test(s);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !/\.test\.ts$|\.d\.ts$/.test(p) ? [p] : [];
  });
}

/** Every error sentence of a source text, with its line. */
export function errorSentences(fileName: string, text: string): { sentence: string; line: number }[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: { sentence: string; line: number }[] = [];
  const visit = (n: ts.Node) => {
    // A sentence written with values in it (`Il reste ${n} place(s).`) is looked up by its numbered form (`Il reste {0} place(s).`).
    const text = ts.isTemplateExpression(n)
      ? n.head.text + n.templateSpans.map((span, i) => `{${i}}${span.literal.text}`).join('')
      : ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)
        ? n.text
        : null;
    if (text !== null && isSentence(text.replace(/^\{0\}/, 'X'))) {
      const p = n.parent;
      const asProperty = ts.isPropertyAssignment(p) && p.initializer === n && ['message', 'error'].includes(p.name.getText(sf));
      const call = ts.isCallExpression(p) ? p : undefined;
      const callee = call?.expression;
      const calleeName = callee && (ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '');
      const asArgument = !!call && calleeName !== undefined && !NOT_ERRORS.has(calleeName) && call.arguments.includes(n as ts.Expression);
      if (asProperty || asArgument) out.push({ sentence: text, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1 });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

let scanned: Map<string, string[]> | undefined;
/** The error sentences of every file a parent's request can reach, by sentence (read once). */
export function parentSentences(): Map<string, string[]> {
  if (scanned) return scanned;
  const found = (scanned = new Map<string, string[]>());
  for (const file of [...sourceFiles(path.join(ROOT, 'src/modules')), ...sourceFiles(path.join(ROOT, 'src/platform'))]) {
    const rel = path.relative(ROOT, file);
    if (NOT_HTTP.test(rel) || STAFF_ONLY[rel]) continue;
    for (const { sentence, line } of errorSentences(rel, fs.readFileSync(file, 'utf8')))
      found.set(sentence, [...(found.get(sentence) ?? []), `${rel}:${line}`]);
  }
  return found;
}

const catalogue = (locale: string) => JSON.parse(fs.readFileSync(path.join(CATALOGUE_DIR, `${locale}.json`), 'utf8')) as Record<string, string>;

describe('error sentences a parent can receive', () => {
  it('are found where errors are written, and only there', () => {
    const src = [
      `export const e = defineErrors({ 'x/y': { status: 409, message: 'Ce créneau est complet.' } });`,
      `const s = z.object({ t: z.string().min(3, 'Le titre est trop court.'), u: z.string().refine((v) => v, { error: 'Choisissez un lieu.' }) });`,
      `throw invalid('pseudonym', 'Écrivez un pseudonyme.');`,
      'const full = new AppError(`x/y`, { fields: [{ path: `n`, message: `Il reste ${left} place(s) sur ${total}.` }] });',
      `await db.query('SELECT 1 FROM t WHERE a = $1.', [x]); const label = 'Un libellé de page.'; log.info('Le serveur démarre.');`,
    ].join('\n');
    expect(errorSentences('x.ts', src).map((s) => s.sentence)).toEqual([
      'Ce créneau est complet.',
      'Le titre est trop court.',
      'Choisissez un lieu.',
      'Écrivez un pseudonyme.',
      'Il reste {0} place(s) sur {1}.',
    ]);
  });

  it.each(TRANSLATED)('each has its translation in %s (field-messages/<locale>.json, `said.<sentence>`)', (locale) => {
    const fr = catalogue('fr');
    const other = catalogue(locale);
    // A generic message (zod-fr.ts: « Ce champ est obligatoire. ») is translated by its meaning, not by a `said.` entry.
    const generic = new Set(Object.entries(fr).flatMap(([key, text]) => (key.startsWith('said.') ? [] : [text])));
    const missing = [...parentSentences()]
      .filter(([sentence]) => !generic.has(sentence) && !NOT_SAID[sentence])
      .filter(([sentence]) => fr[`said.${sentence}`] === undefined || other[`said.${sentence}`] === undefined)
      .map(([sentence, where]) => `${where[0]}: ${sentence}`);
    expect(missing).toEqual([]);
  });

  it('the staff-only files exist (a renamed file is not silently exempt)', () => {
    for (const file of Object.keys(STAFF_ONLY)) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
  });
});
