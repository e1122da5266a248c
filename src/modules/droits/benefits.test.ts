/**
 * One list of benefits: adding a key to BENEFITS without its formula, explanation,
 * headline amounts and facts does not type-check. The compiler is run on the engine's
 * files with benefits.ts replaced in memory by a copy that has one more key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BENEFIT_FACTS, BENEFITS } from './benefits';

const here = import.meta.dirname;
const benefitsFile = path.join(here, 'benefits.ts');
const NEW_KEY = 'prime_imaginaire';

function diagnosticsWith(benefitsSource: string): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === benefitsFile ? benefitsSource : readFile(f));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, onError) =>
    path.resolve(f) === benefitsFile ? ts.createSourceFile(f, benefitsSource, lang) : getSourceFile(f, lang, onError);
  const roots = ['engine.ts', 'explanations.ts', 'catalogue.ts', 'benefits.ts'].map((f) => path.join(here, f));
  const program = ts.createProgram(roots, options, host);
  const byFile = new Map<string, string[]>();
  for (const d of roots.flatMap((f) => program.getSemanticDiagnostics(program.getSourceFile(f)))) {
    if (!d.file) continue;
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!message.includes(NEW_KEY)) continue; // only what the new key causes
    const name = path.basename(d.file.fileName);
    byFile.set(name, [...(byFile.get(name) ?? []), message]);
  }
  return byFile;
}

describe('the list of benefits', () => {
  it('has the facts of every benefit, in the API keys', () => {
    expect(Object.keys(BENEFIT_FACTS)).toEqual([...BENEFITS]);
  });

  it('a new benefit without its formula, explanation, headline amounts and facts does not type-check', () => {
    const source = readFileSync(benefitsFile, 'utf8');
    const added = source.replace("'ars_annuel'] as const", `'ars_annuel', '${NEW_KEY}'] as const`);
    expect(added).not.toBe(source);
    const errors = diagnosticsWith(added);
    expect([...errors.keys()].sort()).toEqual(['benefits.ts', 'catalogue.ts', 'engine.ts', 'explanations.ts']);
  }, 120_000);
});
