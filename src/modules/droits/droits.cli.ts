/**
 * `relais droits simulate [FILE]`: one household (JSON) or, with --jsonl, one per line,
 * from FILE or standard input; one JSON line out per household, in input order.
 * Bad input: a French message on stderr and exit code 2; with --keep-going an error line
 * is written for the bad household and the next lines are still simulated.
 */
import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import type { Runtime } from '../../platform/runtime';
import { defaultJobs, startWorker } from '../../platform/workers';
import { type BatchOptions, type BatchPiece, type PackedBatch, describeFailure, errorLine, isBlank, simulateBatch, simulateText } from './batch';
import type { BatchAnswer, BatchRequest } from './batch.worker';
import { REFERENCE_MODES, type ReferenceMode, defaultEngine } from './engine';

export interface SimulateOptions {
  jsonl?: boolean;
  keepGoing?: boolean;
  explanations: boolean;
  /** Where legal references go (engine.ts ReferenceMode); default `inline`. */
  references?: ReferenceMode;
  /** Worker threads for --jsonl (1: this thread). */
  jobs?: number;
  /** Called after each written batch with the households and input bytes done so far (progress on a terminal). */
  progress?: (households: number, chars: number) => void;
}

/** Households per message to a worker: large enough that messaging costs little, small enough to keep memory flat. */
const BATCH_LINES = 128;

/** Old-generation heap of a worker: the engine and one batch need far less; the limit makes V8 collect early. */
const WORKER_HEAP_MB = 96;

/**
 * Young generation of a worker: V8's default lets it reach ~48 MB per thread before it is
 * collected, most of a run's peak memory; a household's objects die young, 16 MB is plenty.
 */
const WORKER_YOUNG_MB = 16;

/** Bytes read from the input at a time. */
const READ_BYTES = 1 << 20;

function exitWith(code: number): void {
  process.exitCode = code;
  process.once('exit', () => {
    process.exitCode = code;
  });
}

interface ReadBatch {
  batch: PackedBatch;
  households: number;
  bytes: number;
}

/** The bytes from i to the "\n" at nl make a blank line (worker and main thread agree: batch.ts isBlank). */
function blankLine(buf: Buffer, i: number, nl: number): boolean {
  if (buf[i] === 0x7b) return false;
  return isBlank(buf.toString('utf8', i, nl > i && buf[nl - 1] === 0x0d ? nl - 1 : nl));
}

/**
 * The input cut into batches of whole lines (at most BATCH_LINES households each), as bytes:
 * the main thread looks for line ends (and whether a line is blank, for the line numbers and
 * default ids) and nothing else; decoding and parsing happen where the batch is simulated.
 */
async function* readBatches(file: string | undefined): AsyncGenerator<ReadBatch> {
  const stream = file ? fs.createReadStream(file, { highWaterMark: READ_BYTES }) : process.stdin;
  let carry: Buffer = Buffer.alloc(0);
  let lineNo = 1;
  let index = 0;
  const cut = (buf: Buffer, from: number, to: number, firstLine: number, firstIndex: number, households: number): ReadBatch => ({
    // A copy with its own ArrayBuffer: it is transferred to a worker.
    batch: { bytes: new Uint8Array(buf.subarray(from, to)), firstLine, firstIndex },
    households,
    bytes: to - from,
  });
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = carry.length ? Buffer.concat([carry, Buffer.from(chunk)]) : Buffer.from(chunk);
    let from = 0;
    let pos = 0;
    let households = 0;
    let firstLine = lineNo;
    let firstIndex = index;
    for (let nl = buf.indexOf(10, pos); nl !== -1; nl = buf.indexOf(10, pos)) {
      if (!blankLine(buf, pos, nl)) {
        households++;
        index++;
      }
      lineNo++;
      pos = nl + 1;
      if (households < BATCH_LINES) continue;
      yield cut(buf, from, pos, firstLine, firstIndex, households);
      from = pos;
      households = 0;
      firstLine = lineNo;
      firstIndex = index;
    }
    if (from < pos) yield cut(buf, from, pos, firstLine, firstIndex, households);
    carry = buf.subarray(pos);
  }
  // The last line, without its "\n".
  if (carry.length) yield cut(carry, 0, carry.length, lineNo, index, blankLine(carry, 0, carry.length) ? 0 : 1);
}

