/**
 * `relais droits simulate [FILE]`: one household (JSON) or, with --jsonl, one per line,
 * from FILE or standard input; one JSON line out per household, in input order.
 * Bad input: a French message on stderr and exit code 2; with --keep-going an error line
 * is written for the bad household and the next lines are still simulated.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { FieldError } from '../../platform/errors';
import type { Runtime } from '../../platform/runtime';
import { defaultEngine } from './engine';

interface SimulateOptions {
  jsonl?: boolean;
  keepGoing?: boolean;
  explanations: boolean;
}

function exitWith(code: number): void {
  process.exitCode = code;
  process.once('exit', () => {
    process.exitCode = code;
  });
}

function describe(where: string, fields: FieldError[]): string {
  return [`${where} : la description du foyer est incomplète ou incorrecte.`, ...fields.map((f) => `  - ${f.path || '(foyer)'} : ${f.message}`)].join('\n');
}

type LineOutcome = { ok: true; json: string } | { ok: false; fields: FieldError[]; id?: string };

function simulateText(text: string, index: number, explanations: boolean): LineOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, fields: [{ path: '', message: 'JSON illisible (vérifiez les guillemets, virgules et accolades).' }] };
  }
  const engine = defaultEngine();
  const parsed = engine.parse(raw, index);
  if (!parsed.ok) {
    const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    return { ok: false, fields: parsed.fields, id };
  }
  return { ok: true, json: JSON.stringify(engine.run(parsed.household, { explain: explanations })) };
}

async function* inputLines(file: string | undefined): AsyncGenerator<string> {
  const stream = file ? fs.createReadStream(file, { encoding: 'utf8' }) : process.stdin;
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

async function readAll(file: string | undefined): Promise<string> {
  if (file) return fs.readFileSync(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runSimulate(file: string | undefined, o: SimulateOptions, out: (line: string) => void, err: (msg: string) => void): Promise<number> {
  if (file && !fs.existsSync(file)) {
    err(`Fichier introuvable : ${file}`);
    return 2;
  }
  let failed = false;
  if (!o.jsonl) {
    const text = (await readAll(file)).trim();
    const r = simulateText(text, 0, o.explanations);
    if (r.ok) out(r.json);
    else {
      err(describe('Foyer', r.fields));
      failed = true;
    }
    return failed ? 2 : 0;
  }
  let lineNo = 0;
  let index = 0;
  for await (const line of inputLines(file)) {
    lineNo++;
    if (!line.trim()) continue;
    const r = simulateText(line, index++, o.explanations);
    if (r.ok) {
      out(r.json);
      continue;
    }
    failed = true;
    err(describe(`Ligne ${lineNo}`, r.fields));
    if (!o.keepGoing) return 2;
    out(
      JSON.stringify({
        ...(r.id ? { id: r.id } : {}),
        line: lineNo,
        error: { code: 'droits/invalid-household', message: 'La description du foyer est incomplète ou incorrecte.', fields: r.fields },
      }),
    );
  }
  return failed ? 2 : 0;
}

export function registerDroitsCli(program: Command, _boot: () => Promise<Runtime>) {
  const g = program.command('droits').description('Droits : estimer les prestations d’un foyer monoparental');
  g.command('simulate')
    .description('Simule un foyer (JSON) ou, avec --jsonl, un foyer par ligne ; écrit une ligne JSON par foyer')
    .argument('[fichier]', 'fichier d’entrée (sinon l’entrée standard)')
    .option('--jsonl', 'un foyer JSON par ligne')
    .option('--keep-going', 'avec --jsonl : continuer après une ligne invalide (une ligne d’erreur est écrite à sa place)')
    .option('--no-explanations', 'ne pas écrire le détail des calculs')
    .action(async (file: string | undefined, o: SimulateOptions) => {
      const buffer: string[] = [];
      const flush = () => {
        if (buffer.length) process.stdout.write(buffer.join('\n') + '\n');
        buffer.length = 0;
      };
      const code = await runSimulate(
        file,
        o,
        (line) => {
          buffer.push(line);
          if (buffer.length >= 256) flush();
        },
        (msg) => {
          flush();
          console.error(msg);
        },
      );
      flush();
      if (code !== 0) exitWith(code);
    });
}
