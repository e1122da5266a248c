/**
 * `relais --help` without loading the application. The compiled CLI (dist/server/, see
 * scripts/build-server.ts) ships, beside its code, the help text of every command, written
 * by the build from the very command tree it compiled (as oclif's manifest does). A help
 * request (`relais [COMMAND…] --help|-h`, `relais help [COMMAND…]`) is answered from that
 * file in a few milliseconds; anything else loads the CLI. Run from the sources (tsx), there
 * is no such file and the CLI is always loaded.
 */
import fs from 'node:fs';
import type { Command } from 'commander';

type HelpTexts = Record<string, string>;

/** The help text `args` ask for, when the file has it; null otherwise (then the CLI decides). */
export function cachedHelp(file: string, args: readonly string[]): string | null {
  let words: readonly string[];
  const last = args.at(-1);
  if (last === '--help' || last === '-h') words = args.slice(0, -1);
  else if (args[0] === 'help') words = args.slice(1);
  else return null;
  if (words.some((w) => w.startsWith('-'))) return null;
  let texts: HelpTexts;
  try {
    texts = JSON.parse(fs.readFileSync(file, 'utf8')) as HelpTexts;
  } catch {
    return null;
  }
  return Object.hasOwn(texts, words.join(' ')) ? texts[words.join(' ')] : null;
}

/** Writes the help text of every command of `program` to `file` (run by the build). */
export function writeHelpCache(program: Command, file: string): number {
  const texts: HelpTexts = {};
  const write = process.stdout.write;
  const visit = (cmd: Command, words: string[]) => {
    let text = '';
    // outputHelp also prints the texts added with addHelpText; capture exactly what it writes.
    process.stdout.write = ((chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      cmd.outputHelp();
    } finally {
      process.stdout.write = write;
    }
    texts[words.join(' ')] = text;
    for (const sub of cmd.commands) visit(sub, [...words, sub.name()]);
  };
  visit(program, []);
  fs.writeFileSync(file, `${JSON.stringify(texts, null, 1)}\n`);
  return Object.keys(texts).length;
}