async function readAll(file: string | undefined): Promise<string> {
  if (file) return fs.readFileSync(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** N worker threads; a batch goes to the least busy; each worker answers in the order it was asked. */
class BatchPool {
  private readonly queues: { resolve: (p: BatchPiece[]) => void; reject: (e: Error) => void }[][];
  private readonly workers;
  private seq = 0;

  constructor(jobs: number) {
    // A worker keeps one batch alive at a time (a few MB); without a limit V8 lets its heap grow
    // to hundreds of MB before collecting, which is most of the peak memory of a long run.
    this.workers = Array.from({ length: jobs }, () =>
      startWorker(new URL('./batch.worker.ts', import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      }),
    );
    this.queues = this.workers.map(() => []);
    this.workers.forEach((w, i) => {
      w.on('message', (a: BatchAnswer) => this.queues[i]!.shift()?.resolve(a.pieces));
      w.on('error', (e) => {
        for (const q of this.queues[i]!.splice(0)) q.reject(e);
      });
    });
  }

  submit(batch: PackedBatch, options: BatchOptions): Promise<BatchPiece[]> {
    let i = 0;
    for (let k = 1; k < this.queues.length; k++) if (this.queues[k]!.length < this.queues[i]!.length) i = k;
    const req: BatchRequest = { seq: this.seq++, batch, options };
    return new Promise((resolve, reject) => {
      this.queues[i]!.push({ resolve, reject });
      this.workers[i]!.postMessage(req, [batch.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Simulates FILE (or standard input); `out` receives the output, whole lines ending with
 * "\n" (a string, or UTF-8 bytes from a worker), in input order (awaited: a slow reader slows the simulation down, memory stays flat);
 * `err` the French messages. Resolves with the exit code (0, or 2 on bad input).
 */
export async function runSimulate(
  file: string | undefined,
  o: SimulateOptions,
  out: (chunk: string | Uint8Array) => void | Promise<void>,
  err: (msg: string) => void,
): Promise<number> {
  if (file && !fs.existsSync(file)) {
    err(`Fichier introuvable : ${file}`);
    return 2;
  }
  const options: BatchOptions = { explanations: o.explanations, references: o.references ?? 'inline' };
  if (!o.jsonl) {
    const r = simulateText((await readAll(file)).trim(), 0, options);
    if (r.ok) {
      await out(r.json + '\n');
      return 0;
    }
    err(describeFailure('Foyer', r.fields));
    return 2;
  }
  const jobs = Math.max(1, o.jobs ?? 1);
  const pool = jobs > 1 ? new BatchPool(jobs) : null;
  // Batches sent and not yet written, in input order; bounded, so reading waits for writing.
  const inflight: Promise<BatchPiece[]>[] = [];
  const maxInflight = jobs > 1 ? jobs * 3 : 1;
  let failed = false;
  let stopped = false;
  let done = 0;
  let chars = 0;
  const sizes: { households: number; chars: number }[] = []; // of each batch in flight, same order
  const writeOldest = async () => {
    const pieces = await inflight.shift()!;
    const size = sizes.shift()!;
    for (const piece of pieces) {
      if ('text' in piece) {
        await out(piece.text);
        continue;
      }
      failed = true;
      err(describeFailure(`Ligne ${piece.failure.lineNo}`, piece.failure.fields));
      if (!o.keepGoing) {
        stopped = true;
        return;
      }
      await out(errorLine(piece.failure));
    }
    done += size.households;
    chars += size.chars;
    o.progress?.(done, chars);
  };
  const send = ({ batch, households, bytes }: ReadBatch) => {
    sizes.push({ households, chars: bytes });
    const p = pool ? pool.submit(batch, options) : Promise.resolve(simulateBatch(batch, options));
    p.catch(() => {}); // a batch abandoned after a stop must not be an unhandled rejection
    inflight.push(p);
  };
  try {
    for await (const read of readBatches(file)) {
      if (read.households === 0) continue;
      send(read);
      while (inflight.length >= maxInflight && !stopped) await writeOldest();
      if (stopped) break;
    }
    while (inflight.length && !stopped) await writeOldest();
  } finally {
    await pool?.close();
  }
  return failed ? 2 : 0;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('un nombre entier de 1 à 256.');
  return n;
}

function referenceMode(value: string): ReferenceMode {
  if (!(REFERENCE_MODES as readonly string[]).includes(value)) throw new InvalidArgumentError(`une de ces valeurs : ${REFERENCE_MODES.join(', ')}.`);
  return value as ReferenceMode;
}

/**
 * "12 345 foyers · 20 100 par seconde · fin dans ~4 s" on stderr, at most once a second, when it
 * is a terminal; the end is estimated from the share of the file read (`totalChars`, its size).
 */
function terminalProgress(totalChars: number | null): ((done: number, chars: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = performance.now();
  let last = 0;
  const nf = new Intl.NumberFormat('fr-FR');
  return (done, chars) => {
    const now = performance.now();
    if (now - last < 1000) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = done / seconds;
    const eta = totalChars && chars > 0 ? ` · fin dans ~${Math.max(1, Math.round((seconds * (totalChars - chars)) / chars))} s` : '';
    process.stderr.write(`\r${nf.format(done)} foyers · ${nf.format(Math.round(rate))} par seconde${eta}   `);
  };
}

export function registerDroitsCli(program: Command, _boot: () => Promise<Runtime>) {
  const g = program.command('droits').description('Droits : estimer les prestations d’un foyer monoparental');
  g.command('simulate')
    .description('Simule un foyer (JSON) ou, avec --jsonl, un foyer par ligne ; écrit une ligne JSON par foyer')
    .argument('[fichier]', 'fichier d’entrée (sinon l’entrée standard)')
    .option('--jsonl', 'un foyer JSON par ligne')
    .option('--keep-going', 'avec --jsonl : continuer après une ligne invalide (une ligne d’erreur est écrite à sa place)')
    .option('--no-explanations', 'ne pas écrire le détail des calculs')
    .option(
      '--references <mode>',
      'références juridiques des étapes : inline (sur les étapes), household (une fois par foyer), ids (sortie compacte : libellés, motifs et paramètres par numéro, voir `relais droits references`)',
      referenceMode,
      'inline',
    )
    .option('--jobs <n>', 'avec --jsonl : nombre de fils de calcul (par défaut : le nombre de cœurs)', positiveInt, defaultJobs())
    .action(async (file: string | undefined, o: SimulateOptions) => {
      const write = (chunk: string | Uint8Array) =>
        process.stdout.write(chunk) ? undefined : new Promise<void>((r) => process.stdout.once('drain', () => r()));
      const progress = o.jsonl ? terminalProgress(file && fs.existsSync(file) ? fs.statSync(file).size : null) : undefined;
      const code = await runSimulate(file, { ...o, progress }, write, (msg) => console.error(msg));
      if (progress) process.stderr.write('\n');
      if (code !== 0) exitWith(code);
    });
  g.command('references')
    .description(
      'Références juridiques de chaque paramètre en vigueur un mois donné et catalogue des libellés, motifs et paramètres (JSON) : ce que désignent les numéros de `--references ids`',
    )
    .option('--period <AAAA-MM>', 'le mois (par défaut : le mois en cours)')
    .action(async (o: { period?: string }) => {
      const engine = defaultEngine();
      // Loaded here only: the clock's time-zone formatter costs ~0.1 s to build, which `simulate` does not need.
      const { parisDate, systemClock } = await import('../../platform/clock');
      const period = o.period ?? parisDate(systemClock.now()).slice(0, 7);
      try {
        process.stdout.write(JSON.stringify(engine.references(period), null, 2) + '\n');
      } catch {
        console.error(`Mois inconnu ou hors des paramètres connus : ${period} (AAAA-MM).`);
        exitWith(2);
      }
    });
}

/**
 * `relais droits …` alone (src/main.ts): the same commands as in the whole `relais` tree,
 * without loading the application (no database, no other module).
 */
export function droitsProgram(): Command {
  const program = new Command('relais').showHelpAfterError().configureHelp({ sortSubcommands: true });
  registerDroitsCli(program, () => Promise.reject(new Error('relais droits: no database')));
  return program;
}
