/**
 * `relais aides eligibilite [FILE] [--jsonl]`: households in the droits input format
 * (plus `commune`, `quartier`, `quotient_familial`, `situation_emploi`,
 * `anciennete_residence_mois`, `aides_recues_cette_annee`) against every local aid open
 * that day, as stored in the database (the versions agents edit, not the YAML files that
 * seeded them), with the server's evaluator; one JSON line per household, the answer the
 * eligibility page shows.
 * Bad input: a French message on stderr, exit code 2 (with --jsonl the next lines go on).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { parisDate, systemClock } from '../../platform/clock';
import type { FieldError } from '../../platform/errors';
import type { Runtime } from '../../platform/runtime';
import { loadTown } from '../../platform/town';
import type { AidDefinition } from './aid';
import { openAids } from './catalogue.service';
import { evaluateAll } from './eligibility';
import { factsFromInput, parseAidsHousehold, type TownRef } from './household-facts';

export interface EligibilityLine {
  id?: string | number;
  date: string;
  results: ReturnType<typeof evaluateAll>;
}

function describe(where: string, fields: FieldError[]): string {
  return [`${where} : la description du foyer est incomplète ou incorrecte.`, ...fields.map((f) => `  - ${f.path || '(foyer)'} : ${f.message}`)].join('\n');
}

/** The aids open on a day (YYYY-MM-DD): the latest stored version of each. */
export type AidsOn = (date: string) => Promise<readonly AidDefinition[]>;

export function eligibilityOf(
  text: string,
  town: TownRef,
  date: string,
  aids: readonly AidDefinition[],
): { ok: true; line: EligibilityLine } | { ok: false; fields: FieldError[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, fields: [{ path: '', message: 'JSON illisible (vérifiez les guillemets, virgules et accolades).' }] };
  }
  const parsed = parseAidsHousehold(raw);
  if (!parsed.ok) return parsed;
  const facts = factsFromInput(parsed.input, raw, town);
  return { ok: true, line: { ...(parsed.input.id !== undefined ? { id: parsed.input.id } : {}), date, results: evaluateAll(aids, facts, date) } };
}

async function readAll(file: string | undefined): Promise<string> {
  if (file) return fs.readFileSync(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runEligibility(
  file: string | undefined,
  o: { jsonl?: boolean; date?: string },
  town: TownRef,
  aidsOn: AidsOn,
  out: (line: string) => void,
  err: (msg: string) => void,
): Promise<number> {
  if (file && !fs.existsSync(file)) {
    err(`Fichier introuvable : ${file}`);
    return 2;
  }
  const date = o.date ?? parisDate(systemClock.now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    err('La date doit être au format AAAA-MM-JJ.');
    return 2;
  }
  const aids = await aidsOn(date);
  if (!aids.length) {
    err('Aucune aide locale ouverte à cette date dans la base (lancez `npx relais seed` pour installer les aides de démonstration).');
    return 2;
  }
  if (!o.jsonl) {
    const r = eligibilityOf((await readAll(file)).trim(), town, date, aids);
    if (r.ok) out(JSON.stringify(r.line));
    else err(describe('Foyer', r.fields));
    return r.ok ? 0 : 2;
  }
  let failed = false;
  let lineNo = 0;
  const rl = readline.createInterface({ input: file ? fs.createReadStream(file, { encoding: 'utf8' }) : process.stdin, crlfDelay: Infinity });
  for await (const text of rl) {
    lineNo++;
    if (!text.trim()) continue;
    const r = eligibilityOf(text, town, date, aids);
    if (r.ok) out(JSON.stringify(r.line));
    else {
      failed = true;
      err(describe(`Ligne ${lineNo}`, r.fields));
      out(
        JSON.stringify({
          line: lineNo,
          error: { code: 'aides/invalid-household', message: 'La description du foyer est incomplète ou incorrecte.', fields: r.fields },
        }),
      );
    }
  }
  return failed ? 2 : 0;
}

export function registerAidesCli(program: Command, boot: () => Promise<Runtime>) {
  const g = program.command('aides').description('Aides locales : qui peut les obtenir');
  g.command('eligibilite')
    .description('Évalue un foyer (JSON) ou, avec --jsonl, un foyer par ligne, face à chaque aide locale ; écrit une ligne JSON par foyer')
    .argument('[fichier]', 'fichier d’entrée (sinon l’entrée standard)')
    .option('--jsonl', 'un foyer JSON par ligne')
    .option('--date <AAAA-MM-JJ>', 'le jour de l’évaluation (par défaut : aujourd’hui)')
    .action(async (file: string | undefined, o: { jsonl?: boolean; date?: string }) => {
      const town = loadTown(loadConfig().TOWN_CONFIG);
      const lines: string[] = [];
      // The database only once the input is known to be there (a missing file needs none).
      let rt: Runtime | null = null;
      try {
        const code = await runEligibility(
          file,
          o,
          town,
          async (date) => {
            rt ??= await boot();
            return (await openAids(rt.deps.db, date)).map((v) => v.definition);
          },
          (l) => lines.push(l),
          (m) => console.error(m),
        );
        if (lines.length) process.stdout.write(lines.join('\n') + '\n');
        if (code !== 0) process.exitCode = code;
      } finally {
        if (rt) await (rt as Runtime).close();
      }
    });
}
