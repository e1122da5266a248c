/**
 * The house rules in eslint.config.js catch what they promise (and nothing more): a
 * selector or regex that silently stops matching would let the rule lapse unnoticed.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rule ids that fire on `code` as if it were the file `filePath`. */
async function fired(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('module boundaries', () => {
  it('a module reaches another only through its index', async () => {
    expect(await fired('src/modules/droits/x.ts', "import { a } from '../annuaire/annuaire.store';\nexport { a };\n")).toEqual(['no-restricted-imports']);
    expect(await fired('src/modules/droits/potential/x.ts', "import { a } from '../../annuaire/geo';\nexport { a };\n")).toEqual(['no-restricted-imports']);
    expect(await fired('src/modules/droits/x.ts', "import { a } from '../annuaire';\nimport { b } from '../dossiers/index';\nexport { a, b };\n")).toEqual([]);
    expect(
      await fired('src/modules/droits/potential/x.ts', "import { a } from '../engine';\nimport { b } from '../../../platform/csv';\nexport { a, b };\n"),
    ).toEqual([]);
    expect(await fired('src/modules/droits/x.test.ts', "import { a } from '../annuaire/annuaire.store';\nexport { a };\n")).toEqual(['no-restricted-imports']);
  });
  it('the registry imports each module file', async () => {
    expect(await fired('src/modules/registry.ts', "import { m } from './droits/droits.module';\nexport { m };\n")).toEqual([]);
  });
  it('server code never imports the web app', async () => {
    expect(await fired('src/platform/x.ts', "import { a } from '../../web/app/api';\nexport { a };\n")).toEqual(['no-restricted-imports']);
    expect(await fired('src/modules/droits/x.test.ts', "import { a } from '../../../web/features/droits/answers';\nexport { a };\n")).toEqual([
      'no-restricted-imports',
    ]);
  });
  it("the web app imports only types of a module's index, or values of its shared.ts", async () => {
    const web = 'web/features/droits/x.ts';
    expect(await fired(web, "import type { A } from '../../../src/modules/droits/index';\nexport type { A };\n")).toEqual([]);
    expect(await fired(web, "import { simulate } from '../../../src/modules/droits/index';\nexport { simulate };\n")).toEqual(['no-restricted-imports']);
    expect(await fired(web, "import type { A } from '../../../src/modules/droits/engine';\nexport type { A };\n")).toEqual(['no-restricted-imports']);
    expect(await fired(web, "import type { C } from '../../../src/config';\nexport type { C };\n")).toEqual(['no-restricted-imports']);
    expect(await fired(web, "import { isShown } from '../../../src/modules/diagnostic/shared';\nexport { isShown };\n")).toEqual([]);
    // A pure file too, but reached past the module's shared.ts: refused.
    expect(await fired(web, "import { isShown } from '../../../src/modules/diagnostic/model';\nexport { isShown };\n")).toEqual(['no-restricted-imports']);
  });
});

describe('one reader of the environment', () => {
  const read = 'export const port = process.env.PORT;\n';
  it('is src/config.ts', async () => {
    expect(await fired('src/config.ts', read)).toEqual([]);
    expect(await fired('src/platform/x.ts', read)).toEqual(['no-restricted-properties']);
    expect(await fired('src/platform/x.ts', 'const { env } = process;\nexport { env };\n')).toEqual(['no-restricted-properties']);
    expect(await fired('src/platform/x.ts', "import { env } from 'node:process';\nexport { env };\n")).toEqual(['no-restricted-imports']);
    expect(await fired('web/app/x.ts', read)).toEqual(['no-restricted-properties']);
  });
  it('besides the scripts, benchmarks, journeys and tests that hand variables around', async () => {
    for (const f of ['scripts/x.ts', 'bench/x.ts', 'e2e/x.ts', 'src/platform/x.test.ts', 'src/platform/testing.ts']) expect(await fired(f, read)).toEqual([]);
  });
});

describe('one clock', () => {
  it('no Date.now(), new Date() or Date() in src/ outside the clock', async () => {
    for (const code of ['export const t = Date.now();\n', 'export const d = new Date();\n', 'export const s = Date();\n']) {
      expect(await fired('src/modules/droits/x.ts', code)).toEqual(['no-restricted-syntax']);
      expect(await fired('src/platform/clock.ts', code)).toEqual([]);
      expect(await fired('src/modules/droits/x.test.ts', code)).toEqual([]);
    }
  });
  it('a given instant is fine', async () => {
    expect(await fired('src/modules/droits/x.ts', "export const d = new Date('2026-03-10');\nexport const e = new Date(Date.UTC(2026, 2, 10));\n")).toEqual([]);
  });
});
