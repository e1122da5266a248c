/**
 * The module contract (docs/modules.md), checked on the real module list: everything a
 * module brings is declared in its ModuleDef and wired from src/modules/registry.ts;
 * nothing registers itself by being imported. The source checks read src/ as text, so
 * they also see what the types cannot (codes in `any`, job names, side-effect imports).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modules } from '../modules/registry';
import { erasureHooks, exportSources, timelineSources } from '../modules/dossiers/extensions';
import { getForm } from '../modules/dossiers/form-registry';
import { potentialDossiersHooks } from '../modules/droits-potentiels/droits-potentiels.hooks';
import { AppError, errorSpec, platformErrors } from './errors';
import { handleError } from './http/error-handler';
import { getIndicator } from './indicators';
import { z } from 'zod';
import { defineJob, Jobs } from './jobs';
import type { ModuleDef } from './module';
import { platformModule } from './platform.module';
import { assemble, wireModules } from './wiring';

const SRC = path.resolve(__dirname, '..');
const ROOT = path.resolve(SRC, '..');

function sourceFiles(dir: string, opts: { tests: boolean }): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'fixtures') out.push(...sourceFiles(p, opts));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      const isTest = /\.(test|int\.test|e2e)\.ts$/.test(e.name);
      if (isTest && !opts.tests) continue;
      // Comment lines out: docs and examples in comments are not code.
      const text = fs
        .readFileSync(p, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\/\*|\*)/.test(l))
        .join('\n');
      out.push({ file: path.relative(ROOT, p), text });
    }
  }
  return out;
}

const code = sourceFiles(SRC, { tests: false });
const withTests = [
  ...sourceFiles(SRC, { tests: true }),
  ...sourceFiles(path.join(ROOT, 'e2e'), { tests: true }),
  ...sourceFiles(path.join(ROOT, 'bench'), { tests: true }),
];
const wiring = assemble(modules);
const declaredCodes = new Set(wiring.errors.keys());
const declaredJobs = new Map(wiring.jobs.map((j) => [j.name, j]));

/** `[file, match]` for every capture of `re` (global) in the files. */
function findAll(files: { file: string; text: string }[], re: RegExp): [string, string][] {
  const hits: [string, string][] = [];
  for (const { file, text } of files) for (const m of text.matchAll(re)) hits.push([file, m[1]!]);
  return hits;
}

afterAll(() => wireModules(modules));

describe('wiring', () => {
  it('wires the platform, then every module of the registry, once each', () => {
    expect(wiring.modules[0]).toBe(platformModule);
    expect(wiring.modules.slice(1)).toEqual([...modules]);
    expect(new Set(wiring.modules.map((m) => m.name)).size).toBe(wiring.modules.length);
  });

  it('builds the error catalogue from the modules: platform codes and each module’s', () => {
    wireModules(modules);
    expect(errorSpec('http/validation')).toEqual(platformErrors['http/validation']);
    expect(errorSpec('annuaire/invalid-file')?.status).toBe(422);
    expect(errorSpec('droits-potentiels/no-household')?.status).toBe(404);
    expect(new AppError('dossiers/not-found').message).toBe("Ce dossier n'existe pas ou vous n'y avez pas accès.");
  });

  it('hands the other modules’ hooks and forms to dossiers, and the indicators to pilotage', () => {
    wireModules(modules);
    expect(erasureHooks()).toContain(potentialDossiersHooks.erasure);
    expect(exportSources()).toContain(potentialDossiersHooks.export);
    expect(timelineSources()).toContain(potentialDossiersHooks.timeline);
    expect(getForm('droits.simulation')?.fields).toContain('housing.rentMonthlyCents');
    for (const m of modules) for (const ind of m.indicators ?? []) expect(getIndicator(ind.id)).toBe(ind);
  });

  it('reads hooks only from the modules it is given', () => {
    const extra = async () => {};
    wireModules([...modules, { name: 'test-extra', hooks: { dossiers: { erasure: extra } } }]);
    expect(erasureHooks()).toContain(extra);
    wireModules(modules);
    expect(erasureHooks()).not.toContain(extra);
  });

  it('refuses a start with a mistake in a declaration', () => {
    const job = (name: string) => defineJob({ name, handler: async () => {} });
    const bad: [string, ModuleDef[]][] = [
      ['two modules named x', [{ name: 'x' }, { name: 'x' }]],
      ['its codes start with x/', [{ name: 'x', errors: { 'y/oops': { status: 422, message: 'Non.' } } }]],
      ['module/reason', [{ name: 'x', errors: { oops: { status: 422, message: 'Non.' } } }]],
      ['declared twice: http/validation', [{ name: 'http', errors: { 'http/validation': { status: 400, message: 'Non.' } } }]],
      ['its jobs start with x.', [{ name: 'x', jobs: [job('y.run')] }]],
      ['module.verb', [{ name: 'x', jobs: [job('x-run')] }]],
      ['job declared twice: x.run', [{ name: 'x', jobs: [job('x.run'), job('x.run')] }]],
    ];
    for (const [message, list] of bad) expect(() => assemble(list), message).toThrow(message);
  });
});

describe('error codes', () => {
  it('does not compile a code no module declares', () => {
    // @ts-expect-error — 'x/unknown' is not an ErrorCode: the type check fails if this line compiles.
    const e = new AppError('x/unknown');
    expect(e.code).toBe('x/unknown');
  });

  it('treats an undeclared code reaching runtime (through any) as a bug: 500, never the raw code as message', () => {
    wireModules(modules);
    const e = new AppError('x/unknown' as any);
    expect(e.declared).toBe(false);
    expect(e.status).toBe(500);
    expect(e.message).not.toContain('x/unknown');
    expect(new AppError('auth/required').declared).toBe(true);
  });

  it('the HTTP error handler answers an undeclared code 500, logged, without the code', async () => {
    wireModules(modules);
    const logged: unknown[] = [];
    const req = { id: 'req-1', log: { error: (o: unknown) => logged.push(o), warn: () => {}, info: () => {} }, raw: {}, headers: {} };
    const sent: { status?: number; body?: any } = {};
    const reply = {
      status(n: number) {
        sent.status = n;
        return reply;
      },
      header: () => reply,
      send(b: unknown) {
        sent.body = b;
        return reply;
      },
    };
    await handleError(new AppError('x/unknown' as any), req as any, reply as any);
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('x/unknown');
    expect(logged).toHaveLength(1);
    await handleError(new AppError('dossiers/not-found'), req as any, reply as any);
    expect(sent.status).toBe(404);
    expect(sent.body.error).toEqual({ code: 'dossiers/not-found', message: "Ce dossier n'existe pas ou vous n'y avez pas accès." });
  });

  it('every code the sources throw or answer is declared by a module', () => {
    // `new AppError('a/b'…)`, also `AppError(cond ? 'a/b' : 'c/d')`: the literals of the first argument.
    const thrown = findAll(code, /AppError\(([^,)]*)/g).flatMap(([file, arg]) =>
      [...arg.matchAll(/'([a-z0-9-]+\/[a-z0-9-]+)'/g)].map((m): [string, string] => [file, m[1]!]),
    );
    // The HTTP error handler answers codes by name (errorSpec('…'), sendCode(reply, '…'), its tables).
    const handler = code.filter((f) => f.file.startsWith('src/platform/http/'));
    const answered = [...findAll(code, /errorSpec\('([^']+)'\)/g), ...findAll(handler, /'((?:http|db|auth)\/[a-z0-9-]+)'/g)];
    expect(thrown.length).toBeGreaterThan(50);
    const undeclared = [...thrown, ...answered].filter(([, c]) => !declaredCodes.has(c)).map(([f, c]) => `${f}: ${c}`);
    expect(undeclared, 'codes thrown but declared by no module (add them to the module’s <m>.errors.ts)').toEqual([]);
  });

  it('every errors map in the sources is listed in a module', () => {
    const inErrorFiles = findAll(
      code.filter((f) => f.file.endsWith('.errors.ts') || f.file === 'src/platform/errors.ts'),
      /^\s*'([a-z0-9-]+\/[a-z0-9-]+)':\s*\{\s*status/gm,
    );
    expect(inErrorFiles.length).toBeGreaterThan(20);
    expect(inErrorFiles.filter(([, c]) => !declaredCodes.has(c)).map(([f, c]) => `${f}: ${c}`)).toEqual([]);
  });
});

describe('jobs', () => {
  // Tests and journeys may still run a job by its name (`deps.jobs.runNow('<m>.<verb>', …)`): checked here.
  const runPattern = /jobs\.runNow(?:<[^>]*>)?\(\s*['"`]([^'"`]+)['"`]/g;
  /** `[file, variable, name]` of every `export const x = defineJob({ name: '…'` in the sources. */
  const definitions = [...code].flatMap(({ file, text }) =>
    [...text.matchAll(/const\s+(\w+)\s*=\s*defineJob(?:<[^(]*>)?\(\{\s*name:\s*'([^']+)'/g)].map((m) => ({ file, variable: m[1]!, name: m[2]! })),
  );
  const moduleOf = (file: string) => /^src\/(modules\/[^/]+|platform)\//.exec(file)?.[1];

  it('queues a job by its handle only, with the payload its schema types', async () => {
    const job = defineJob({ name: 'x.run', payload: z.object({ id: z.string() }), handler: async () => {} });
    const jobs = new Jobs('postgres://unused', []);
    // @ts-expect-error the queue has no `send` by name: an unknown job name does not compile
    expect(jobs.send).toBeUndefined();
    // @ts-expect-error the payload is typed by the job's schema (and checked at run time)
    await expect(job.send(jobs, { id: 3 })).rejects.toThrow();
    await expect(job.send({ jobs }, { id: 'a' })).rejects.toThrow('unknown job x.run');
  });

  it('a job is queued only by its own handle, never by a name', () => {
    const byName = findAll(withTests, /jobs\.send(?:<[^>]*>)?\(\s*(['"`][^'"`]+['"`])/g);
    expect(byName.map(([f, n]) => `${f}: jobs.send(${n}…)`)).toEqual([]);
  });

  it('every job the tests and journeys run by name is declared by a module', () => {
    const used = findAll(withTests, runPattern);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter(([, n]) => !declaredJobs.has(n)).map(([f, n]) => `${f}: ${n}`)).toEqual([]);
  });

  it('every defineJob in the sources is listed in a module', () => {
    expect(definitions.length).toBeGreaterThanOrEqual(declaredJobs.size);
    expect(definitions.filter((d) => !declaredJobs.has(d.name)).map((d) => `${d.file}: ${d.name}`)).toEqual([]);
  });

  it('every declared job is scheduled (cron) or sent by the code', () => {
    // Sent: `<handle>.send(` in a file of the handle's module, or in a file that imports the handle.
    const sent = new Set(
      definitions
        .filter((d) =>
          code.some(
            ({ file, text }) =>
              new RegExp(`\\b${d.variable}\\.send\\(`).test(text) &&
              (moduleOf(file) === moduleOf(d.file) || new RegExp(`import[^;]*\\b${d.variable}\\b[^;]*from`).test(text)),
          ),
        )
        .map((d) => d.name),
    );
    const idle = wiring.jobs.filter((j) => !j.cron && !sent.has(j.name)).map((j) => j.name);
    expect(idle, 'jobs that nothing would ever run').toEqual([]);
  });
});

describe('nothing registers itself by being imported', () => {
  it('has no side-effect import in the server code', () => {
    const bare = findAll(code, /^import\s+['"]([^'"]+)['"];?\s*(?:\/\/.*)?$/gm);
    expect(bare.map(([f, m]) => `${f}: import '${m}'`)).toEqual([]);
  });

  it('every defineForm in the sources is listed in a module', () => {
    wireModules(modules);
    const forms = findAll(code, /defineForm\(\s*'([^']+)'/g);
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.filter(([, id]) => !getForm(id)).map(([f, id]) => `${f}: ${id}`)).toEqual([]);
  });
});
